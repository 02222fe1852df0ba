package net.wagw.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.group.GroupService;
import net.wagw.domain.inbound.InboundService;
import net.wagw.lime.LimeGroupNotifier;
import net.wagw.store.DynamoGroupStore;
import net.wagw.whatsapp.CloudGroupsApi;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.StatusStore;
import net.wagw.store.DynamoStatusStore;
import net.wagw.domain.send.BotNotifier;
import net.wagw.domain.send.Recipients;
import net.wagw.domain.send.SendService;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.send.TemplateSync;
import net.wagw.domain.send.WhatsAppApi;
import net.wagw.domain.window.WindowStore;
import net.wagw.lime.HttpBotEndpoint;
import net.wagw.lime.LimeNotifier;
import net.wagw.store.DynamoDeliveryStore;
import net.wagw.store.DynamoMessageStore;
import net.wagw.store.DynamoOptInStore;
import net.wagw.store.DynamoTemplateCatalog;
import net.wagw.store.DynamoWindowStore;
import net.wagw.whatsapp.CloudApiClient;
import net.wagw.whatsapp.CloudWhatsAppApi;
import net.wagw.whatsapp.OutboundRenderer;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.verify.QuotaCounter;
import net.wagw.domain.verify.VerificationQuota;
import net.wagw.domain.verify.VerificationService;
import net.wagw.store.DynamoContactStore;
import net.wagw.store.DynamoQuotaCounter;
import net.wagw.store.TableNames;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the plain domain services and plugs the DynamoDB adapters into their ports. */
@ApplicationScoped
public class Wiring {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers();
    }

    @Produces
    @Singleton
    Nodes nodes(WagwConfig config) {
        return new Nodes(config.domain());
    }

    @Produces
    @Singleton
    ContactStore contactStore(DynamoDbEnhancedClient client, TableNames names) {
        return new DynamoContactStore(client, names);
    }

    @Produces
    @Singleton
    QuotaCounter quotaCounter(DynamoDbClient dynamo, TableNames names) {
        return new DynamoQuotaCounter(dynamo, names);
    }

    @Produces
    @Singleton
    Contacts contacts(ContactStore store, PhoneNumbers numbers, Clock clock) {
        return new Contacts(store, numbers, clock);
    }

    @Produces
    @Singleton
    Customers customers(PhoneNumbers numbers, Nodes nodes) {
        return new Customers(numbers, nodes);
    }

    @Produces
    @Singleton
    WindowStore windowStore(DynamoDbClient dynamo, TableNames names) {
        return new DynamoWindowStore(dynamo, names);
    }

    @Produces
    @Singleton
    OptIns optIns(DynamoDbClient dynamo, TableNames names, Clock clock) {
        return new OptIns(new DynamoOptInStore(dynamo, names), clock);
    }

    @Produces
    @Singleton
    TemplateCatalog templateCatalog(DynamoDbClient dynamo, TableNames names) {
        return new DynamoTemplateCatalog(dynamo, names);
    }

    @Produces
    @Singleton
    WhatsAppApi whatsAppApi(@RestClient CloudApiClient client, ObjectMapper json, WagwConfig config) {
        return new CloudWhatsAppApi(client, json, config.meta().apiVersion(), config.meta().accessToken().orElse(""));
    }

    @Produces
    @Singleton
    TemplateSync templateSync(WhatsAppApi meta, TemplateCatalog catalog) {
        return new TemplateSync(meta, catalog);
    }

    @Produces
    @Singleton
    Outbox outbox(DynamoDbClient dynamo, TableNames names, BotRegistry bots, WagwConfig config, Clock clock) {
        Duration timeout = Duration.ofSeconds(config.http().botTimeoutSeconds());
        return new Outbox(new DynamoDeliveryStore(dynamo, names), new HttpBotEndpoint(timeout), bots, clock, timeout);
    }

    @Produces
    @Singleton
    BotNotifier botNotifier(Outbox outbox, ObjectMapper json, WagwConfig config) {
        return new LimeNotifier(outbox, json, config.botDomain());
    }

    @Produces
    @Singleton
    OutboundRenderer outboundRenderer(ObjectMapper json) {
        return new OutboundRenderer(json);
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
            WhatsAppApi meta, BotNotifier notifier, StatusStore statuses, GroupService groups, Clock clock) {
        return new SendService(new Recipients(customers, nodes), contacts, windows, optIns, catalog, templateSync,
                new DynamoMessageStore(dynamo, names), meta, notifier, statuses, groups, clock);
    }

    @Produces
    @Singleton
    GroupService groupService(DynamoDbClient dynamo, TableNames names, @RestClient CloudApiClient client,
            ObjectMapper json, WagwConfig config, Outbox outbox, Nodes nodes, Customers customers, Clock clock) {
        return new GroupService(new DynamoGroupStore(dynamo, names),
                new CloudGroupsApi(client, json, config.meta().apiVersion(), config.meta().accessToken().orElse("")),
                new LimeGroupNotifier(outbox, json, nodes, config.botDomain()), customers, clock);
    }

    @Produces
    @Singleton
    InboundService inboundService(Contacts contacts, PhoneNumbers numbers, WindowStore windows, OptIns optIns,
            Outbox outbox, StatusStore statuses, BotNotifier notifier, Nodes nodes, Clock clock) {
        return new InboundService(contacts, numbers, windows, optIns, outbox, statuses, notifier, nodes, clock);
    }

    @Produces
    @Singleton
    VerificationService verificationService(PhoneNumbers numbers, Contacts contacts, QuotaCounter counters,
            Clock clock, Nodes nodes) {
        return new VerificationService(numbers, contacts, counters, new VerificationQuota(clock), nodes);
    }
}
