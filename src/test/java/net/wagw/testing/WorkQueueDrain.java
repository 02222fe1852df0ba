package net.wagw.testing;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.wagw.functions.WorkRouter;
import net.wagw.queue.SqsWorkQueue;

/**
 * Runs dispatch over the real queue until nothing on it is due by the application's clock: what
 * Lambda's event source mapping does in AWS, made to finish so that tests can look at the result.
 */
@ApplicationScoped
public class WorkQueueDrain {
    /** Rounds in a row that tried nothing before the queue counts as drained. */
    private static final int IDLE_ROUNDS = 3;

    @Inject
    SqsWorkQueue queue;
    @Inject
    WorkRouter router;

    @Inject
    software.amazon.awssdk.services.sqs.SqsClient sqs;

    /** {@link #drain()} of the running application's queue, for static test helpers. */
    public static int drainQueue() {
        return io.quarkus.arc.Arc.container().instance(WorkQueueDrain.class).get().drain();
    }

    /** Empties the queue of what earlier tests left there (a bot still down, say). */
    public void purge() {
        String url = sqs.getQueueUrl(r -> r.queueName(net.wagw.queue.Queues.WORK)).queueUrl();
        sqs.purgeQueue(r -> r.queueUrl(url));
    }

    /** @return how many tries were made */
    public int drain() {
        int handled = 0;
        int idle = 0;
        while (idle < IDLE_ROUNDS) {
            SqsWorkQueue.Outcome outcome = queue.poll(10, Duration.ZERO, router);
            handled += outcome.handled();
            idle = outcome.handled() == 0 && outcome.done().isEmpty() ? idle + 1 : 0;
        }
        return handled;
    }
}
