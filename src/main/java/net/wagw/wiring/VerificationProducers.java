package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.verify.QuotaCounter;
import net.wagw.domain.verify.VerificationQuota;
import net.wagw.domain.verify.VerificationService;
import net.wagw.store.DynamoQuotaCounter;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Number verification and its daily quota. */
@ApplicationScoped
public class VerificationProducers {

    @Produces
    @Singleton
    QuotaCounter quotaCounter(DynamoDbClient dynamo, TableNames names) {
        return new DynamoQuotaCounter(dynamo, names);
    }

    @Produces
    @Singleton
    VerificationService verificationService(PhoneNumbers numbers, Contacts contacts, QuotaCounter counters,
            Clock clock, Nodes nodes) {
        return new VerificationService(numbers, contacts, counters, new VerificationQuota(clock), nodes);
    }
}
