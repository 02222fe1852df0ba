package net.wagw.domain.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One POST to a bot (an inbound message or a notification), kept until the bot took it with a
 * 2xx or, after 24 hours of retries, dead-lettered: never dropped (docs/contracts.md §3.5).
 *
 * @param id            unique per bot: the same id is delivered once
 * @param body          the exact JSON sent (and signed)
 * @param nextAttemptAt when dispatch may next try it (while being tried: the end of the lease)
 * @param version       optimistic-lock counter
 */
public record Delivery(String botId, String id, Target target, String body, State state, int attempts, Instant createdAt,
        Instant nextAttemptAt, String lastError, long version) {

    public enum Target {
        MESSAGES, NOTIFICATIONS
    }

    public enum State {
        PENDING, DELIVERED, DEAD
    }

    public Delivery {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
    }

    /** Whether a try took it since it was stored (each try leases it first: a new version). */
    public boolean tried() {
        return version > 0 || state != State.PENDING;
    }

    Delivery leased(Instant until) {
        return new Delivery(botId, id, target, body, State.PENDING, attempts, createdAt, until, lastError, version + 1);
    }

    Delivery delivered() {
        return new Delivery(botId, id, target, body, State.DELIVERED, attempts + 1, createdAt, nextAttemptAt, null,
                version + 1);
    }

    Delivery retryAt(Instant at, String error) {
        return new Delivery(botId, id, target, body, State.PENDING, attempts + 1, createdAt, at, error, version + 1);
    }

    Delivery dead(String error) {
        return new Delivery(botId, id, target, body, State.DEAD, attempts, createdAt, nextAttemptAt, error, version + 1);
    }

    /** This dead letter again, as it was before {@code redriven} (whose queueing failed) replaced it. */
    Delivery deadAgainAfter(Delivery redriven) {
        return new Delivery(botId, id, target, body, State.DEAD, attempts, createdAt, nextAttemptAt, lastError,
                redriven.version() + 1);
    }

    Delivery redriven(Instant now) {
        return new Delivery(botId, id, target, body, State.PENDING, attempts, now, now, lastError, version + 1);
    }
}
