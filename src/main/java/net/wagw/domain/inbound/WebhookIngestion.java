package net.wagw.domain.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
 * One webhook POST, taken in (docs/contracts.md §7, docs/queue.md): every group change, message
 * and status is handled, stored and queued for its bot before Meta is answered, so nothing is
 * acknowledged that was not kept; {@code dispatch} forwards from the queue.
 */
public final class WebhookIngestion {
    private static final Logger LOG = Logger.getLogger(WebhookIngestion.class.getName());

    /** What Meta is to be told. */
    public enum Answer {
        /** Everything is kept. */
        RECEIVED,
        /**
         * Everything that could be is kept, but something came before what it is about was
         * recorded: Meta is to send the batch again, and its retry finds the rest already kept.
         */
        SEND_AGAIN
    }

    private final BotDirectory bots;
    private final InboundService inbound;
    private final GroupService groups;
    private final MediaService media;
    private final WorkQueue queue;
    private final InboundRendering rendering;
    private final ExecutorService workers;

    /** @param workers runs a batch's items side by side (a batch holds up to 1,000) */
    public WebhookIngestion(BotDirectory bots, InboundService inbound, GroupService groups, MediaService media,
            WorkQueue queue, InboundRendering rendering, ExecutorService workers) {
        this.bots = bots;
        this.inbound = inbound;
        this.groups = groups;
        this.media = media;
        this.queue = queue;
        this.rendering = rendering;
        this.workers = workers;
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
        inParallel(batch.messages(), message -> botOf(message.phoneNumberId()).ifPresent(bot -> {
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
        }));
        inParallel(batch.statuses(), status -> botOf(status.phoneNumberId()).ifPresent(bot -> {
            try {
                inbound.status(bot, status);
            } catch (NotYetKnown early) {
                sendAgain.set(true);
            }
        }));
        return sendAgain.get() ? Answer.SEND_AGAIN : Answer.RECEIVED;
    }

    /**
     * Runs the work for every item side by side; the first failure (DynamoDB down, say) is
     * rethrown once all have ended, so Meta is answered 5xx and retries the batch.
     */
    private <T> void inParallel(List<T> items, Consumer<T> work) {
        if (items.size() <= 1) {
            items.forEach(work);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (T item : items) {
            running.add(workers.submit(() -> work.accept(item)));
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
