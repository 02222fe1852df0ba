package net.wagw.wiring;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import net.wagw.store.TableNames;
import net.wagw.store.DynamoWindowStore;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.send.StatusEffects;
import net.wagw.domain.inbound.FieldEvents;
import net.wagw.domain.identity.Identities;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.BotNotifier;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.window.WindowStore;

/** What Meta's webhooks change: contacts, windows, opt-ins, statuses, and what the bot is told. */
@ApplicationScoped
public class InboundProducers {

    @Produces
    @Singleton
    InboundService inboundService(Identities identities, DynamoDbClient dynamo, TableNames names, OptIns optIns,
            Outbox outbox, StatusEffects statuses) {
        // the customer's own key comes from Identities.seen: the window is written there directly
        return new InboundService(identities, new DynamoWindowStore(dynamo, names), optIns, outbox, statuses);
    }

    @Produces
    @Singleton
    FieldEvents fieldEvents(Identities identities, WindowStore windows, OptIns optIns, TemplateCatalog catalog,
            Outbox outbox) {
        return new FieldEvents(identities, windows, optIns, catalog, outbox);
    }
}
