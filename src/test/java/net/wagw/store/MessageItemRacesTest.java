package net.wagw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.MessageStore;
import net.wagw.domain.send.OutboundMessage;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.testing.DynaliteResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A sent message's item holds its outcome and its statuses' tracking (docs/storage.md): Meta's
 * outcome written in the same update that starts the tracking, statuses moved forward on it, one
 * that came first kept on it. Writers racing on one item apply each status once and undo nothing.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
class MessageItemRacesTest {
    private static final String BOT = "bot-a";
    private static final String NODE = "5531977130001@wa.gw.msging.net";
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Inject
    DynamoDbClient dynamo;
    @Inject
    TableNames names;

    private DynamoMessageStore messages() {
        return new DynamoMessageStore(dynamo, names);
    }

    private DynamoStatusStore statuses() {
        return new DynamoStatusStore(dynamo, names, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static OutboundMessage taken(String id) {
        return new OutboundMessage(BOT, id, NODE, "5531977130001", false, "{}", "f", OutboundMessage.State.SENDING, 0,
                T0, T0.plusSeconds(60), true, null, 0, null, null, null, 0);
    }

    private static StatusUpdate delivered(String wamid, String envelopeId) {
        return new StatusUpdate("1110001", wamid, MessageStatus.DELIVERED, T0, "5531977130001", null, 0, null, null,
                Map.of(), "wagw:" + BOT + ":" + envelopeId);
    }

    @Test
    void aStatusRacingTheSendsOutcomeIsAppliedExactlyOnce() throws Exception {
        DynamoMessageStore messages = messages();
        DynamoStatusStore statuses = statuses();
        int rank = MessageStatus.DELIVERED.rank();
        for (int round = 0; round < 12; round++) {
            String id = "race-" + RUN + "-" + round;
            String wamid = "wamid.RACE." + RUN + "." + round;
            OutboundMessage message = taken(id);
            assertThat(messages.create(message)).isTrue();
            StatusUpdate status = delivered(wamid, id);
            List<Integer> applied = race(
                    // the sender: Meta's outcome, then the status that came first (if one did) applied
                    () -> {
                        MessageStore.Recorded recorded = messages.recordSent(message.sent(wamid, true),
                                new SentMessage(id, "Text", Map.of()));
                        assertThat(recorded.written()).isTrue();
                        return recorded.early().isPresent() && statuses.advance(BOT, wamid, id, null, rank,
                                false) instanceof StatusStore.Advanced ? 1 : 0;
                    },
                    // the webhook: forward, else kept, else (tracked meanwhile) forward
                    () -> {
                        if (statuses.advance(BOT, wamid, id, null, rank, false) instanceof StatusStore.Advanced) {
                            return 1;
                        }
                        if (statuses.keep(BOT, id, status, rank, false) instanceof StatusStore.Kept) {
                            return 0;
                        }
                        return statuses.advance(BOT, wamid, id, null, rank, false) instanceof StatusStore.Advanced
                                ? 1 : 0;
                    });
            assertThat(applied.stream().mapToInt(Integer::intValue).sum()).as("round %d", round).isEqualTo(1);
            assertThat(statuses.advance(BOT, wamid, id, null, rank, false)).isInstanceOf(StatusStore.Stale.class);
            assertThat(messages.find(BOT, id).orElseThrow().state()).isEqualTo(OutboundMessage.State.SENT);
        }
    }

    @Test
    void racingCopiesOfAPricedStatusMoveTheMessageOnceAndMarkItBilledOnce() throws Exception {
        DynamoMessageStore messages = messages();
        DynamoStatusStore statuses = statuses();
        String id = "copies-" + RUN;
        String wamid = "wamid.COPIES." + RUN;
        OutboundMessage message = taken(id);
        messages.create(message);
        messages.recordSent(message.sent(wamid, true), new SentMessage(id, "Text", Map.of()));
        List<Callable<StatusStore.Advance>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(() -> statuses.advance(BOT, wamid, id, null, MessageStatus.SENT.rank(), true));
        }
        List<StatusStore.Advance> made = race(copies);
        assertThat(made).filteredOn(StatusStore.Advanced.class::isInstance).hasSize(1);
        long billedNow = made.stream().filter(a -> a instanceof StatusStore.Advanced advanced
                ? advanced.billed() == StatusStore.Billed.NOW
                : ((StatusStore.Stale) a).billed() == StatusStore.Billed.NOW).count();
        assertThat(billedNow).as("marked billed once").isEqualTo(1);
    }

    @Test
    void aStatusKeptOnTheMessageOutlivesItsLaterVersionsAndIsHandedBackWhenMetasOutcomeIsRecorded() {
        DynamoMessageStore messages = messages();
        DynamoStatusStore statuses = statuses();
        String id = "kept-" + RUN;
        String wamid = "wamid.KEPT." + RUN;
        OutboundMessage message = taken(id);
        messages.create(message);
        StatusUpdate status = delivered(wamid, id);
        assertThat(statuses.keep(BOT, id, status, status.status().rank(), false))
                .isInstanceOf(StatusStore.Kept.class);
        // another version of the message (its lease renewed) names only its own attributes
        OutboundMessage leased = message.leased(T0.plusSeconds(120));
        assertThat(messages.replace(leased)).isTrue();
        MessageStore.Recorded recorded = messages.recordSent(leased.sent(wamid, true),
                new SentMessage(id, "Text", Map.of()));
        assertThat(recorded.early()).hasValueSatisfying(early -> {
            assertThat(early.wamid()).isEqualTo(wamid);
            assertThat(early.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(early.callbackData()).isEqualTo("wagw:" + BOT + ":" + id);
        });
        assertThat(statuses.sent(BOT, wamid)).hasValueSatisfying(sent -> assertThat(sent.envelopeId()).isEqualTo(id));
        assertThat(statuses.keep(BOT, id, status, status.status().rank(), false))
                .as("tracked now: advanced instead").isInstanceOf(StatusStore.TrackedMeanwhile.class);
    }

    private static StatusUpdate ofParticipant(String wamid, String envelopeId, MessageStatus status,
            String participant) {
        return new StatusUpdate("1110001", wamid, status, T0, "G-META", participant, 0, null, null, Map.of(),
                "wagw:" + BOT + ":" + envelopeId);
    }

    @Test
    void participantStatusesKeptBeforeTheGroupSendAreHandedBackWithItsOwnAndAppliedOnce() {
        DynamoMessageStore messages = messages();
        DynamoStatusStore statuses = statuses();
        String id = "group-kept-" + RUN;
        String wamid = "wamid.GROUPKEPT." + RUN;
        OutboundMessage message = taken(id);
        messages.create(message);
        StatusUpdate sent = new StatusUpdate("1110001", wamid, MessageStatus.SENT, T0, "G-META", null, 0, null, null,
                Map.of(), "wagw:" + BOT + ":" + id);
        StatusUpdate delivered = ofParticipant(wamid, id, MessageStatus.DELIVERED, "5531977130002");
        StatusUpdate read = ofParticipant(wamid, id, MessageStatus.READ, "5531977130003");
        for (StatusUpdate early : List.of(delivered, sent, read, delivered)) {
            assertThat(statuses.keep(BOT, id, early, early.status().rank(), false)).isInstanceOf(StatusStore.Kept.class);
        }
        // a participant's later "delivered" after its "read" is kept no further
        statuses.keep(BOT, id, ofParticipant(wamid, id, MessageStatus.DELIVERED, "5531977130003"), 2, false);

        MessageStore.Recorded recorded = messages.recordSent(message.sent(wamid, true),
                new SentMessage(id, "Text", Map.of()));
        assertThat(recorded.early()).hasValueSatisfying(early -> assertThat(early.participantId()).isNull());
        List<StatusStore.Applied> applied = statuses.applyKept(BOT, recorded.early().orElseThrow(), id);

        assertThat(applied).extracting(a -> a.status().participantId() + " " + a.status().status(),
                a -> a.advanced().messageId()).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("null SENT", id),
                        org.assertj.core.groups.Tuple.tuple("5531977130002 DELIVERED", id),
                        org.assertj.core.groups.Tuple.tuple("5531977130003 READ", id));
        assertThat(statuses.applyKept(BOT, recorded.early().orElseThrow(), id)).as("applied once").isEmpty();
        assertThat(statuses.advance(BOT, wamid, id, "5531977130003", MessageStatus.READ.rank(), false))
                .isInstanceOf(StatusStore.Stale.class);
        assertThat(statuses.keep(BOT, id, delivered, 2, false)).as("tracked now: advanced instead")
                .isInstanceOf(StatusStore.TrackedMeanwhile.class);
    }

    @Test
    void aParticipantStatusRacingTheGroupSendsOutcomeIsToldExactlyOnce() throws Exception {
        DynamoMessageStore messages = messages();
        DynamoStatusStore statuses = statuses();
        int rank = MessageStatus.DELIVERED.rank();
        String participant = "5531977130002";
        for (int round = 0; round < 12; round++) {
            String id = "group-race-" + RUN + "-" + round;
            String wamid = "wamid.GROUPRACE." + RUN + "." + round;
            OutboundMessage message = taken(id);
            assertThat(messages.create(message)).isTrue();
            StatusUpdate status = ofParticipant(wamid, id, MessageStatus.DELIVERED, participant);
            // two webhooks bring the same status: forward, else kept, else (tracked meanwhile) forward
            Callable<Integer> webhook = () -> {
                if (statuses.advance(BOT, wamid, id, participant, rank, false) instanceof StatusStore.Advanced) {
                    return 1;
                }
                if (statuses.keep(BOT, id, status, rank, false) instanceof StatusStore.Kept) {
                    return 0;
                }
                return statuses.advance(BOT, wamid, id, participant, rank, false) instanceof StatusStore.Advanced
                        ? 1 : 0;
            };
            // the sender: Meta's outcome, then what came first (if anything did) applied
            Callable<Integer> sender = () -> {
                MessageStore.Recorded recorded = messages.recordSent(message.sent(wamid, true),
                        new SentMessage(id, "Text", Map.of()));
                assertThat(recorded.written()).isTrue();
                return recorded.early().map(early -> statuses.applyKept(BOT, early, id).size()).orElse(0);
            };
            // in even rounds the status has overtaken the send already (and the sender tells it)
            int first = round % 2 == 0 ? webhook.call() : 0;
            List<Integer> told = round % 2 == 0 ? race(sender, webhook) : race(sender, webhook, webhook);
            assertThat(first + told.stream().mapToInt(Integer::intValue).sum()).as("round %d: %s", round, told)
                    .isEqualTo(1);
            assertThat(statuses.advance(BOT, wamid, id, participant, rank, false)).isInstanceOf(StatusStore.Stale.class);
        }
    }

    @SafeVarargs
    private static <T> List<T> race(Callable<T>... writers) throws Exception {
        return race(List.of(writers));
    }

    private static <T> List<T> race(List<Callable<T>> writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> done = new ArrayList<>();
            for (Callable<T> writer : writers) {
                done.add(pool.submit(() -> {
                    start.await();
                    return writer.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> each : done) {
                results.add(each.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
