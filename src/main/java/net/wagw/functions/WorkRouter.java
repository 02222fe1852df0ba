package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import net.wagw.wiring.BotRegistry;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.send.SendService;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkHandler;
import net.wagw.domain.work.WorkResult;

/** Hands each piece of queued work to the domain service that owns it. */
@ApplicationScoped
public class WorkRouter implements WorkHandler {
    private static final Logger LOG = Logger.getLogger(WorkRouter.class);

    private final BotRegistry bots;
    private final SendService sending;
    private final Outbox outbox;

    public WorkRouter(BotRegistry bots, SendService sending, Outbox outbox) {
        this.bots = bots;
        this.sending = sending;
        this.outbox = outbox;
    }

    @Override
    public WorkResult handle(Work work) {
        Bot bot = bots.find(work.botId()).map(BotRegistry.Entry::bot).orElse(null);
        if (bot == null) {
            LOG.warnf("work for bot %s, which is not configured: dropped", work.botId());
            return WorkResult.DONE;
        }
        if (work instanceof Work.Send send) {
            return sending.retry(bot, send);
        }
        if (work instanceof Work.Deliver deliver) {
            return outbox.attempt(bot, deliver);
        }
        // Work.CopyMedia: its handler belongs to the media work (docs/contracts.md §11)
        LOG.warnf("no media copier yet: %s dropped", work);
        return WorkResult.DONE;
    }
}
