package net.wagw.queue;

import java.net.URI;
import java.util.Optional;

/**
 * Where the work queue is: AWS (no endpoint; the queue URL from the environment) or a local
 * SQS-compatible server such as ElasticMQ (an endpoint; the queue found by name).
 *
 * @param maxVisibilitySeconds the longest a deferred piece of work is hidden on the queue; longer
 *                             waits are hidden again when they come up (SQS allows 12 hours)
 */
public record QueueConnection(Optional<URI> endpoint, String region, Optional<String> url, String name,
        int maxVisibilitySeconds) {
}
