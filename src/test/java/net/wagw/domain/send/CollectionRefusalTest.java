package net.wagw.domain.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.meta.MetaOutcome;

/**
 * A collection's items go in order (docs/contracts.md §3.3): one Meta refuses for good ends the
 * sequence, so nothing after it reaches the customer out of its context, and the bot is told each failed.
 */
class CollectionRefusalTest {
    private static SendWorld refusing(String item) {
        SendWorld world = new SendWorld(80, 80);
        world.meta.fault((envelope, at) -> envelope.equals(item)
                ? new MetaOutcome.Error(400, 131026, null, "Message undeliverable", "Message undeliverable.")
                : null);
        return world;
    }

    @Test
    void aCollectionWhoseFirstItemMetaRefusesSendsNoLaterItemAndAnswersTheRefusal() {
        SendWorld world = refusing("col-r:0");
        String to = SendWorld.customer(3);
        world.customerWrote(to);

        String answer = world.postTexts("col-r", to, "One", "Two", "Three");

        assertThat(answer).contains("(#131026)");
        assertThat(world.meta.takenInOrder()).isEmpty();
        assertThat(world.meta.requests()).as("requests that reached Meta").isEqualTo(1);
        assertThat(world.states()).containsOnly(entry(OutboundMessage.State.FAILED, 3));
        assertThat(failedNotifications(world)).isEqualTo(3);

        assertThat(world.postTexts("col-r", to, "One", "Two", "Three")).as("the same request again").contains("(#131026)");
        assertThat(world.meta.requests()).isEqualTo(1);
    }

    @Test
    void aCollectionWhoseMiddleItemMetaRefusesSendsNothingAfterItAndStaysAccepted() {
        SendWorld world = refusing("col-m:1");
        String to = SendWorld.customer(4);
        world.customerWrote(to);

        assertThat(world.postTexts("col-m", to, "One", "Two", "Three")).isEqualTo("col-m");

        assertThat(world.meta.takenInOrder()).containsExactly("col-m:0");
        assertThat(world.meta.requests()).isEqualTo(2);
        assertThat(world.states()).containsOnly(entry(OutboundMessage.State.SENT, 1), entry(OutboundMessage.State.FAILED, 2));
        assertThat(failedNotifications(world)).isEqualTo(2);
    }

    @Test
    void anItemMetaRefusesWhenItsTurnComesFromTheQueueEndsTheSequenceThere() {
        SendWorld world = new SendWorld(80, 80);
        AtomicInteger firstTries = new AtomicInteger();
        world.meta.fault((envelope, at) -> {
            if (envelope.equals("col-q:0") && firstTries.getAndIncrement() == 0) {
                return new MetaOutcome.Error(429, 130429, null, "Rate limit hit", "Rate limit hit.");
            }
            return envelope.equals("col-q:1")
                    ? new MetaOutcome.Error(400, 131026, null, "Message undeliverable", "Message undeliverable.")
                    : null;
        });
        String to = SendWorld.customer(5);
        world.customerWrote(to);

        assertThat(world.postTexts("col-q", to, "One", "Two", "Three", "Four")).isEqualTo("col-q");
        world.drain(Duration.ofMinutes(10));

        assertThat(world.meta.takenInOrder()).containsExactly("col-q:0");
        assertThat(world.states()).containsOnly(entry(OutboundMessage.State.SENT, 1), entry(OutboundMessage.State.FAILED, 3));
        assertThat(failedNotifications(world)).isEqualTo(3);
        assertThat(world.messages.find(world.bot.id(), "col-q:3").orElseThrow().failureDescription())
                .as("the refusal that ended it").startsWith("Not sent: item 1 of this collection was refused (")
                .contains("131026");
    }

    @Test
    void aBotsOwnIdThatLooksLikeAnItemIsNoCollectionAndGoesAfterItsNamesakesRefusal() {
        SendWorld world = new SendWorld(80, 80);
        AtomicInteger secondTries = new AtomicInteger();
        world.meta.fault((envelope, at) -> {
            if (envelope.equals("order:1")) {
                return new MetaOutcome.Error(400, 131026, null, "Message undeliverable", "Message undeliverable.");
            }
            return envelope.equals("order:2") && secondTries.getAndIncrement() == 0
                    ? new MetaOutcome.Error(429, 130429, null, "Rate limit hit", "Rate limit hit.") : null;
        });
        String to = SendWorld.customer(6);

        assertThat(world.post("order:1", to)).contains("(#131026)");
        assertThat(world.post("order:2", to)).isEqualTo("order:2");
        world.drain(Duration.ofMinutes(10));

        assertThat(world.meta.takenInOrder()).containsExactly("order:2");
    }

    private static long failedNotifications(SendWorld world) {
        return world.deliveries.stored.values().stream().filter(d -> d.target() == Delivery.Target.NOTIFICATIONS)
                .filter(d -> d.body().contains("\"event\":\"failed\"")).count();
    }
}
