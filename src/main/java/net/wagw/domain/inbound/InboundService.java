package net.wagw.domain.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.NotYetKnown;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.meta.MetaErrors;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.window.WindowStore;

/**
 * What Meta's webhooks tell (docs/contracts.md §3.4, §3.5, 7): customer messages open windows, teach wa_ids
 * and names, may opt the customer out, and are stored once for the bot; statuses move the bot's
 * messages forward. Every side effect is safe to repeat, and the store-once write comes last, so
 * a failure anywhere makes Meta retry the whole event and nothing is lost or doubled.
 */
public final class InboundService {
    /** Click-to-WhatsApp ads open a free entry point of 72 hours. */
    static final Duration FREE_ENTRY_POINT = Duration.ofHours(72);

    private final Contacts contacts;
    private final PhoneNumbers numbers;
    private final WindowStore windows;
    private final OptIns optIns;
    private final Outbox outbox;
    private final StatusStore statuses;
    private final BotNotifier notifier;
    private final Nodes nodes;
    private final Clock clock;

    public InboundService(Contacts contacts, PhoneNumbers numbers, WindowStore windows, OptIns optIns, Outbox outbox,
            StatusStore statuses, BotNotifier notifier, Nodes nodes, Clock clock) {
        this.contacts = contacts;
        this.numbers = numbers;
        this.windows = windows;
        this.optIns = optIns;
        this.outbox = outbox;
        this.statuses = statuses;
        this.notifier = notifier;
        this.nodes = nodes;
        this.clock = clock;
    }

    /**
     * @param forwardBody the LIME message the bot is to receive
     * @return the stored delivery to try, or empty when this message was received before
     */
    public Optional<Delivery> receive(Bot bot, InboundMessage message, String forwardBody) {
        if (message.groupId() == null && message.from() != null && !message.from().isEmpty()) {
            ContactKey customer = numbers.contactKeyOfWaId(message.from());
            contacts.learnFromInbound(bot.id(), message.from(), message.profileName());
            windows.recordInbound(bot.id(), customer, message.timestamp(), message.wamid());
            if (message.referral()) {
                windows.recordFreeEntryPoint(bot.id(), customer, message.timestamp().plus(FREE_ENTRY_POINT));
            }
            if (StopKeywords.isStop(message.text(), bot.stopKeywords())
                    && optIns.current(bot.id(), customer).filter(c -> c.active()).isPresent()) {
                optIns.revoke(bot.id(), customer, "keyword", message.text(), "customer");
            }
        }
        return outbox.enqueue(bot, deliveryId(message), Delivery.Target.MESSAGES, forwardBody, lane(message));
    }

    /**
     * A message received and kept before (Meta retries whole batches) is queued for its bot again,
     * so a first queueing that failed is made good, and nothing else is done with it.
     *
     * @return whether it was kept before
     */
    public boolean requeueIfKept(Bot bot, InboundMessage message) {
        return outbox.requeueIfStored(bot, deliveryId(message), lane(message));
    }

    private static String deliveryId(InboundMessage message) {
        return "message:" + message.wamid();
    }

    /** One lane per customer (or group): the bot gets a customer's messages in the order Meta sent them. */
    private static String lane(InboundMessage message) {
        return message.groupId() != null ? "group:" + message.groupId()
                : message.from() == null || message.from().isEmpty() ? "message:" + message.wamid() : message.from();
    }

    /**
     * @return the stored notification to try, or empty when there is nothing to tell
     * @throws NotYetKnown when Meta should send this status again later
     */
    public Optional<Delivery> status(Bot bot, StatusUpdate status) {
        int rank = rank(status.status());
        if (rank == 0) {
            return Optional.empty();
        }
        StatusStore.Advance advance = statuses.advance(bot.id(), status.wamid(), status.participantId(), rank);
        if (advance instanceof StatusStore.Unknown) {
            if (status.timestamp().isAfter(clock.instant().minus(NotYetKnown.RACE_WINDOW))) {
                throw new NotYetKnown(status.wamid());
            }
            return Optional.empty();
        }
        if (!(advance instanceof StatusStore.Advanced advanced)) {
            return Optional.empty();
        }
        Map<String, String> metadata = status.participantId() == null ? Map.of()
                : Map.of("#wa.participant", nodes.customer(status.participantId()));
        if (!"failed".equals(status.status())) {
            return notifier.enqueue(bot, new Notification(advanced.messageId(), advanced.recipientNode(),
                    event(status.status()), 0, null, metadata));
        }
        Refusal refusal = failure(status);
        if (status.errorCode() == MetaErrors.MARKETING_STOPPED && status.recipientId() != null
                && status.participantId() == null) {
            optIns.revokeMarketing(bot.id(), numbers.contactKeyOfWaId(status.recipientId()), refusal.description());
        }
        return notifier.enqueue(bot, new Notification(advanced.messageId(), advanced.recipientNode(),
                Notification.FAILED, refusal.reason().code(), refusal.description(), metadata));
    }

    /** docs/contracts.md §3.4: statuses only move forward; read and played are both "consumed". */
    static int rank(String status) {
        return switch (status) {
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read", "played" -> 3;
            case "failed" -> 4;
            default -> 0;
        };
    }

    private static String event(String status) {
        return switch (status) {
            case "sent" -> "dispatched";
            case "delivered" -> "received";
            default -> "consumed";
        };
    }

    private static Refusal failure(StatusUpdate status) {
        MetaErrors.Verdict verdict = MetaErrors.classify(new MetaOutcome.Error(400, status.errorCode(), null,
                status.errorText(), null), 1);
        if (verdict instanceof MetaErrors.Definitive definitive) {
            return definitive.refusal();
        }
        return new Refusal(Reason.GATEWAY_ERROR, "(#" + status.errorCode() + ") " + status.errorText());
    }
}
