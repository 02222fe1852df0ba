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
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.config.WagwConfig;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.queue.QueueConnection;
import net.wagw.queue.QueueInstaller;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsClients;
import net.wagw.queue.SqsWorkQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one-command local run ({@code ./mvnw quarkus:dev}): starts dynalite and creates the tables
 * before anything uses DynamoDB, stops it on exit, and prints how to call the demo bot.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class LocalRun {
    private static final Logger LOG = Logger.getLogger(LocalRun.class);

    private Dynalite dynalite;
    private ElasticMq elasticMq;
    private ScheduledExecutorService schedules;
    private volatile boolean polling;

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

    void started(@Observes @Priority(3000) StartupEvent startup, DynamoConnection connection, LocalGateway gateway,
            ScheduledFunctions scheduled, SqsWorkQueue queue, ObjectMapper json,
            @ConfigProperty(name = "wagw.local.demo-bot-id") String botId,
            @ConfigProperty(name = "wagw.local.demo-access-key") String accessKey) {
        String authorization = "Key " + Base64.getEncoder()
                .encodeToString((botId + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
        LOG.infof("Demo bot '%s' (local only): Authorization: %s", botId, authorization);
        LOG.infof("Try: curl -H 'Authorization: %s' http://localhost:%d/accounts/+5531988889999",
                authorization, gateway.port());
        // As Lambda's event source mapping would in AWS: the queue long-polled, each batch handed to
        // dispatch as an SQS event, what it did not report failed deleted. The sweep now and every 15.
        schedules = Executors.newScheduledThreadPool(2);
        polling = true;
        schedules.execute(() -> poll(queue, scheduled, json));
        schedules.scheduleWithFixedDelay(() -> run("sweep", () -> scheduled.sweep(null)), 2, 900, TimeUnit.SECONDS);
    }

    private void poll(SqsWorkQueue queue, ScheduledFunctions scheduled, ObjectMapper json) {
        while (polling) {
            try {
                List<SqsWorkQueue.Received> batch = queue.receive(10, Duration.ofSeconds(5));
                if (batch.isEmpty()) {
                    continue;
                }
                ScheduledFunctions.DispatchReport report = scheduled.dispatch(sqsEvent(json, batch));
                queue.delete(batch, report.batchItemFailures().stream().map(ScheduledFunctions.ItemFailure::itemIdentifier)
                        .toList());
            } catch (RuntimeException e) {
                if (polling) {
                    LOG.errorf(e, "polling the work queue failed; trying again");
                    sleep(1000);
                }
            }
        }
    }

    /** Lambda's SQS event, as the event source mapping builds it, for the parts dispatch reads. */
    public static JsonNode sqsEvent(ObjectMapper json, List<SqsWorkQueue.Received> batch) {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (SqsWorkQueue.Received message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            record.put("eventSource", "aws:sqs");
            record.putObject("attributes").put("MessageGroupId", message.group());
            record.putObject("messageAttributes").putObject(Queues.NOT_BEFORE).put("dataType", "Number")
                    .put("stringValue", Long.toString(message.notBefore()));
        }
        return event;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A scheduled executor drops a task's exception silently: say it, and what a round did. */
    private static void run(String name, java.util.function.Supplier<ScheduledFunctions.Report> round) {
        try {
            ScheduledFunctions.Report report = round.get();
            LOG.infof("%s: %s", name, report);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s failed", name);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        polling = false;
        if (schedules != null) {
            schedules.shutdownNow();
        }
        if (elasticMq != null) {
            elasticMq.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
