package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.identity.Following;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.window.WindowStore;
import net.wagw.store.DynamoOptInStore;
import net.wagw.store.DynamoCustomerStore;
import net.wagw.store.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What allows a send: the customer service window and the opt-ins. */
@ApplicationScoped
public class ConsentProducers {

    @Produces
    @Singleton
    WindowStore windowStore(DynamoDbClient dynamo, TableNames names, Identities identities) {
        return Following.windows(new DynamoCustomerStore(dynamo, names), identities);
    }

    @Produces
    @Singleton
    OptIns optIns(DynamoDbClient dynamo, TableNames names, Clock clock, Identities identities) {
        return new OptIns(Following.optIns(new DynamoOptInStore(dynamo, names), identities), clock);
    }
}
