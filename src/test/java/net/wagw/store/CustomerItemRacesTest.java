package net.wagw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.identity.CustomerState;
import net.wagw.domain.optin.OptInChange;
import net.wagw.testing.DynaliteResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The customer's item holds contact, window and current consent (docs/storage.md), each written
 * by its own conditional or attribute-wise update: writers racing on one item never undo each
 * other, and the window still moves only forward.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class CustomerItemRacesTest {
    private static final String BOT = "bot-a";
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @Inject
    DynamoDbClient dynamo;
    @Inject
    TableNames names;

    @Test
    void racingMessagesAndAnOptInLeaveTheWindowAtTheLatestMessageAndKeepTheConsentAndTheName() throws Exception {
        DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, names);
        DynamoOptInStore optIns = new DynamoOptInStore(dynamo, names);
        ContactKey maria = new ContactKey("5531977120001");
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> done = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    // out of order: the message of the latest time is not the last written
                    Instant at = T0.plusSeconds((n * 7L) % writers);
                    return customers.messaged(BOT, maria, new KnownContact("5531977120001", n == 3 ? "Maria" : null,
                            T0.plusSeconds(n)), at, "wamid.RACE." + at.getEpochSecond());
                }));
            }
            done.add(pool.submit(() -> {
                start.await();
                optIns.record(BOT, maria, new OptInChange(true, Set.of("UTILITY"), "web", null, BOT, T0));
                return true;
            }));
            start.countDown();
            for (Future<Boolean> each : done) {
                assertThat(each.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        CustomerState state = customers.read(BOT, maria).orElseThrow();
        Instant latest = T0.plusSeconds(writers - 1);
        assertThat(state.lastInboundAt()).contains(latest);
        assertThat(state.lastInbound().orElseThrow().wamid()).isEqualTo("wamid.RACE." + latest.getEpochSecond());
        assertThat(state.optIn()).hasValueSatisfying(change -> assertThat(change.categories()).containsOnly("UTILITY"));
        assertThat(state.contact()).hasValueSatisfying(contact -> {
            assertThat(contact.waId()).isEqualTo("5531977120001");
            assertThat(contact.fullName()).isEqualTo("Maria");
        });
        assertThat(optIns.history(BOT, maria)).hasSize(1);
    }

    @Test
    void anEarlierMessageLeavesTheWindowWhereALaterOneSetItAndStillTeachesTheName() {
        DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, names);
        ContactKey joao = new ContactKey("5531977120002");
        assertThat(customers.messaged(BOT, joao, new KnownContact("5531977120002", null, T0), T0.plusSeconds(60),
                "wamid.LATER")).isTrue();
        assertThat(customers.messaged(BOT, joao, new KnownContact("5531977120002", "João", T0), T0, "wamid.EARLIER"))
                .isTrue();
        CustomerState state = customers.read(BOT, joao).orElseThrow();
        assertThat(state.lastInbound().orElseThrow().wamid()).isEqualTo("wamid.LATER");
        assertThat(state.contact().orElseThrow().fullName()).isEqualTo("João");
    }

    @Test
    void aMessageUnderAnAliasWritesNothingThereAndNeitherAnOptInNorASendsWaIdIsWrittenUnderIt() {
        DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, names);
        DynamoOptInStore optIns = new DynamoOptInStore(dynamo, names);
        ContactKey alias = new ContactKey("BR.ALIAS120003");
        customers.remember(BOT, alias, new KnownContact(null, null, T0, null, null, null, "5531977120003"));
        assertThat(customers.messaged(BOT, alias, new KnownContact(null, "Ana", T0, "BR.ALIAS120003", null, null, null),
                T0, "wamid.ALIAS")).isFalse();
        assertThat(optIns.recordIfOwnKey(BOT, alias, new OptInChange(true, Set.of(), "web", null, BOT, T0))).isFalse();
        assertThat(customers.rememberWaIdIfOwnKey(BOT, alias, "5531977120003", T0)).isFalse();
        CustomerState state = customers.read(BOT, alias).orElseThrow();
        assertThat(state.lastInbound()).isEmpty();
        assertThat(state.optIn()).isEmpty();
        assertThat(state.contact().orElseThrow().fullName()).isNull();
        assertThat(state.contact().orElseThrow().waId()).isNull();
    }
}
