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
        // the send it names (its callback data) is found by its key: no look-up by wamid
        String envelopeId = envelopeId(bot, status);
        for (int round = 0; round < 2; round++) {
            // a priced status marks its message billed in the same write that moves it forward
            StatusStore.Advance advance = statuses.advance(bot.id(), status.wamid(), envelopeId,
                    status.participantId(), rank, priced);
            if (advance instanceof StatusStore.Advanced advanced) {
                // told first: a failure to count must not lose the notification (Meta's retry is stale)
                Optional<Delivery> told = tell(bot, status, advanced);
                count(bot, status, advanced.billed());
                return told;
            }
            if (advance instanceof StatusStore.Stale stale) {
                count(bot, status, stale.billed());
                return Optional.empty();
            }
            if (round == 0 && settle(bot, status, envelopeId)) {
                continue; // tracked now: advance it
            }
            if (statuses.keep(bot.id(), envelopeId, status, rank, priced) instanceof StatusStore.Kept kept) {
                count(bot, status, kept.billed());
                return Optional.empty();
            }
            // tracked between our two writes: advance it now
        }
        count(bot, status, StatusStore.Billed.NOT_MARKED);
        return Optional.empty();
    }

    /**
     * A status of a wamid not tracked, naming (in its callback data) an uncertain send of this bot:
     * Meta took that send under this wamid. The send is recorded sent, so it is not told failed
     * later, and tracked in the same write.
     *
     * @return whether the wamid is tracked now
     */
    private boolean settle(Bot bot, StatusUpdate status, String envelopeId) {
        if (envelopeId == null) {
            return false;
        }
        Optional<OutboundMessage> found = messages.find(bot.id(), envelopeId);
        if (found.isEmpty() || found.get().state() != OutboundMessage.State.UNCERTAIN) {
            return false;
        }
        OutboundMessage message = found.get();
        // what its options return is not kept with an uncertain message: a reply still names its envelope id
        MessageStore.Recorded recorded = messages.recordSent(message.settled(status.wamid()),
                new SentMessage(message.id(), "", Map.of()));
        recorded.early().ifPresent(kept -> applyKept(bot, kept));
        return recorded.written();
    }

    /**
     * The send's record landed: a status that came first is applied now, after "accepted", and told
     * at once; so is each group participant's that came first.
     */
    public void applyKept(Bot bot, StatusUpdate kept) {
        for (StatusStore.Applied applied : statuses.applyKept(bot.id(), kept, envelopeId(bot, kept))) {
            notifier.notify(bot, notification(bot, applied.status(), applied.advanced()));
        }
    }

    /** The envelope id of this bot's send that the status's callback data names, or null. */
    private static String envelopeId(Bot bot, StatusUpdate status) {
        return CallbackData.parse(status.callbackData()).filter(data -> data.botId().equals(bot.id()))
                .map(CallbackData::envelopeId).orElse(null);
    }

    /**
     * A priced status counts its message once: by the day's counter alone when its own write
     * marked it billed, not at all when it was marked before, else through the counter's own
     * guard (a status of a message wagw did not send, or a store that does not mark).
     */
    private void count(Bot bot, StatusUpdate status, StatusStore.Billed billed) {
        if (!status.billable() || status.participantId() != null || billed == StatusStore.Billed.BEFORE) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(status.timestamp(), ZoneOffset.UTC);
        String category = status.pricing().getOrDefault(StatusUpdate.PRICING_CATEGORY, "unknown");
        String type = status.pricing().getOrDefault(StatusUpdate.PRICING_TYPE, "unknown");
        if (billed == StatusStore.Billed.NOW) {
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
