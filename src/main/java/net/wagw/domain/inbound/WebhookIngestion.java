package net.wagw.domain.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import net.wagw.domain.NotYetKnown;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.content.InboundContent;
import net.wagw.domain.group.GroupEvent;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;

/**
 * One webhook POST, taken in (docs/contracts.md §7, docs/queue.md): every group change, customer
 * seen, message, identity change, status and other field's event is handled, stored and queued for
 * its bot before Meta is answered, so nothing is acknowledged that was not kept; {@code dispatch}
 * forwards from the queue.
 */
public final class WebhookIngestion {
    private static final Logger LOG = Logger.getLogger(WebhookIngestion.class.getName());

    /** What Meta is to be told. */
    public enum Answer {
        /** Everything is kept. */
        RECEIVED,
        /**
         * Everything that could be is kept, but a group event came before its group was recorded:
         * Meta is to send the batch again, and its retry finds the rest already kept.
         */
        SEND_AGAIN
    }

    private final BotDirectory bots;
    private final InboundService inbound;
    private final GroupService groups;
    private final MediaService media;
    private final WorkQueue queue;
    private final FieldEvents fieldEvents;
    private final InboundRendering rendering;
    private final ExecutorService workers;
    private final Predicate<RuntimeException> unstorable;

    /**
     * @param workers runs a batch's items side by side (a batch holds up to 1,000)
     * @param unstorable whether a failure is the store refusing the values themselves (too large for an
     *        item, say), not an outage
     */
    public WebhookIngestion(BotDirectory bots, InboundService inbound, GroupService groups, MediaService media,
            WorkQueue queue, FieldEvents fieldEvents, InboundRendering rendering, ExecutorService workers,
            Predicate<RuntimeException> unstorable) {
        this.bots = bots;
        this.inbound = inbound;
        this.groups = groups;
        this.media = media;
        this.queue = queue;
        this.fieldEvents = fieldEvents;
        this.rendering = rendering;
        this.workers = workers;
        this.unstorable = unstorable;
    }

    /** @throws RuntimeException when something could not be stored or queued: Meta is to retry the batch */
    public Answer ingest(WebhookBatch batch) {
        AtomicBoolean sendAgain = new AtomicBoolean();
        // group changes first, in order: a message in a group just created finds the group active
        for (GroupEvent event : batch.groupEvents()) {
            botOf(event.phoneNumberId()).ifPresent(bot -> {
                try {
                    groups.onEvent(bot, event);
                } catch (NotYetKnown early) {
                    sendAgain.set(true);
                }
            });
        }
        // who the customers are first: a message's window then lands on the customer's own key
        inParallel(batch.seen(), seen -> botOf(seen.phoneNumberId()).ifPresent(bot -> inbound.seen(bot, seen)));
        // a customer's messages are kept and queued in the batch's order (Meta lists them as they came), so
        // their lane hands them to the bot in that order: one customer's one after another, customers side by side
        inLanes(batch.messages(), message -> message.phoneNumberId() + "/" + InboundService.lane(message),
                this::receive);
        for (IdentityChange change : batch.identityChanges()) {
            botOf(change.phoneNumberId()).ifPresent(bot -> inbound.changed(bot, change));
        }
        // a status of a message not recorded yet is kept and told when it is (docs/contracts.md §3.4); one
        // message's statuses (per group participant) in the batch's order, or a "delivered" applied first
        // would drop the "sent" listed before it as a step back, and the bot would never hear "dispatched"
        inLanes(batch.statuses(), status -> status.phoneNumberId() + "/" + status.wamid() + "/" + status.participantId(),
                status -> botOf(status.phoneNumberId()).ifPresent(bot -> inbound.status(bot, status)));
        // a customer's calls and echoes, like their messages, in the batch's order
        inLanes(batch.fieldEvents(),
                event -> event.phoneNumberId() + "/" + event.wabaId() + "/" + FieldEvents.lane(event),
                event -> botsOf(event).forEach(bot -> fieldEvents.handle(bot, event, rendering.render(bot, event))));
        return sendAgain.get() ? Answer.SEND_AGAIN : Answer.RECEIVED;
    }

    /** One message of the batch: its file made the bot's, then the message kept and queued, once. */
    private void receive(InboundMessage message) {
        botOf(message.phoneNumberId()).ifPresent(bot -> {
            InboundMessage ours = inGroupOf(bot, message);
            // a repeat (Meta retries whole batches) is queued again and not rendered or applied again
            if (inbound.requeueIfKept(bot, ours)) {
                return;
            }
            // the file is the bot's before the message is kept: a retry of Meta's finds both
            if (ours.received().content() instanceof InboundContent.MediaFile file) {
                media.received(bot.id(), file.mediaId(), file.mimeType(), ours.timestamp());
                // copied from the queue, off Meta's acknowledgement (docs/contracts.md §11); a copy
                // queued twice (Meta's retry) finds the first one done
                queue.enqueue(new Work.CopyMedia(bot.id(), file.mediaId()), Duration.ZERO);
            }
            inbound.receive(bot, ours, rendering.render(bot, ours));
        });
    }

    /**
     * Runs the work for every item side by side; the first failure (DynamoDB down, say) is
     * rethrown once all have ended, so Meta is answered 5xx and retries the batch.
     */
    private <T> void inParallel(List<T> items, Consumer<T> work) {
        inLanes(items, item -> new Object(), work);
    }

    /**
     * As {@link #inParallel}, except that the items of one lane run one after another, in the batch's
     * order; a failure stops the rest of its lane, which Meta's retry of the batch then brings in order.
     */
    private <T> void inLanes(List<T> items, Function<T, Object> laneOf, Consumer<T> work) {
        Map<Object, List<T>> lanes = new LinkedHashMap<>();
        for (T item : items) {
            lanes.computeIfAbsent(laneOf.apply(item), lane -> new ArrayList<>()).add(item);
        }
        if (lanes.size() <= 1) {
            items.forEach(item -> unlessUnstorable(work, item));
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<T> lane : lanes.values()) {
            running.add(workers.submit(() -> lane.forEach(item -> unlessUnstorable(work, item))));
        }
        RuntimeException first = null;
        for (Future<?> task : running) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handling a webhook", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * One element the store refuses as a value (too large for an item, say) is no outage: logged with what
     * it was and acknowledged, so Meta does not retry the whole batch for seven days (docs/contracts.md §7).
     */
    private <T> void unlessUnstorable(Consumer<T> work, T item) {
        try {
            work.accept(item);
        } catch (RuntimeException e) {
            if (!unstorable.test(e)) {
                throw e;
            }
            String shown = String.valueOf(item);
            LOG.log(Level.SEVERE, e, () -> "webhook element not storable, acknowledged: "
                    + (shown.length() > 2000 ? shown.substring(0, 2000) + "..." : shown));
        }
    }

    /**
     * Account-wide fields (templates, account updates) name the business account, not a number: every bot
     * on that account is told, as each keeps its own template catalog.
     */
    private List<Bot> botsOf(FieldEvent event) {
        if (event.phoneNumberId() != null) {
            return botOf(event.phoneNumberId()).stream().toList();
        }
        List<Bot> onAccount = bots.records().stream().map(BotRecord::bot)
                .filter(b -> event.wabaId() != null && event.wabaId().equals(b.wabaId())).toList();
        if (onAccount.isEmpty()) {
            LOG.warning(() -> "webhook " + event.field() + " event for business account " + event.wabaId()
                    + ", which no bot has: acknowledged and dropped");
        }
        return onAccount;
    }

    /** A group message names Meta's group id; the bot knows the group by wagw's. */
    private InboundMessage inGroupOf(Bot bot, InboundMessage message) {
        if (message.groupId() == null) {
            return message;
        }
        return groups.ownId(bot, message.groupId()).map(message::withGroupId).orElse(message);
    }

    private Optional<Bot> botOf(String phoneNumberId) {
        Optional<Bot> bot = bots.byPhoneNumberId(phoneNumberId).map(BotRecord::bot);
        if (bot.isEmpty()) {
            LOG.warning(() -> "webhook event for phone number id " + phoneNumberId
                    + ", which no bot has: acknowledged and dropped");
        }
        return bot;
    }
}
