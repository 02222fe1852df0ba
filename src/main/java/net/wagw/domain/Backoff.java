package net.wagw.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a queued retry waits (docs/queue.md): the one schedule of every retry wagw makes, a
 * bot's delivery or a send to Meta. The first wait, then twice the one before, never more than
 * {@code cap}.
 */
public record Backoff(Duration first, Duration cap) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
    }

    /** The wait after the {@code attempts}-th try (the first try, or none yet, waits {@link #first}). */
    public Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
