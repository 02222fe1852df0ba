package net.wagw.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import net.wagw.domain.ports.InMemory;
import net.wagw.domain.ports.World;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkResult;
import net.wagw.testing.Hmac;

/**
 * Deliveries to bots (docs/contracts.md §3.5, docs/queue.md): stored once, queued in the
 * customer's lane, posted signed, retried with backoff, dead-lettered, re-driven.
 */
class OutboxTest {
    private final World world = new World();

    private WorkResult attempt(String id) {
        return world.outbox.attempt(World.BOT, new Work.Deliver(World.BOT.id(), id));
    }

    @Test
    void aDeliveryIsStoredOnceQueuedInItsLaneAndPostedSignedWithTheBotsSecret() {
        assertThat(world.outbox.enqueue(World.BOT, "d-1", Delivery.Target.MESSAGES, "{\"id\":\"1\"}", "5531")).isPresent();
        assertThat(world.outbox.enqueue(World.BOT, "d-1", Delivery.Target.MESSAGES, "{\"id\":\"1\"}", "5531")).isEmpty();
        assertThat(world.queue.queued).extracting(InMemory.Queue.Queued::lane).containsOnly("bot-a/5531");

        assertThat(attempt("d-1")).isEqualTo(WorkResult.DONE);
        assertThat(attempt("d-1")).isEqualTo(WorkResult.DONE);

        assertThat(world.botInbox.posts).singleElement().satisfies(post -> {
            assertThat(post.url()).isEqualTo("https://bot.example/messages");
            assertThat(post.signature()).isEqualTo(Hmac.sha256Header("secret-of-bot-a", post.body()));
        });
        assertThat(world.deliveries.get(World.BOT.id(), "d-1").state()).isEqualTo(Delivery.State.DELIVERED);
    }

    @Test
    void aFailedTryIsRetriedWhenItsBackoffEndsAndNotBefore() {
        world.botInbox.failure = "the bot answered HTTP 503";
        world.outbox.deliver(World.BOT, "d-1", Delivery.Target.NOTIFICATIONS, "{}");

        assertThat(attempt("d-1")).isEqualTo(WorkResult.later(Duration.ofSeconds(10)));
        world.clock.advance(Duration.ofSeconds(9));
        assertThat(attempt("d-1")).isEqualTo(WorkResult.notYet(Duration.ofSeconds(1)));
        world.botInbox.failure = null;
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(attempt("d-1")).isEqualTo(WorkResult.DONE);

        assertThat(world.botInbox.posts).hasSize(2).allSatisfy(p -> assertThat(p.url()).endsWith("/notifications"));
    }

    @Test
    void aDeliveryTheBotNeverTakesIsDeadLetteredAfterItsPeriodAndCanBeRedrivenEvenAfterARedriveTheQueueRefused() {
        world.botInbox.failure = "the bot answered HTTP 500";
        world.outbox.deliver(World.BOT, "d-1", Delivery.Target.MESSAGES, "{}");
        attempt("d-1");
        world.clock.advance(Outbox.DEFAULT_GIVE_UP_AFTER);
        assertThat(attempt("d-1")).isEqualTo(WorkResult.DONE);

        assertThat(world.outbox.deadLetters(World.BOT, 10)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("d-1");
            assertThat(d.lastError()).contains("Not delivered within 7 days").contains("HTTP 500");
        });
        int tries = world.botInbox.posts.size();
        assertThat(attempt("d-1")).isEqualTo(WorkResult.DONE);
        assertThat(world.botInbox.posts).hasSize(tries);

        world.botInbox.failure = null;
        world.queue.down = new IllegalStateException("SQS throttled");
        assertThatThrownBy(() -> world.outbox.redrive(World.BOT, "d-1")).hasMessage("SQS throttled");
        assertThat(world.outbox.deadLetters(World.BOT, 10)).as("still listed, to redrive again").hasSize(1);
        world.queue.down = null;
        assertThat(world.outbox.redrive(World.BOT, "d-1")).isPresent();
        assertThat(world.queue.works()).last().isEqualTo(new Work.Deliver(World.BOT.id(), "d-1"));
        assertThat(attempt("d-1")).isEqualTo(WorkResult.DONE);
        assertThat(world.botInbox.posts).hasSize(tries + 1);
        assertThat(world.outbox.deadLetters(World.BOT, 10)).isEmpty();
    }

    @Test
    void aBotWithoutAnEndpointKeepsItsDeliveryForLater() {
        world.outbox.deliver(World.WITHOUT_NUMBER, "d-1", Delivery.Target.MESSAGES, "{}");
        world.outbox.attempt(World.WITHOUT_NUMBER, new Work.Deliver(World.WITHOUT_NUMBER.id(), "d-1"));

        assertThat(world.botInbox.posts).isEmpty();
        assertThat(world.deliveries.get(World.WITHOUT_NUMBER.id(), "d-1")).satisfies(d -> {
            assertThat(d.state()).isEqualTo(Delivery.State.PENDING);
            assertThat(d.lastError()).contains("no messages URL");
        });
    }
}
