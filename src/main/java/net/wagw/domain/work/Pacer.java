package net.wagw.domain.work;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps sends within Meta's limits (docs/queue.md): the number's throughput (80 messages per second
 * by default; Meta raises it to 1,000 on upgrade, 130429 above it) and the pair rate to one
 * customer (one message per 6 s, with bursts of up to 45 allowed and paid back at that rate;
 * 131056 above it). Token buckets, one per number and one per number and customer; the caller
 * asks how long to wait before a send and either waits or defers the send on the queue. Meta
 * documents no burst for throughput (developers.facebook.com/documentation/business-messaging/whatsapp/throughput),
 * so the number's bucket holds one slot: one holding a second's worth let twice the rate through
 * in a second, and every drain after a pause began with 130429 answers.
 */
public final class Pacer {
    /** Meta's pair rate: one message every 6 seconds to the same customer... */
    static final Duration PAIR_INTERVAL = Duration.ofSeconds(6);
    /** ...and a burst of up to 45 before that rate applies. */
    static final int PAIR_BURST = 45;
    private static final int MAX_PAIRS = 100_000;
    /** The number's bucket: no burst above its rate. */
    private static final double NUMBER_BURST = 1;

    private final Clock clock;
    private final double perSecond;
    private final Map<String, Bucket> numbers = new LinkedHashMap<>();
    private final Map<String, Bucket> pairs = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_PAIRS;
        }
    };

    /** @param perSecond messages per second this process may send for one number */
    public Pacer(Clock clock, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a send rate must be positive");
        }
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /**
     * Takes a slot for one message from {@code phoneNumberId} to {@code to} if both limits have
     * one now (answering zero), else takes nothing and answers how long until they will.
     */
    public synchronized Duration reserve(String phoneNumberId, String to) {
        long now = clock.millis();
        Bucket number = numbers.computeIfAbsent(phoneNumberId, k -> new Bucket(NUMBER_BURST, perSecond, now));
        Bucket pair = pairs.computeIfAbsent(phoneNumberId + "/" + to,
                k -> new Bucket(PAIR_BURST, 1000.0 / PAIR_INTERVAL.toMillis(), now));
        long wait = Math.max(number.waitMillis(now), pair.waitMillis(now));
        if (wait > 0) {
            return Duration.ofMillis(wait);
        }
        number.take(now);
        pair.take(now);
        return Duration.ZERO;
    }

    /** Meta said the number is over its throughput (130429): no slots for it for {@code pause}. */
    public synchronized void throttled(String phoneNumberId, Duration pause) {
        long now = clock.millis();
        Bucket number = numbers.computeIfAbsent(phoneNumberId, k -> new Bucket(NUMBER_BURST, perSecond, now));
        number.drain(now, pause.toMillis());
    }

    /** A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
    private static final class Bucket {
        private final double capacity;
        private final double perMilli;
        private double tokens;
        private long at;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perMilli = perSecond / 1000.0;
            this.tokens = capacity;
            this.at = now;
        }

        private void refill(long now) {
            if (now < at) {
                // the clock went back: start over rather than wait for it to catch up
                tokens = capacity;
                at = now;
            } else if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * perMilli);
                at = now;
            }
        }

        long waitMillis(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perMilli);
        }

        void take(long now) {
            refill(now);
            tokens -= 1;
        }

        void drain(long now, long pauseMillis) {
            refill(now);
            tokens = Math.min(tokens, -pauseMillis * perMilli);
        }
    }
}
