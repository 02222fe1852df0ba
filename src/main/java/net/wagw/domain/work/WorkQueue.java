package net.wagw.domain.work;

import java.time.Duration;

/** Where work waits until it is due; durable once {@link #enqueue} returns. */
public interface WorkQueue {

    /** Holds the work until {@code delay} has passed; throws when the queue could not keep it. */
    void enqueue(Work work, Duration delay);
}
