package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.send.Recipients;
import net.wagw.domain.send.SendService;
import net.wagw.domain.send.StatusEffects;
import net.wagw.domain.send.CachedCatalog;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.send.TemplateSync;
import net.wagw.domain.send.UsageCounter;
import net.wagw.domain.send.UsageReport;
import net.wagw.domain.send.WhatsAppApi;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.Pacer;
import net.wagw.domain.work.WorkQueue;
import net.wagw.config.WagwConfig;
import net.wagw.store.DynamoMessageStore;
import net.wagw.store.DynamoQuotaCounter;
import net.wagw.store.DynamoStatusStore;
import net.wagw.store.DynamoTemplateCatalog;
import net.wagw.store.DynamoUsageCounter;
import net.wagw.store.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Sending: the template catalog, the sent messages and their statuses, the send service. */
@ApplicationScoped
public class SendProducers {

    @Produces
    @Singleton
    TemplateCatalog templateCatalog(DynamoDbClient dynamo, TableNames names, Clock clock) {
        return new CachedCatalog(new DynamoTemplateCatalog(dynamo, names), clock);
    }

    @Produces
    @Singleton
    TemplateSync templateSync(WhatsAppApi meta, TemplateCatalog catalog, DynamoDbClient dynamo, TableNames names,
            Clock clock) {
        return new TemplateSync(meta, catalog, new DynamoQuotaCounter(dynamo, names), clock);
    }

    @Produces
    @Singleton
    DynamoStatusStore statusStore(DynamoDbClient dynamo, TableNames names, Clock clock) {
        return new DynamoStatusStore(dynamo, names, clock);
    }

    @Produces
    @Singleton
    UsageCounter usageCounter(DynamoDbClient dynamo, TableNames names, DynamoStatusStore statuses, Clock clock) {
        return new DynamoUsageCounter(dynamo, names, statuses, clock);
    }

    @Produces
    @Singleton
    UsageReport usageReport(UsageCounter usage, Clock clock) {
        return new UsageReport(usage, clock);
    }

    @Produces
    @Singleton
    StatusEffects statusEffects(DynamoStatusStore statuses, BotNotifier notifier, OptIns optIns, UsageCounter usage,
            Nodes nodes, Identities identities, DynamoMessageStore messages) {
        return new StatusEffects(statuses, notifier, optIns, usage, nodes, identities::keyOf, messages);
    }

    @Produces
    @Singleton
    DynamoMessageStore messageStore(DynamoDbClient dynamo, TableNames names) {
        return new DynamoMessageStore(dynamo, names);
    }

    @Produces
    @Singleton
    SendService sendService(Customers customers, Nodes nodes, Contacts contacts, Identities identities,
            WindowStore windows, OptIns optIns, TemplateCatalog catalog, TemplateSync templateSync,
            DynamoMessageStore messages, WhatsAppApi meta, BotNotifier notifier, DynamoStatusStore statuses,
            StatusEffects effects, GroupService groups, WorkQueue queue, Pacer pacer, Clock clock) {
        return new SendService(new Recipients(customers, nodes), contacts, identities, windows, optIns, catalog,
                templateSync, messages, meta, notifier, statuses, effects, groups, queue, pacer, clock);
    }

    /** Each consumer of the queue takes its share of the number's rate (docs/queue.md). */
    @Produces
    @Singleton
    Pacer pacer(WagwConfig config, Clock clock) {
        return new Pacer(clock, config.queue().sendRatePerSecond() / Math.max(1, config.queue().consumers()));
    }
}
