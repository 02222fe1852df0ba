package net.wagw.domain.inbound;

import java.time.Duration;
import java.util.Optional;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.identity.Sighting;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.StatusEffects;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.window.WindowStore;

/**
 * What Meta's webhooks tell (docs/contracts.md §3.4, §3.5, §4, §7): customer messages open windows, teach
 * wa_ids, BSUIDs and names, may opt the customer out, and are stored once for the bot; statuses move the bot's
 * messages forward (through {@link StatusEffects}). Every side effect is safe to repeat; the store-once write
 * comes first and the queueing last, so a failure anywhere makes Meta retry the whole event, whose effects are
 * applied again until a try of its delivery took it, and nothing is lost or doubled.
 */
public final class InboundService {
    /** The messages this warm function stored lately, so that a repeat here is only queued again. */
    private final RecentlyKept kept = new RecentlyKept(10_000);

    private final Identities identities;
    private final WindowStore windows;
    private final OptIns optIns;
    private final Outbox outbox;
    private final StatusEffects statuses;

    /** @param windows keyed as given: {@link Identities#seen} answers the customer's own key */
    public InboundService(Identities identities, WindowStore windows, OptIns optIns, Outbox outbox,
            StatusEffects statuses) {
        this.identities = identities;
        this.windows = windows;
        this.optIns = optIns;
        this.outbox = outbox;
        this.statuses = statuses;
    }

    /**
     * @param forwardBody the LIME message the bot is to receive
     * @return the stored delivery to try, or empty when this message was received before
     */
    public Optional<Delivery> receive(Bot bot, InboundMessage message, String forwardBody) {
        // the store-once write first: its one call also tells a repeat (docs/storage.md). A repeat
        // that a try took was queued, so its effects were applied before: it is only queued again;
        // one never tried may have failed before its effects, which are applied again (safe to repeat)
        Outbox.Stored stored = outbox.storeOnce(bot, deliveryId(message), Delivery.Target.MESSAGES, forwardBody);
        if (!stored.now() && stored.delivery().tried()) {
            outbox.requeue(bot, deliveryId(message), lane(message));
            kept.add(bot.id() + "#" + message.wamid());
            return Optional.empty();
        }
        if (message.groupId() == null) {
            // a sender id of no known shape is forwarded as it came and opens nothing (docs/contracts.md §4)
            // who they are and their window in one write (docs/storage.md)
            identities.received(bot.id(), new Sighting(message.from(), message.userId(), message.parentUserId(),
                    message.username(), message.profileName()), message.timestamp(), message.wamid())
                    .ifPresent(customer -> {
                        if (StopKeywords.isStop(message.text(), bot.stopKeywords())
                                && optIns.current(bot.id(), customer).filter(c -> c.active()).isPresent()) {
                            optIns.revoke(bot.id(), customer, "keyword", message.text(), "customer");
                        }
                    });
        }
        outbox.requeue(bot, deliveryId(message), lane(message));
        kept.add(bot.id() + "#" + message.wamid());
        return stored.now() ? Optional.of(stored.delivery()) : Optional.empty();
    }

    /**
     * A message received and kept before (Meta retries whole batches) is queued for its bot again,
     * so a first queueing that failed is made good, and nothing else is done with it.
     *
     * @return whether it was kept before
     */
    public boolean requeueIfKept(Bot bot, InboundMessage message) {
        // docs/storage.md: no read for it, so a new message costs its two writes alone; a repeat this
        // function kept is known here, one kept elsewhere is found by its refused store-once write
        if (!kept.contains(bot.id() + "#" + message.wamid())) {
            return false;
        }
        outbox.requeue(bot, deliveryId(message), lane(message));
        return true;
    }

    /** Forgets what this warm function kept, as a function that kept none of it (a cold one). */
    public void forgetKept() {
        kept.clear();
    }

    private static String deliveryId(InboundMessage message) {
        return "message:" + message.wamid();
    }

    /**
     * One lane per customer (or group): the bot gets a customer's messages in the order Meta sent them
     * (a customer known only by business-scoped user id has no "from": their BSUID is the lane).
     */
    static String lane(InboundMessage message) {
        return message.groupId() != null ? "group:" + message.groupId()
                : message.from() != null && !message.from().isEmpty() ? message.from()
                        : message.userId() != null ? message.userId() : "message:" + message.wamid();
    }

    /** A webhook named a customer by wa_id and BSUID together: they are one customer. */
    public void seen(Bot bot, CustomerSeen seen) {
        identities.seen(bot.id(), seen.sighting());
    }

    /** {@code user_changed_number} / {@code user_changed_user_id}: the customer's window and opt-in follow. */
    public void changed(Bot bot, IdentityChange change) {
        identities.moved(bot.id(), change.from(), change.to());
    }

    /**
     * @return the stored notification to try, or empty when there is nothing to tell (a status
     *         of a message not tracked yet is kept, and told when the message is)
     */
    public Optional<Delivery> status(Bot bot, StatusUpdate status) {
        return statuses.apply(bot, status);
    }

    /** A bounded set, the oldest entry dropped first: what it says is true (kept), what it lacks may be too. */
    private static final class RecentlyKept {
        private final java.util.Map<String, Boolean> entries;

        RecentlyKept(int capacity) {
            this.entries = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            });
        }

        void add(String key) {
            entries.put(key, Boolean.TRUE);
        }

        boolean contains(String key) {
            return entries.containsKey(key);
        }

        void clear() {
            entries.clear();
        }
    }
}
