package net.wagw.domain.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.wagw.domain.Backoff;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;
import net.wagw.domain.work.WorkResult;

/**
 * Delivers to bots at least once, each delivery id once (docs/contracts.md §3.5): stored first,
 * then queued (so nothing waits for the bot on the request path), tried by {@code dispatch},
 * retried with capped backoff for 7 days (configurable), then dead-lettered (kept, listed,
 * re-drivable). Deliveries of one customer keep their order: they share a lane on the queue.
 */
public final class Outbox {
    /** How long a bot may stay unreachable before its deliveries are dead-lettered (Meta's own 7 days). */
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofDays(7);
    /** 10 s, 20 s, 40 s, ... capped at 15 min: a week of tries is ~680 attempts. */
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

    private final DeliveryStore store;
    private final BotEndpoint endpoint;
    private final BotSecrets secrets;
    private final WorkQueue queue;
    private final Clock clock;
    private final Duration timeout;
    private final Duration giveUpAfter;

    /**
     * @param timeout     how long a bot may take to answer one delivery
     * @param giveUpAfter how long deliveries are retried before they are dead-lettered
     */
    public Outbox(DeliveryStore store, BotEndpoint endpoint, BotSecrets secrets, WorkQueue queue, Clock clock,
            Duration timeout, Duration giveUpAfter) {
        this.store = store;
        this.endpoint = endpoint;
        this.secrets = secrets;
        this.queue = queue;
        this.clock = clock;
        this.timeout = timeout;
        this.giveUpAfter = giveUpAfter;
    }

    /** Stores and queues a delivery in its own lane; a delivery id stored before is not delivered again. */
    public void deliver(Bot bot, String id, Delivery.Target target, String body) {
        enqueue(bot, id, target, body, id);
    }

    /** As {@link #enqueue(Bot, String, Delivery.Target, String, String)} in a lane of its own. */
    public Optional<Delivery> enqueue(Bot bot, String id, Delivery.Target target, String body) {
        return enqueue(bot, id, target, body, id);
    }

    /**
     * Stores a delivery and queues its first try behind the earlier ones of {@code lane} (the
     * customer it is about); empty when the id was stored before. A duplicate is queued again
     * (a try of a delivered one does nothing), so a first queueing that failed is made good when
     * the caller's retry brings the same event again.
     *
     * @throws RuntimeException when it could not be stored or queued: the caller must not acknowledge it
     */
    public Optional<Delivery> enqueue(Bot bot, String id, Delivery.Target target, String body, String lane) {
        Instant now = clock.instant();
        Delivery pending = new Delivery(bot.id(), id, target, body, Delivery.State.PENDING, 0, now, now, null, 0);
        boolean created = store.create(pending);
        queue.enqueue(new Work.Deliver(bot.id(), id), lane(bot, lane), Duration.ZERO);
        return created ? Optional.of(pending) : Optional.empty();
    }

    /**
     * Stores a delivery once, not queued yet: the caller queues it ({@link #requeue}) once what it
     * tells is in effect. One call also tells a repeat, by the delivery stored before.
     *
     * @return the delivery stored, and whether this call stored it
     */
    public Stored storeOnce(Bot bot, String id, Delivery.Target target, String body) {
        Instant now = clock.instant();
        Delivery pending = new Delivery(bot.id(), id, target, body, Delivery.State.PENDING, 0, now, now, null, 0);
        return store.createOrFind(pending).map(before -> new Stored(before, false)).orElse(new Stored(pending, true));
    }

    /** What {@link #storeOnce} did: {@code now} when it stored {@code delivery}, else the one stored before. */
    public record Stored(Delivery delivery, boolean now) {
    }

    /**
     * Queues a notification without storing it (docs/storage.md): what makes it once is the write
     * that decided it (a status moved forward, a send taken), so its body rides on the queue and is
     * stored only when its first try does not reach the bot; a delivered one is recorded after the
     * bot took it, so a repeat of the work (or of the notification) is not posted again.
     */
    public void notify(Bot bot, String id, String body, String lane) {
        queue.enqueue(new Work.Deliver(bot.id(), id, body, clock.instant()), lane(bot, lane), Duration.ZERO);
    }

    /** Queues a delivery known to be stored once more, behind the earlier ones of {@code lane}. */
    public void requeue(Bot bot, String id, String lane) {
        queue.enqueue(new Work.Deliver(bot.id(), id), lane(bot, lane), Duration.ZERO);
    }

    /** Whether this inbound message (its wamid) came to this bot: it was stored for it once. */
    public boolean received(Bot bot, String wamid) {
        return store.find(bot.id(), "message:" + wamid).isPresent();
    }

    /** One try of a queued delivery (the {@code dispatch} function). */
    public WorkResult attempt(Bot bot, Work.Deliver work) {
        Optional<Delivery> found = store.find(bot.id(), work.deliveryId());
        if (found.isEmpty() && work.notification() != null) {
            return firstTry(bot, new Delivery(bot.id(), work.deliveryId(), Delivery.Target.NOTIFICATIONS,
                    work.notification(), Delivery.State.PENDING, 0, work.since(), work.since(), null, 0));
        }
        if (found.isEmpty() || found.get().state() != Delivery.State.PENDING) {
            return WorkResult.DONE; // delivered, dead-lettered, or expired long ago
        }
        Delivery due = found.get();
        Instant now = clock.instant();
        if (now.isBefore(due.nextAttemptAt())) {
            return WorkResult.notYet(Duration.between(now, due.nextAttemptAt()));
        }
        if (!now.isBefore(due.createdAt().plus(giveUpAfter))) {
            store.replace(due.dead("Not delivered within " + describe(giveUpAfter) + "; last error: " + due.lastError()));
            return WorkResult.DONE;
        }
        String failure = post(bot, due);
        if (failure == null) {
            store.replace(due.delivered());
            return WorkResult.DONE;
        }
        Duration backoff = BACKOFF.after(due.attempts() + 1);
        store.replace(due.retryAt(clock.instant().plus(backoff), failure));
        return WorkResult.later(backoff);
    }

    /**
     * A carried notification's first try: stored as delivered when the bot took it, else as
     * pending with its next try, the first writer winning either way (another try of the same
     * work recorded it first: that record answers from now on).
     */
    private WorkResult firstTry(Bot bot, Delivery carried) {
        String failure = post(bot, carried);
        if (failure == null) {
            store.create(carried.delivered());
            return WorkResult.DONE;
        }
        Duration backoff = BACKOFF.after(1);
        store.create(carried.retryAt(clock.instant().plus(backoff), failure));
        return WorkResult.later(backoff);
    }

    /** @return why the bot did not take it, or null when it did */
    private String post(Bot bot, Delivery due) {
        String url = due.target() == Delivery.Target.MESSAGES ? bot.messagesUrl() : bot.notificationsUrl();
        return url == null || url.isBlank()
                ? "bot " + bot.id() + " has no " + due.target().name().toLowerCase() + " URL configured"
                : endpoint.post(url, due.body(), CallbackSignature.of(secrets.callbackSecret(bot.id()), due.body()),
                        timeout);
    }

    public List<Delivery> deadLetters(Bot bot, int limit) {
        return store.dead(bot.id(), limit);
    }

    /** Puts a dead-lettered delivery back on the queue for another period of tries. */
    public Optional<Delivery> redrive(Bot bot, String id) {
        Optional<Delivery> dead = store.find(bot.id(), id).filter(d -> d.state() == Delivery.State.DEAD);
        if (dead.isEmpty()) {
            return Optional.empty();
        }
        Delivery again = dead.get().redriven(clock.instant());
        if (!store.replace(again)) {
            return Optional.empty();
        }
        try {
            queue.enqueue(new Work.Deliver(bot.id(), id), lane(bot, id), Duration.ZERO);
        } catch (RuntimeException queueDown) {
            // pending with no queued try would be tried by nothing and listed nowhere: a dead letter
            // again, so the operator's retry of the redrive finds it (docs/contracts.md §3.5)
            store.replace(dead.get().deadAgainAfter(again));
            throw queueDown;
        }
        return Optional.of(again);
    }

    /**
     * A delivery whose queued work ended on the queue's own dead-letter queue (its tries kept
     * failing inside wagw, not at the bot): dead-lettered here too, so the bot sees it.
     */
    public void deadLettered(Bot bot, String id, String why) {
        store.find(bot.id(), id).filter(d -> d.state() == Delivery.State.PENDING)
                .ifPresent(d -> store.replace(d.dead(why)));
    }

    private static String lane(Bot bot, String lane) {
        return bot.id() + "/" + lane;
    }

    private static String describe(Duration period) {
        return period.toHours() % 24 == 0 ? period.toDays() + " days" : period.toHours() + " hours";
    }
}
