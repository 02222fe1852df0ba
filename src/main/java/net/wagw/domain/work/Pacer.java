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
 * <p>
 * Meta may allow a number less than the configured rate (its throughput counts the number's other
 * traffic too), and says so only with 130429. The number's rate adapts: a 130429 pauses the number
 * for a second and lowers its rate to just under what was sent in the last second (by an eighth
 * at least, by half at most; once per pause: the answers to sends already made say the same).
 * Each second without one raises it again: quickly to just under the rate Meta refused, slowly
 * past it, faster well above it, never above the configured rate.
 */
public final class Pacer {
    /** Meta's pair rate: one message every 6 seconds to the same customer... */
    static final Duration PAIR_INTERVAL = Duration.ofSeconds(6);
    /** ...and a burst of up to 45 before that rate applies. */
    static final int PAIR_BURST = 45;
    /** How long a 130429 stops the number: long enough for Meta's one-second count to empty. */
    public static final Duration THROTTLE_PAUSE = Duration.ofSeconds(1);
    private static final int MAX_PAIRS = 100_000;
    /** The number's bucket: no burst above its rate. */
    private static final double NUMBER_BURST = 1;
    /** What a 130429 keeps of the rate it answered. */
    private static final double DECREASE = 0.875;
    /** After a 130429 the rate climbs back quickly (halving the distance each second) to this share of the refused rate... */
    private static final double SETTLE = 0.98;
    /** ...then rises by this share of the refused rate each second, up to {@link #NEAR} times it... */
    private static final double PROBE = 0.001;
    private static final double NEAR = 1.1;
    /** ...and by this share of the configured rate above it (Meta allows more again). */
    private static final double RECOVER = 0.05;

    private final Clock clock;
    private final double perSecond;
    private final Map<String, Number> numbers = new LinkedHashMap<>();
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
        Number number = number(phoneNumberId, now);
        number.adapt(now);
        Bucket pair = pairs.computeIfAbsent(phoneNumberId + "/" + to,
                k -> new Bucket(PAIR_BURST, 1000.0 / PAIR_INTERVAL.toMillis(), now));
        long wait = Math.max(number.bucket.waitMillis(now), pair.waitMillis(now));
        if (wait > 0) {
            return Duration.ofMillis(wait);
        }
        number.bucket.take(now);
        number.granted(now, true);
        pair.take(now);
        return Duration.ZERO;
    }

    /** Meta said the number is over its throughput (130429): a pause, and a lower rate after it. */
    public synchronized void throttled(String phoneNumberId) {
        long now = clock.millis();
        number(phoneNumberId, now).throttled(now);
    }

    /** The rate the number is paced at now, messages per second. */
    public synchronized double rate(String phoneNumberId) {
        long now = clock.millis();
        Number number = number(phoneNumberId, now);
        number.adapt(now);
        return number.rate;
    }

    private Number number(String phoneNumberId, long now) {
        return numbers.computeIfAbsent(phoneNumberId, k -> new Number(now));
    }

    /** One number's adaptive rate and its bucket. */
    private final class Number {
        private final Bucket bucket;
        private double rate = perSecond;
        /** The rate Meta last answered 130429 at; 0 before any. */
        private double refused;
        /** Until when the current 130429's pause lasts: more answers until then are the same overload. */
        private long pausedUntil = Long.MIN_VALUE;
        /** Time of the last change of rate: a rise is due each whole second after it. */
        private long changedAt;

        /** Sends granted in the last second. */
        private final java.util.ArrayDeque<Long> grants = new java.util.ArrayDeque<>();

        void granted(long now, boolean take) {
            while (!grants.isEmpty() && (grants.peekFirst() <= now - 1000 || grants.peekFirst() > now)) {
                grants.pollFirst();
            }
            if (take) {
                grants.addLast(now);
            }
        }

        private int granted(long now) {
            granted(now, false);
            return grants.size();
        }

        Number(long now) {
            bucket = new Bucket(NUMBER_BURST, perSecond, now);
            changedAt = now;
        }

        void throttled(long now) {
            if (now < pausedUntil) {
                return;
            }
            adapt(now);
            // what went in the last second is what Meta refused: a better guess of its limit than
            // the rate when Meta allows much less; at most halved at once, as sends may have come slower
            refused = Math.min(rate, Math.max(rate / 2, granted(now)));
            rate = Math.max(Math.min(1, perSecond), Math.min(rate * DECREASE, refused * SETTLE));
            pausedUntil = now + THROTTLE_PAUSE.toMillis();
            changedAt = pausedUntil;
            bucket.rate(now, rate);
            bucket.drain(now, THROTTLE_PAUSE.toMillis());
        }

        void adapt(long now) {
            if (rate >= perSecond) {
                return;
            }
            if (now < changedAt) {
                if (changedAt - now > THROTTLE_PAUSE.toMillis()) {
                    changedAt = now; // the clock went back: count from here
                }
                return;
            }
            long seconds = Math.min((now - changedAt) / 1000, 10_000);
            for (long s = 0; s < seconds && rate < perSecond; s++) {
                double settle = refused * SETTLE;
                if (rate < settle) {
                    rate = Math.min(settle, rate + Math.max((settle - rate) / 2, refused * PROBE));
                } else {
                    rate += rate < refused * NEAR ? refused * PROBE : perSecond * RECOVER;
                }
                rate = Math.min(perSecond, rate);
            }
            changedAt += seconds * 1000;
            bucket.rate(now, rate);
        }
    }

    /** A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. */
    private static final class Bucket {
        private final double capacity;
        private double perMilli;
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

        /** Refills at {@code perSecond} from now on. */
        void rate(long now, double perSecond) {
            refill(now);
            perMilli = perSecond / 1000.0;
        }

        void drain(long now, long pauseMillis) {
            refill(now);
            tokens = Math.min(tokens, -pauseMillis * perMilli);
        }
    }
}
