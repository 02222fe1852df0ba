package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.config.WagwConfig;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.identity.Following;
import net.wagw.domain.identity.Identities;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.store.DynamoCustomerStore;
import net.wagw.store.DynamoOptInStore;
import net.wagw.store.TableNames;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Customers, their numbers and identities, and the learned wa_ids. */
@ApplicationScoped
public class ContactProducers {

    @Produces
    @Singleton
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers(new LibPhoneNumberPlan());
    }

    @Produces
    @Singleton
    Nodes nodes(WagwConfig config) {
        return new Nodes(config.domain());
    }

    @Produces
    @Singleton
    ContactStore contactStore(DynamoDbClient dynamo, TableNames names, Identities identities) {
        return Following.contacts(new DynamoCustomerStore(dynamo, names), identities);
    }

    /** The raw stores, one id each; everything else sees them through {@link Following}. */
    @Produces
    @Singleton
    Identities identities(DynamoDbClient dynamo, TableNames names, PhoneNumbers numbers, Clock clock) {
        DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, names);
        return new Identities(customers, customers, numbers, customers, new DynamoOptInStore(dynamo, names), clock);
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
}
