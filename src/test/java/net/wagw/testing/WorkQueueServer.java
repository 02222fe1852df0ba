package net.wagw.testing;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import net.wagw.local.ElasticMq;
import net.wagw.queue.QueueConnection;
import net.wagw.queue.Queues;

/**
 * A real ElasticMQ with the work queue, for a test class without Quarkus
 * ({@code @RegisterExtension static final WorkQueueServer QUEUE = new WorkQueueServer();}): started
 * before the class's tests, stopped after them. Its own server, apart from {@link ElasticMqResource}'s:
 * an application that Quarkus keeps running across test classes keeps its queue, and the outage
 * tests stop that one.
 */
public final class WorkQueueServer implements BeforeAllCallback, AfterAllCallback {
    private ElasticMq server;
    private QueueConnection connection;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ElasticMq.start(Path.of("").toAbsolutePath());
        ElasticMqResource.createQueues(server);
        connection = new QueueConnection(Optional.of(server.endpoint()), "us-east-1", Optional.empty(), Queues.WORK, 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** How the application would reach the work queue on this server. */
    public QueueConnection connection() {
        return connection;
    }
}
