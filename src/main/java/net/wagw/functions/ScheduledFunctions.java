package net.wagw.functions;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.send.SendService;
import net.wagw.domain.send.TemplateSync;

/**
 * The scheduled functions (docs/contracts.md §1): {@code dispatch} every minute, {@code sweep} on its own
 * schedule. Each takes EventBridge's scheduled event, whose content does not matter.
 */
public class ScheduledFunctions {
    private static final Logger LOG = Logger.getLogger(ScheduledFunctions.class);
    /** Per bot and round; what is left waits for the next minute. */
    static final int BATCH = 100;

    @Inject
    BotDirectory bots;
    @Inject
    SendService sending;
    @Inject
    Outbox outbox;
    @Inject
    TemplateSync templates;

    /** What one round did. */
    @RegisterForReflection
    public record Report(int messages, int deliveries, int templates, int failures) {
    }

    @Funq("dispatch")
    public Report dispatch(JsonNode scheduledEvent) {
        int messages = 0;
        int deliveries = 0;
        int failures = 0;
        // a disabled bot's sends and deliveries wait, kept, until it is enabled again
        for (Bot bot : bots.enabled()) {
            try {
                messages += sending.retryDue(bot, BATCH);
                deliveries += outbox.retryDue(bot, BATCH);
            } catch (RuntimeException e) {
                // one bot's trouble (or DynamoDB's) must not stop the others; the next round retries
                failures++;
                LOG.errorf(e, "dispatch failed for bot %s", bot.id());
            }
        }
        return new Report(messages, deliveries, 0, failures);
    }

    @Funq("sweep")
    public Report sweep(JsonNode scheduledEvent) {
        int synced = 0;
        int failures = 0;
        for (Bot bot : bots.enabled()) {
            if (bot.wabaId() == null) {
                continue;
            }
            try {
                synced += templates.sync(bot).size();
            } catch (RuntimeException e) {
                failures++;
                LOG.errorf(e, "template sync failed for bot %s", bot.id());
            }
        }
        return new Report(0, 0, synced, failures);
    }
}
