package net.wagw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.delivery.Delivery;
import net.wagw.testing.DynaliteResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An inbound message's store-once write (docs/storage.md) is one update that sets each attribute
 * only if absent and hands back what was there: copies of one message racing on several functions
 * store it once, and each repeat finds the delivery as stored, tries included, unchanged.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class StoreOnceRacesTest {
    private static final String BOT = "bot-a";
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Inject
    DynamoDbClient dynamo;
    @Inject
    TableNames names;

    private static Delivery pending(String id, String body) {
        return new Delivery(BOT, id, Delivery.Target.MESSAGES, body, Delivery.State.PENDING, 0, T0, T0, null, 0);
    }

    @Test
    void racingCopiesOfOneMessageStoreItOnceAndEveryOtherFindsIt() throws Exception {
        DynamoDeliveryStore store = new DynamoDeliveryStore(dynamo, names);
        String id = "message:wamid.ONCE." + RUN;
        int copies = 8;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Delivery>>> done = new ArrayList<>();
        try {
            for (int i = 0; i < copies; i++) {
                String body = "copy-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    return store.createOrFind(pending(id, body));
                }));
            }
            start.countDown();
            List<Optional<Delivery>> found = new ArrayList<>();
            for (Future<Optional<Delivery>> each : done) {
                found.add(each.get());
            }
            assertThat(found).filteredOn(Optional::isEmpty).as("stored by one").hasSize(1);
            String stored = store.find(BOT, id).orElseThrow().body();
            assertThat(found).filteredOn(Optional::isPresent).extracting(f -> f.get().body())
                    .hasSize(copies - 1).containsOnly(stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepeatFindsTheDeliveryAsItsTriesLeftItAndChangesNothing() {
        DynamoDeliveryStore store = new DynamoDeliveryStore(dynamo, names);
        String id = "message:wamid.TRIED." + RUN;
        assertThat(store.createOrFind(pending(id, "first"))).isEmpty();
        Delivery delivered = new Delivery(BOT, id, Delivery.Target.MESSAGES, "first", Delivery.State.DELIVERED, 1, T0,
                T0.plusSeconds(1), null, 1);
        assertThat(store.replace(delivered)).isTrue();

        assertThat(store.createOrFind(pending(id, "again"))).hasValueSatisfying(found -> {
            assertThat(found.tried()).isTrue();
            assertThat(found.state()).isEqualTo(Delivery.State.DELIVERED);
        });
        assertThat(store.find(BOT, id)).contains(delivered);
    }
}
