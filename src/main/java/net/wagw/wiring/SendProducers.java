package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.send.Recipients;
import net.wagw.domain.send.SendService;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.send.TemplateSync;
import net.wagw.domain.send.WhatsAppApi;
import net.wagw.domain.window.WindowStore;
import net.wagw.domain.work.Pacer;
import net.wagw.domain.work.WorkQueue;
import net.wagw.config.WagwConfig;
import net.wagw.store.DynamoMessageStore;
import net.wagw.store.DynamoStatusStore;
import net.wagw.store.DynamoTemplateCatalog;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Sending: the template catalog, the sent messages and their statuses, the send service. */
@ApplicationScoped
public class SendProducers {

    @Produces
    @Singleton
    TemplateCatalog templateCatalog(DynamoDbClient dynamo, TableNames names) {
        return new DynamoTemplateCatalog(dynamo, names);
    }

    @Produces
    @Singleton
    TemplateSync templateSync(WhatsAppApi meta, TemplateCatalog catalog) {
        return new TemplateSync(meta, catalog);
    }

    @Produces
    @Singleton
    StatusStore statusStore(DynamoDbClient dynamo, TableNames names, Clock clock) {
        return new DynamoStatusStore(dynamo, names, clock);
    }

    @Produces
    @Singleton
    SendService sendService(Customers customers, Nodes nodes, Contacts contacts, WindowStore windows, OptIns optIns,
            TemplateCatalog catalog, TemplateSync templateSync, DynamoDbClient dynamo, TableNames names,
            WhatsAppApi meta, BotNotifier notifier, StatusStore statuses, GroupService groups, WorkQueue queue,
            Pacer pacer, Clock clock) {
        return new SendService(new Recipients(customers, nodes), contacts, windows, optIns, catalog, templateSync,
                new DynamoMessageStore(dynamo, names), meta, notifier, statuses, groups, queue, pacer, clock);
    }

    /** Each consumer of the queue takes its share of the number's rate (docs/queue.md). */
    @Produces
    @Singleton
    Pacer pacer(WagwConfig config, Clock clock) {
        return new Pacer(clock, config.queue().sendRatePerSecond() / Math.max(1, config.queue().consumers()));
    }
}
