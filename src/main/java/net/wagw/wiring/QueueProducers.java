package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import net.wagw.config.WagwConfig;
import net.wagw.queue.QueueConnection;
import net.wagw.store.AwsCallCounter;
import net.wagw.queue.SqsClients;
import net.wagw.queue.SqsWorkQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The work queue (docs/queue.md): its SQS client, built once per process, and the queue on it. */
@ApplicationScoped
public class QueueProducers {

    @Produces
    @Singleton
    @DefaultBean
    QueueConnection queueConnection(WagwConfig config) {
        WagwConfig.Queue queue = config.queue();
        return new QueueConnection(queue.endpoint(), queue.region(), queue.url(), queue.name(),
                queue.maxVisibilitySeconds());
    }

    @Produces
    @Singleton
    SqsClient sqs(QueueConnection connection, AwsCallCounter counter) {
        return SqsClients.build(connection, counter);
    }

    void close(@Disposes SqsClient client) {
        client.close();
    }

    @Produces
    @Singleton
    SqsWorkQueue workQueue(SqsClient sqs, QueueConnection connection, Clock clock) {
        return new SqsWorkQueue(sqs, connection, clock);
    }
}
