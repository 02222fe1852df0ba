package net.wagw.domain.work;

import java.time.Duration;

/**
 * Where work waits until it is due; durable once {@link #enqueue} returns. Work of one lane (a
 * customer of a bot, say) is handed out in the order it was queued, one piece at a time.
 */
public interface WorkQueue {

    /** Holds the work until {@code delay} has passed; throws when the queue could not keep it. */
    void enqueue(Work work, Duration delay);

    /** As {@link #enqueue(Work, Duration)}, in order behind the earlier work of {@code lane}. */
    default void enqueue(Work work, String lane, Duration delay) {
        enqueue(work, delay);
    }
}
