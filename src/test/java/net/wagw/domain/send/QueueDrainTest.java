package net.wagw.domain.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class QueueDrainTest {

    @Test
    void tenThousandTemplateSendsAtMetasLimitAreEachSentOnceAndNoneGivenUp() {
        SendWorld world = new SendWorld(80, 80);
        for (int i = 0; i < 10_000; i++) {
            world.post("campaign-" + i, SendWorld.customer(i));
        }
        world.drain(Duration.ofDays(2));
        System.out.printf("throttled %d requests %d last %s tries %d%n", world.meta.throttled(), world.meta.requests(),
                world.meta.lastTaken(), world.queue.tries());

        assertThat(world.meta.taken()).isEqualTo(10_000);
        assertThat(world.meta.duplicates()).isZero();
        assertThat(world.states()).containsOnly(entry(OutboundMessage.State.SENT, 10_000));
        assertThat(world.queue.waiting()).isZero();
        assertThat(world.botSide.received("accepted")).isEqualTo(10_000);
        assertThat(world.botSide.duplicates()).isZero();
        assertThat(world.undelivered()).isZero();
    }
}
