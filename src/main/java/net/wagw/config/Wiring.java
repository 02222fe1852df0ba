package net.wagw.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.contact.ContactStore;
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
    VerificationService verificationService(PhoneNumbers numbers, Contacts contacts, QuotaCounter counters,
            Clock clock, Nodes nodes) {
        return new VerificationService(numbers, contacts, counters, new VerificationQuota(clock), nodes);
    }
}
