package net.wagw.domain.send;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.meta.MetaErrors;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.optin.OptIns;

/**
 * What a status of a sent message does (docs/contracts.md §3.4): moves the message forward only, tells the
 * bot with Meta's pricing in the metadata, counts billable messages, and for 131050 revokes
 * marketing consent. A status for a message not tracked yet is kept and applied when the send's
 * record lands ({@link #applyKept}), so an early status is never refused. One that names an uncertain
 * send of the same bot ({@link CallbackData}) settles it: Meta took it under that wamid.
 */
public final class StatusEffects {
    private final StatusStore statuses;
    private final BotNotifier notifier;
    private final OptIns optIns;
    private final UsageCounter usage;
    private final Nodes nodes;
    private final java.util.function.Function<String, Optional<ContactKey>> keyOf;
    private final MessageStore messages;

    public StatusEffects(StatusStore statuses, BotNotifier notifier, OptIns optIns, UsageCounter usage, Nodes nodes,
            java.util.function.Function<String, Optional<ContactKey>> keyOf, MessageStore messages) {
        this.messages = messages;
        this.statuses = statuses;
        this.notifier = notifier;
        this.optIns = optIns;
        this.usage = usage;
        this.nodes = nodes;
        this.keyOf = keyOf;
    }

    /** @return the stored notification to try, or empty when there is nothing to tell (yet) */
    public Optional<Delivery> apply(Bot bot, StatusUpdate status) {
        int rank = status.status().rank();
        if (rank == 0) {
            return Optional.empty();
        }
        boolean priced = status.billable() && status.participantId() == null;
        for (int round = 0; round < 2; round++) {
            // a priced status marks its message billed in the same write that moves it forward
            StatusStore.Advance advance = statuses.advance(bot.id(), status.wamid(), status.participantId(), rank,
                    priced);
            if (advance instanceof StatusStore.Advanced advanced) {
                // told first: a failure to count must not lose the notification (Meta's retry is stale)
                Optional<Delivery> told = tell(bot, status, advanced);
                if (advanced.billed() != StatusStore.Billed.BEFORE) {
                    count(bot, status, advanced.billed() == StatusStore.Billed.NOW);
                }
                return told;
            }
            if (!(advance instanceof StatusStore.Unknown)) {
                count(bot, status, false);
                return Optional.empty();
            }
            if (round == 0 && settle(bot, status)) {
                continue; // tracked now: advance it
            }
            if (status.participantId() != null || statuses.keep(bot.id(), status, rank)) {
                count(bot, status, false);
                return Optional.empty();
            }
            // tracked between our two writes: advance it now
        }
        count(bot, status, false);
        return Optional.empty();
    }

    /**
     * A status of a wamid not tracked, naming (in its callback data) an uncertain send of this bot:
     * Meta took that send under this wamid. The send is recorded sent, so it is not told failed
     * later, and the wamid tracked; a send found sent under this wamid but not tracked (a failure
     * between the two writes, Meta retrying the webhook) is tracked now.
     *
     * @return whether the wamid is tracked now
     */
    private boolean settle(Bot bot, StatusUpdate status) {
        Optional<CallbackData> named = CallbackData.parse(status.callbackData())
                .filter(data -> data.botId().equals(bot.id()));
        if (named.isEmpty()) {
            return false;
        }
        Optional<OutboundMessage> found = messages.find(bot.id(), named.get().envelopeId());
        if (found.isEmpty()) {
            return false;
        }
        OutboundMessage message = found.get();
        boolean settled = message.state() == OutboundMessage.State.UNCERTAIN
                && messages.replace(message.settled(status.wamid()));
        if (!settled && !(message.state() == OutboundMessage.State.SENT && status.wamid().equals(message.wamid()))) {
            return false;
        }
        // what its options return is not kept with an uncertain message: a reply still names its envelope id
        statuses.track(bot.id(), status.wamid(), message.recipientNode(), new SentMessage(message.id(), "", Map.of()))
                .ifPresent(kept -> applyKept(bot, kept));
        return true;
    }

    /** The send's record landed: a status that came first is applied now, after "accepted", and told at once. */
    public void applyKept(Bot bot, StatusUpdate kept) {
        StatusStore.Advance advance = statuses.advance(bot.id(), kept.wamid(), null, kept.status().rank());
        if (advance instanceof StatusStore.Advanced advanced) {
            notifier.notify(bot, notification(bot, kept, advanced));
        }
    }

    /**
     * A priced status counts its message once: by the day's counter alone when its forward move
     * marked it billed, else through the counter's own guard (a late status, one of a message
     * wagw did not send, or a store that does not mark).
     */
    private void count(Bot bot, StatusUpdate status, boolean markedNow) {
        if (!status.billable() || status.participantId() != null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(status.timestamp(), ZoneOffset.UTC);
        String category = status.pricing().getOrDefault(StatusUpdate.PRICING_CATEGORY, "unknown");
        String type = status.pricing().getOrDefault(StatusUpdate.PRICING_TYPE, "unknown");
        if (markedNow) {
            usage.countMarked(bot.id(), status.wamid(), day, category, type);
        } else {
            usage.count(bot.id(), status.wamid(), day, category, type);
        }
    }

    private Optional<Delivery> tell(Bot bot, StatusUpdate status, StatusStore.Advanced advanced) {
        return notifier.enqueue(bot, notification(bot, status, advanced));
    }

    private Notification notification(Bot bot, StatusUpdate status, StatusStore.Advanced advanced) {
        Map<String, String> metadata = new HashMap<>(status.pricing());
        if (status.participantId() != null) {
            metadata.put("#wa.participant", nodes.customer(status.participantId()));
        }
        if (status.status() != MessageStatus.FAILED) {
            return new Notification(advanced.messageId(), advanced.recipientNode(), event(status.status()), 0, null,
                    metadata);
        }
        Refusal refusal = failure(status);
        if (status.errorCode() == MetaErrors.MARKETING_STOPPED && status.participantId() == null) {
            String customer = status.recipientId() != null ? status.recipientId() : status.recipientUserId();
            keyOf.apply(customer).ifPresent(key -> optIns.revokeMarketing(bot.id(), key, refusal.description()));
        }
        return new Notification(advanced.messageId(), advanced.recipientNode(), Notification.Event.FAILED,
                refusal.reason().code(), refusal.description(), metadata);
    }

    /** docs/contracts.md §3.4: read and played are both "consumed". */
    private static Notification.Event event(MessageStatus status) {
        return switch (status) {
            case SENT -> Notification.Event.DISPATCHED;
            case DELIVERED -> Notification.Event.RECEIVED;
            default -> Notification.Event.CONSUMED;
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
