package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.time.Duration;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.send.SendService;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkHandler;
import net.wagw.domain.work.WorkResult;

/** Hands each piece of queued work to the domain service that owns it. */
@ApplicationScoped
public class WorkRouter implements WorkHandler {
    private static final Logger LOG = Logger.getLogger(WorkRouter.class);

    /** How often the work of a disabled bot looks again whether its bot is back. */
    static final Duration DISABLED_RECHECK = Duration.ofMinutes(15);

    private final BotDirectory bots;
    private final SendService sending;
    private final Outbox outbox;
    private final MediaService media;

    public WorkRouter(BotDirectory bots, SendService sending, Outbox outbox, MediaService media) {
        this.bots = bots;
        this.sending = sending;
        this.outbox = outbox;
        this.media = media;
    }

    @Override
    public WorkResult handle(Work work) {
        BotRecord record = bots.find(work.botId()).orElse(null);
        if (record == null) {
            LOG.warnf("work for bot %s, which is not configured: dropped", work.botId());
            return WorkResult.DONE;
        }
        if (!record.enabled()) {
            // a disabled bot's sends, deliveries and copies wait, kept, until it is enabled again
            return WorkResult.notYet(DISABLED_RECHECK);
        }
        Bot bot = record.bot();
        if (work instanceof Work.Send send) {
            return sending.retry(bot, send);
        }
        if (work instanceof Work.Deliver deliver) {
            return outbox.attempt(bot, deliver);
        }
        // a copy that fails queues its own next try, with its own backoff (docs/contracts.md §11)
        media.onWork((Work.CopyMedia) work);
        return WorkResult.DONE;
    }
}
