package net.wagw.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import net.wagw.local.ElasticMq;
import net.wagw.queue.QueueConnection;
import net.wagw.queue.QueueInstaller;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsClients;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real ElasticMQ process (an SQS-compatible server) for a {@code @QuarkusTest}: started on a
 * free loopback port with the work queue created, handed to the application as
 * {@code wagw.queue.endpoint}, stopped after. Deferred work is hidden for 0 s, so that tests move
 * the application's clock instead of waiting: work that is not due yet comes back at once and is
 * hidden again until the clock says it is due.
 */
public class ElasticMqResource implements QuarkusTestResourceLifecycleManager {
    private static volatile ElasticMq current;
    private ElasticMq server;

    @Override
    public Map<String, String> start() {
        server = ElasticMq.start(Path.of("").toAbsolutePath());
        current = server;
        createQueues(server);
        return Map.of("wagw.queue.endpoint", server.endpoint().toString(), "wagw.queue.max-visibility-seconds", "0");
    }

    /** Takes the queue server away from the running application (an outage). */
    public static void stopQueue() {
        current.close();
    }

    /** Brings it back, empty, on the same endpoint, with its queues. */
    public static void restartQueue() {
        current = current.restart();
        createQueues(current);
    }

    static void createQueues(ElasticMq server) {
        try (SqsClient sqs = SqsClients.build(new QueueConnection(Optional.of(server.endpoint()), "us-east-1",
                Optional.empty(), Queues.WORK, 0))) {
            QueueInstaller.createMissing(sqs);
        }
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
