package net.wagw.domain.send;

import static net.wagw.domain.send.Sends.CUSTOMER;
import static net.wagw.domain.send.Sends.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.delivery.Notification;
import net.wagw.domain.group.Group;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.ports.World;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkResult;

/**
 * A send from taken to sent or failed (docs/contracts.md §3.3, §3.4; docs/queue.md): retries on
 * the work queue, giving up, uncertain answers, idempotency, concurrent duplicates.
 */
class SendLifecycleTest {
    private final World world = new World();

    @BeforeEach
    void customerWroteAMinuteAgo() {
        world.windows.recordInbound(World.BOT.id(), world.numbers.parse("+5531988881001").contactKey(),
                world.clock.instant().minus(Duration.ofMinutes(1)));
    }

    private static MetaOutcome.Error metaError(int code) {
        return new MetaOutcome.Error(400, code, null, "error " + code, null);
    }

    private WorkResult retry(String id) {
        return world.send.retry(World.BOT, new Work.Send(World.BOT.id(), id));
    }

    @Test
    void anAcceptedSendIsTrackedForItsStatusesAndTheBotIsToldAccepted() {
        assertThat(world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"))).isEqualTo("m-1");

        assertThat(world.told.events("m-1")).containsExactly("accepted");
        assertThat(world.messages.get(World.BOT.id(), "m-1").state()).isEqualTo(OutboundMessage.State.SENT);
        assertThat(world.statuses.advance(World.BOT.id(), "wamid.1", null, 1))
                .isEqualTo(new StatusStore.Advanced("m-1", CUSTOMER));
        assertThat(world.queue.works()).noneMatch(Work.Send.class::isInstance);
    }

    @Test
    void aStatusThatCameBeforeItsSendWasRecordedIsToldRightAfterAccepted() {
        world.inbound.status(World.BOT, new StatusUpdate(World.PHONE_NUMBER_ID, "wamid.1", MessageStatus.DELIVERED,
                world.clock.instant(), "5531988881001", null, 0, null));
        assertThat(world.told.notifications).isEmpty();

        world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"));

        assertThat(world.told.events("m-1")).containsExactly("accepted", "received");
    }

    @Test
    void aParticipantStatusThatOvertakesItsGroupSendIsToldOnceTheSendIsRecorded() {
        Group pending = world.groups.create(World.BOT, "VIP", null, null);
        world.groupStore.save(pending.activated("G-META", null, world.clock.instant()));
        // the group's own "sent", then two participants' statuses, all before Meta's answer is recorded
        StatusUpdate sent = new StatusUpdate(World.PHONE_NUMBER_ID, "wamid.1", MessageStatus.SENT,
                world.clock.instant(), "G-META", null, 0, null);
        StatusUpdate delivered = new StatusUpdate(World.PHONE_NUMBER_ID, "wamid.1", MessageStatus.DELIVERED,
                world.clock.instant(), "G-META", "5531988881002", 0, null);
        StatusUpdate read = new StatusUpdate(World.PHONE_NUMBER_ID, "wamid.1", MessageStatus.READ,
                world.clock.instant(), "G-META", "5531988881003", 0, null);
        world.inbound.status(World.BOT, sent);
        world.inbound.status(World.BOT, delivered);
        world.inbound.status(World.BOT, read);
        assertThat(world.told.notifications).isEmpty();

        world.send.send(World.BOT, text("g-1", pending.id() + "@groups.wa.gw.msging.net", "oi"));
        world.inbound.status(World.BOT, delivered); // Meta's retry, after the record

        assertThat(world.told.events("g-1")).containsExactly("accepted", "dispatched", "received", "consumed");
        assertThat(world.told.notifications.stream().filter(n -> n.messageId().equals("g-1"))
                .map(n -> n.metadata().get("#wa.participant")))
                .containsExactly(null, null, "5531988881002@wa.gw.msging.net", "5531988881003@wa.gw.msging.net");
        assertThat(world.statuses.advance(World.BOT.id(), "wamid.1", "5531988881003", MessageStatus.READ.rank()))
                .as("moved forward on its participant's rank").isInstanceOf(StatusStore.Stale.class);
    }

    @Test
    void aThrottledSendIsAcceptedQueuedAndSentAgainOnlyOnceItIsDue() {
        world.meta.answers.add(metaError(130429));

        assertThat(world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"))).isEqualTo("m-1");
        assertThat(world.told.events("m-1")).containsExactly("accepted");
        assertThat(world.queue.works()).contains(new Work.Send(World.BOT.id(), "m-1"));

        assertThat(retry("m-1")).isInstanceOfSatisfying(WorkResult.Later.class, later -> assertThat(later.tried()).isFalse());
        assertThat(world.meta.sends).hasSize(1);

        world.clock.advance(Duration.ofMinutes(5));
        assertThat(retry("m-1")).isEqualTo(WorkResult.DONE);
        assertThat(world.meta.sends).hasSize(2);
        assertThat(world.messages.get(World.BOT.id(), "m-1").state()).isEqualTo(OutboundMessage.State.SENT);
        assertThat(world.told.events("m-1")).containsExactly("accepted");
    }

    @Test
    void aSendStillFailingAfter24HoursEndsFailedAndTheBotIsToldWhy() {
        world.meta.answers.add(metaError(131000));
        world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"));

        world.clock.advance(SendService.GIVE_UP_AFTER);
        assertThat(retry("m-1")).isEqualTo(WorkResult.DONE);

        assertThat(world.meta.sends).hasSize(1);
        assertThat(world.told.notifications).last().satisfies(n -> {
            assertThat(n.event()).isEqualTo(Notification.Event.FAILED);
            assertThat(n.reasonCode()).isEqualTo(Reason.TIMED_OUT.code());
            assertThat(n.reasonDescription()).contains("Not sent within 24 hours").contains("131000");
        });
        assertThat(retry("m-1")).isEqualTo(WorkResult.DONE);
        assertThat(world.told.events("m-1")).containsExactly("accepted", "failed");
    }

    @Test
    void anUnclearAnswerIsNeverSentAgainAndEndsFailedWhenNoStatusFollows() {
        world.meta.answers.add(new MetaOutcome.Uncertain("read timed out"));

        assertThat(world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"))).isEqualTo("m-1");
        assertThat(world.messages.get(World.BOT.id(), "m-1").state()).isEqualTo(OutboundMessage.State.UNCERTAIN);

        world.clock.advance(SendService.SETTLE_WITHIN);
        retry("m-1");

        assertThat(world.meta.sends).hasSize(1);
        assertThat(world.told.notifications).last().satisfies(n -> {
            assertThat(n.event()).isEqualTo(Notification.Event.FAILED);
            assertThat(n.reasonDescription()).contains("not sent again");
        });
    }

    @Test
    void aDefinitiveErrorRefusesTheBotAtOnceAndTheRepeatIsRefusedTheSameWithoutSending() {
        world.meta.answers.add(metaError(131026));

        assertThatThrownBy(() -> world.send.send(World.BOT, text("m-1", CUSTOMER, "oi")))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.GATEWAY_DESTINATION_NOT_FOUND));
        assertThatThrownBy(() -> world.send.send(World.BOT, text("m-1", CUSTOMER, "oi")))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.GATEWAY_DESTINATION_NOT_FOUND));
        assertThat(world.meta.sends).hasSize(1);
    }

    @Test
    void theSameIdAndMessageAgainIsAnsweredAsBeforeAndNotSentTwice() {
        world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"));

        assertThat(world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"))).isEqualTo("m-1");
        assertThat(world.meta.sends).hasSize(1);
        assertThat(world.told.events("m-1")).containsExactly("accepted");
    }

    @Test
    void theSameIdForAnotherMessageIsAConflictAndSendsNothing() {
        world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"));

        assertThatThrownBy(() -> world.send.send(World.BOT, text("m-1", CUSTOMER, "tchau")))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).contains(Refusal.Kind.CONFLICT);
                    assertThat(r.description()).contains("already used for another message");
                });
        assertThat(world.meta.sends).hasSize(1);
    }

    @Test
    void twoConcurrentRequestsWithOneIdSendOnceAndAreAnsweredAlike() throws Exception {
        CountDownLatch secondFoundItTaken = new CountDownLatch(1);
        AtomicInteger lookUps = new AtomicInteger();
        // the second request looks the id up while the first is still waiting for Meta
        world.messages.afterFind = () -> {
            if (lookUps.incrementAndGet() == 2) {
                secondFoundItTaken.countDown();
            }
        };
        world.meta.beforeAnswer = () -> await(secondFoundItTaken);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> world.send.send(World.BOT, text("m-1", CUSTOMER, "oi")));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            while (world.meta.sends.isEmpty()) {
                Thread.onSpinWait();
            }
            return world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"));
        });

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("m-1");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("m-1");
        assertThat(world.meta.sends).hasSize(1);
        assertThat(world.told.events("m-1")).containsExactly("accepted");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other request never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
