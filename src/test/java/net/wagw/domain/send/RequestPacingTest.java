package net.wagw.domain.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * How a bot's request waits for the number's pacing slot (docs/queue.md, Pacing): briefly in place,
 * so that a collection's items follow each other at the number's rate within the request, and on
 * the queue beyond {@link SendService#PAUSE_IN_REQUEST}. Virtual time: Meta answers at once.
 */
class RequestPacingTest {

    @Test
    void aCollectionsItemsReachMetaInTheRequestWhenTheNumbersNextSlotIsMillisecondsAway() {
        SendWorld world = new SendWorld(80, 80);
        String to = SendWorld.customer(1);
        world.customerWrote(to);

        assertThat(world.postTexts("col-1", to, "One", "Two", "Three")).isEqualTo("col-1");

        assertThat(world.meta.taken()).as("items Meta took in the request").isEqualTo(3);
        assertThat(world.states()).as("none deferred").containsOnly(entry(OutboundMessage.State.SENT, 3));
        // 80 messages per second: 12.5 ms between items, waited in place
        assertThat(world.clock.instant()).isBetween(SendWorld.START.plusMillis(24), SendWorld.START.plusMillis(30));
    }

    @Test
    void aCollectionsLaterItemsGoOnTheQueueInOrderWhenTheNumbersNextSlotIsFurtherThanTheRequestWaits() {
        SendWorld world = new SendWorld(4, 80); // a slot every 250 ms
        String to = SendWorld.customer(2);
        world.customerWrote(to);

        assertThat(world.postTexts("col-2", to, "One", "Two", "Three")).isEqualTo("col-2");

        assertThat(world.meta.taken()).as("items Meta took in the request").isEqualTo(1);
        assertThat(world.states()).containsOnly(entry(OutboundMessage.State.SENT, 1),
                entry(OutboundMessage.State.PENDING, 2));
        assertThat(world.clock.instant()).as("the request waited").isBefore(
                SendWorld.START.plus(SendService.PAUSE_IN_REQUEST));
        world.drain(Duration.ofMinutes(1));
        assertThat(world.meta.takenInOrder()).containsExactly("col-2:0", "col-2:1", "col-2:2");
        assertThat(world.stuck()).isZero();
    }
}
