package net.wagw.wiring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.inbound.FieldEvent;
import net.wagw.domain.inbound.FieldEvents;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.inbound.InboundRendering;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.inbound.WebhookIngestion;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.StatusEffects;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.WorkQueue;
import net.wagw.functions.Failures;
import net.wagw.lime.EventRenderer;
import net.wagw.lime.InboundRenderer;
import net.wagw.lime.PublicBase;
import net.wagw.store.DynamoCustomerStore;
import net.wagw.store.TableNames;
import net.wagw.whatsapp.WebhookParser;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What Meta's webhooks change: contacts, windows, opt-ins, statuses, and what the bot is told. */
@ApplicationScoped
public class InboundProducers {

    @Produces
    @Singleton
    InboundService inboundService(Identities identities, DynamoDbClient dynamo, TableNames names, OptIns optIns,
            Outbox outbox, StatusEffects statuses) {
        // the customer's own key comes from Identities.seen: the window is written there directly
        return new InboundService(identities, new DynamoCustomerStore(dynamo, names), optIns, outbox, statuses);
    }

    @Produces
    @Singleton
    FieldEvents fieldEvents(Identities identities, WindowStore windows, OptIns optIns, TemplateCatalog catalog,
            Outbox outbox) {
        return new FieldEvents(identities, windows, optIns, catalog, outbox);
    }

    /** One per function: the HTTP adapter teaches it the API's address, the renderers read it (docs/contracts.md §3.5). */
    @Produces
    @Singleton
    PublicBase publicBase(WagwConfig config) {
        return new PublicBase(config.publicBaseUrl());
    }

    @Produces
    @Singleton
    InboundRendering inboundRendering(ObjectMapper json, Nodes nodes, WagwConfig config, StatusStore statuses,
            PublicBase publicBase) {
        InboundRenderer messages = new InboundRenderer(json, nodes, publicBase, statuses);
        EventRenderer events = new EventRenderer(json, nodes, messages, new WebhookParser(json)::echo);
        String botDomain = config.botDomain();
        return new InboundRendering() {
            @Override
            public String render(Bot bot, InboundMessage message) {
                return messages.render(message, bot, bot.node(botDomain));
            }

            @Override
            public String render(Bot bot, FieldEvent event) {
                return events.render(event, bot.node(botDomain));
            }
        };
    }

    /** One pool per process (Lambda reuses it across invocations): 16 DynamoDB calls in flight. */
    @Produces
    @Singleton
    WebhookIngestion webhookIngestion(BotDirectory bots, InboundService inbound, GroupService groups,
            MediaService media, WorkQueue queue, FieldEvents fieldEvents, InboundRendering rendering) {
        ExecutorService workers = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        return new WebhookIngestion(bots, inbound, groups, media, queue, fieldEvents, rendering, workers,
                Failures::isUnstorable);
    }
}
