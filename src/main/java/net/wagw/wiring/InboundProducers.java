package net.wagw.wiring;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;

import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.inbound.InboundRendering;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.inbound.WebhookIngestion;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.WorkQueue;
import net.wagw.lime.InboundRenderer;

/** What Meta's webhooks change: contacts, windows, opt-ins, statuses, and what the bot is told. */
@ApplicationScoped
public class InboundProducers {

    @Produces
    @Singleton
    InboundService inboundService(Contacts contacts, PhoneNumbers numbers, WindowStore windows, OptIns optIns,
            Outbox outbox, StatusStore statuses, BotNotifier notifier, Nodes nodes, Clock clock) {
        return new InboundService(contacts, numbers, windows, optIns, outbox, statuses, notifier, nodes, clock);
    }

    @Produces
    @Singleton
    InboundRendering inboundRendering(ObjectMapper json, Nodes nodes, WagwConfig config, StatusStore statuses) {
        InboundRenderer renderer = new InboundRenderer(json, nodes, config.publicBaseUrl().orElse(""), statuses);
        return (bot, message) -> renderer.render(message, bot, bot.node(config.botDomain()));
    }

    /** One pool per process (Lambda reuses it across invocations): 16 DynamoDB calls in flight. */
    @Produces
    @Singleton
    WebhookIngestion webhookIngestion(BotDirectory bots, InboundService inbound, GroupService groups,
            MediaService media, WorkQueue queue, InboundRendering rendering) {
        ExecutorService workers = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        return new WebhookIngestion(bots, inbound, groups, media, queue, rendering, workers);
    }
}
