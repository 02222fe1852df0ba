package net.wagw.local;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import net.wagw.config.WagwConfig;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.queue.QueueConnection;
import net.wagw.queue.QueueInstaller;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsClients;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.S3Clients;
import net.wagw.store.S3Connection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one-command local run ({@code ./mvnw quarkus:dev}): starts dynalite, s3rver and ElasticMQ and
 * creates the tables, bucket and queue before anything uses them, stops them on exit, and prints
 * how to call the demo bot.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class LocalRun {
    private static final Logger LOG = Logger.getLogger(LocalRun.class);

    private Dynalite dynalite;
    private ElasticMq elasticMq;
    private S3rver s3rver;
    private ScheduledExecutorService schedules;

    @Produces
    @Singleton
    DynamoConnection localDynamo(TableNames names) {
        dynalite = Dynalite.start(Path.of("").toAbsolutePath());
        DynamoConnection connection = new DynamoConnection(java.util.Optional.of(dynalite.endpoint()), "us-east-1");
        try (DynamoDbClient dynamo = DynamoClients.build(connection)) {
            TableInstaller.createMissing(dynamo, names);
        }
        LOG.infof("dynalite (in memory) at %s with the wagw tables", dynalite.endpoint());
        return connection;
    }

    /** ElasticMQ with the work queue, where SQS would be in AWS. */
    @Produces
    @Singleton
    QueueConnection localQueue(WagwConfig config) {
        elasticMq = ElasticMq.start(Path.of("").toAbsolutePath());
        QueueConnection connection = new QueueConnection(java.util.Optional.of(elasticMq.endpoint()), "us-east-1",
                java.util.Optional.empty(), Queues.WORK, config.queue().maxVisibilitySeconds());
        try (SqsClient sqs = SqsClients.build(connection)) {
            QueueInstaller.createMissing(sqs);
        }
        LOG.infof("ElasticMQ (in memory) at %s with the work queue", elasticMq.endpoint());
        return connection;
    }

    @Produces
    @Singleton
    S3Connection localS3(net.wagw.config.MediaConfig media) {
        s3rver = S3rver.start(Path.of("").toAbsolutePath());
        S3Connection connection = new S3Connection(java.util.Optional.of(s3rver.endpoint()), media.s3Region());
        try (software.amazon.awssdk.services.s3.S3Client s3 = S3Clients.client(connection)) {
            S3Clients.createBucket(s3, media.bucket());
        }
        LOG.infof("s3rver (a temporary directory) at %s with the bucket %s", s3rver.endpoint(), media.bucket());
        return connection;
    }

    void started(@Observes @Priority(3000) StartupEvent startup, DynamoConnection connection, LocalGateway gateway,
            ScheduledFunctions scheduled,
            @ConfigProperty(name = "wagw.local.demo-bot-id") String botId,
            @ConfigProperty(name = "wagw.local.demo-access-key") String accessKey) {
        String authorization = "Key " + Base64.getEncoder()
                .encodeToString((botId + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
        LOG.infof("Demo bot '%s' (local only): Authorization: %s", botId, authorization);
        LOG.infof("Try: curl -H 'Authorization: %s' http://localhost:%d/accounts/+5531988889999",
                authorization, gateway.port());
        // the work queue is pumped by QueuePump (%dev.wagw.local.pump-queue); the sweep now and every 15
        schedules = Executors.newSingleThreadScheduledExecutor();
        schedules.scheduleWithFixedDelay(() -> run("sweep", () -> scheduled.sweep(null)), 2, 900, TimeUnit.SECONDS);
    }

    /**
     * A scheduled executor drops a task's exception silently: say it, and what a round did when it
     * did something (a line a minute saying nothing happened is noise).
     */
    private static void run(String name, java.util.function.Supplier<ScheduledFunctions.Report> round) {
        try {
            ScheduledFunctions.Report report = round.get();
            if (report.messages() + report.deliveries() + report.templates() + report.failures() > 0) {
                LOG.infof("%s: %d messages retried, %d deliveries, %d templates synced, %d failures", name,
                        report.messages(), report.deliveries(), report.templates(), report.failures());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s failed", name);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (schedules != null) {
            schedules.shutdownNow();
        }
        if (elasticMq != null) {
            elasticMq.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
        if (s3rver != null) {
            s3rver.close();
        }
    }
}
