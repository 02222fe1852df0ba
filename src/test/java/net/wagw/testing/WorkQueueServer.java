package net.wagw.testing;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import net.wagw.queue.QueueConnection;
import net.wagw.queue.Queues;

/**
 * A real ElasticMQ with the work queue, for a test class without Quarkus
 * ({@code @RegisterExtension static final WorkQueueServer QUEUE = new WorkQueueServer();}): started
 * before the class's tests, stopped after them.
 */
public final class WorkQueueServer implements BeforeAllCallback, AfterAllCallback {
    private final ElasticMqResource server = new ElasticMqResource();
    private QueueConnection connection;

    @Override
    public void beforeAll(ExtensionContext context) {
        URI endpoint = URI.create(server.start().get("wagw.queue.endpoint"));
        connection = new QueueConnection(Optional.of(endpoint), "us-east-1", Optional.empty(), Queues.WORK, 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /** How the application would reach the work queue on this server. */
    public QueueConnection connection() {
        return connection;
    }
}
