package net.wagw.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.wagw.domain.bot.Bot;

/**
 * Delivers to bots at least once, each delivery id once (docs/contracts.md §3.5): stored first, tried at
 * once, retried by {@code dispatch} with backoff for 24 hours, then dead-lettered (kept, listed,
 * re-drivable). Each try holds a lease, so overlapping dispatch runs never post it twice at once.
 */
public final class Outbox {
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final DeliveryStore store;
    private final BotEndpoint endpoint;
    private final BotSecrets secrets;
    private final Clock clock;
    private final Duration timeout;

    /** @param timeout how long a bot may take to answer one delivery */
    public Outbox(DeliveryStore store, BotEndpoint endpoint, BotSecrets secrets, Clock clock, Duration timeout) {
        this.store = store;
        this.endpoint = endpoint;
        this.secrets = secrets;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Stores and tries a delivery; a delivery id already stored is not delivered again. */
    public void deliver(Bot bot, String id, Delivery.Target target, String body) {
        enqueue(bot, id, target, body).ifPresent(stored -> attempt(bot, stored, timeout));
    }

    /**
     * Stores a delivery, held for a first try by the caller (dispatch takes it over if that try
     * never happens); empty when the id was stored before: a duplicate, not delivered again.
     */
    public Optional<Delivery> enqueue(Bot bot, String id, Delivery.Target target, String body) {
        Instant now = clock.instant();
        Delivery leased = new Delivery(bot.id(), id, target, body, Delivery.State.PENDING, 0, now, now.plus(LEASE), null,
                0);
        return store.create(leased) ? Optional.of(leased) : Optional.empty();
    }

    /** Whether this inbound message (its wamid) came to this bot: it was stored for it once. */
    public boolean received(Bot bot, String wamid) {
        return store.find(bot.id(), "message:" + wamid).isPresent();
    }

    /** The first try of an enqueued delivery, waiting at most {@code wait} for the bot. */
    public void attemptWithin(Bot bot, Delivery enqueued, Duration wait) {
        attempt(bot, enqueued, wait.compareTo(timeout) < 0 ? wait : timeout);
    }

    /** One retry round for a bot; returns how many deliveries it tried or ended. */
    public int retryDue(Bot bot, int limit) {
        Instant now = clock.instant();
        int handled = 0;
        for (Delivery due : store.due(bot.id(), now, limit)) {
            Delivery leased = due.leased(now.plus(LEASE));
            if (!store.replace(leased)) {
                continue;
            }
            handled++;
            if (!now.isBefore(due.createdAt().plus(GIVE_UP_AFTER))) {
                store.replace(leased.dead("Not delivered within 24 hours; last error: " + due.lastError()));
            } else {
                attempt(bot, leased, timeout);
            }
        }
        return handled;
    }

    public List<Delivery> deadLetters(Bot bot, int limit) {
        return store.dead(bot.id(), limit);
    }

    /** Puts a dead-lettered delivery back for another 24 hours of tries. */
    public Optional<Delivery> redrive(Bot bot, String id) {
        Optional<Delivery> dead = store.find(bot.id(), id).filter(d -> d.state() == Delivery.State.DEAD);
        if (dead.isEmpty()) {
            return Optional.empty();
        }
        Delivery again = dead.get().redriven(clock.instant());
        return store.replace(again) ? Optional.of(again) : Optional.empty();
    }

    private void attempt(Bot bot, Delivery leased, Duration wait) {
        String url = leased.target() == Delivery.Target.MESSAGES ? bot.messagesUrl() : bot.notificationsUrl();
        String failure = url == null || url.isBlank()
                ? "bot " + bot.id() + " has no " + leased.target().name().toLowerCase() + " URL configured"
                : endpoint.post(url, leased.body(), CallbackSignature.of(secrets.callbackSecret(bot.id()), leased.body()),
                        wait);
        if (failure == null) {
            store.replace(leased.delivered());
        } else {
            store.replace(leased.retryAt(clock.instant().plus(backoff(leased.attempts() + 1)), failure));
        }
    }

    /** 10 s, 20 s, 40 s, ... capped at 15 min. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(10L << Math.min(attempts - 1, 10), 900));
    }
}
