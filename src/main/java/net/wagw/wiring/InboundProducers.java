package net.wagw.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.inbound.FieldEvents;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.StatusEffects;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.window.WindowStore;
import net.wagw.store.DynamoCustomerStore;
import net.wagw.store.TableNames;

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
}
