package net.wagw.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.wagw.functions.WorkRouter;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsWorkQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs dispatch over the real queue until nothing on it is due by the application's clock: what
 * Lambda's event source mapping does in AWS, made to finish so that tests can look at the result.
 * Work that is not due is set aside (hidden) for the rest of the drain, so that the drain reaches
 * everything once, and made visible again at its end for the next (the clock may have moved).
 */
@ApplicationScoped
public class WorkQueueDrain {
    private static final int SET_ASIDE_SECONDS = 120;

    @Inject
    SqsWorkQueue queue;
    @Inject
    WorkRouter router;
    @Inject
    SqsClient sqs;

    /** {@link #drain()} of the running application's queue, for static test helpers. */
    public static int drainQueue() {
        return io.quarkus.arc.Arc.container().instance(WorkQueueDrain.class).get().drain();
    }

    /** Empties the queue of what earlier tests left there (a bot still down, say). */
    public void purge() {
        sqs.purgeQueue(r -> r.queueUrl(url()));
    }

    /** @return how many tries were made */
    public synchronized int drain() {
        int handled = 0;
        List<String> setAside = new ArrayList<>();
        try {
            while (true) {
                List<SqsWorkQueue.Received> batch = queue.receive(10, Duration.ZERO);
                if (batch.isEmpty()) {
                    return handled;
                }
                SqsWorkQueue.Outcome outcome = queue.process(batch, router);
                handled += outcome.handled();
                queue.delete(batch, outcome.failed());
                for (SqsWorkQueue.Received message : batch) {
                    if (outcome.failed().contains(message.messageId())) {
                        hide(message.receiptHandle(), SET_ASIDE_SECONDS);
                        setAside.add(message.receiptHandle());
                    }
                }
            }
        } finally {
            setAside.forEach(handle -> hide(handle, 0));
        }
    }

    private void hide(String receiptHandle, int seconds) {
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(url()).receiptHandle(receiptHandle).visibilityTimeout(seconds));
        } catch (RuntimeException gone) {
            // deleted meanwhile
        }
    }

    private String url() {
        return sqs.getQueueUrl(r -> r.queueName(Queues.WORK)).queueUrl();
    }
}
