package net.wagw.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkResult;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * docs/queue.md, "Where it runs": a batch's lanes are tried side by side, each lane's messages one
 * after another in order. What is done is only reported here (deleting it is the caller's), so no
 * queue server is needed; a lane stopped behind a retry hides its messages, which fails quietly here.
 */
class SqsWorkQueueLanesTest {
    private static final QueueConnection NOWHERE = new QueueConnection(Optional.of(URI.create("http://127.0.0.1:9")),
            "us-east-1", Optional.of("http://127.0.0.1:9/queue/wagw-work.fifo"), Queues.WORK, 0);
    private final SqsClient unreachable = SqsClients.build(NOWHERE);
    private final SqsWorkQueue queue = new SqsWorkQueue(unreachable, NOWHERE, Clock.systemUTC());

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void aBatchsLanesAreTriedSideBySide() {
        CountDownLatch allThreeInFlight = new CountDownLatch(3);

        SqsWorkQueue.Outcome outcome = queue.process(List.of(message("1", "bot/a"), message("2", "bot/b"),
                message("3", "bot/c")), work -> {
                    allThreeInFlight.countDown();
                    try {
                        // one after another, the first would wait here alone until the timeout
                        return allThreeInFlight.await(15, TimeUnit.SECONDS) ? WorkResult.DONE : WorkResult.later(Duration.ZERO);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });

        assertThat(outcome.done()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(outcome.handled()).isEqualTo(3);
    }

    @Test
    void aLanesMessagesAreTriedOneAfterAnotherInTheBatchsOrder() {
        List<String> tried = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger mostAtOnceInLaneA = new AtomicInteger();

        queue.process(List.of(message("a1", "bot/a"), message("b1", "bot/b"), message("a2", "bot/a"),
                message("a3", "bot/a")), work -> {
                    String id = ((Work.Deliver) work).deliveryId();
                    AtomicInteger lane = inFlight.computeIfAbsent(id.substring(0, 1), k -> new AtomicInteger());
                    int now = lane.incrementAndGet();
                    if (id.startsWith("a")) {
                        mostAtOnceInLaneA.accumulateAndGet(now, Math::max);
                    }
                    tried.add(id);
                    sleep(50);
                    lane.decrementAndGet();
                    return WorkResult.DONE;
                });

        assertThat(tried.stream().filter(id -> id.startsWith("a"))).containsExactly("a1", "a2", "a3");
        assertThat(tried).contains("b1");
        assertThat(mostAtOnceInLaneA).hasValue(1);
    }

    @Test
    void aLaneStopsAtItsFirstRetryWhileTheOtherLanesGoOn() {
        SqsWorkQueue.Outcome outcome = queue.process(List.of(message("a1", "bot/a"), message("a2", "bot/a"),
                message("b1", "bot/b")), work -> ((Work.Deliver) work).deliveryId().equals("a1")
                        ? WorkResult.later(Duration.ofSeconds(10))
                        : WorkResult.DONE);

        assertThat(outcome.done()).containsExactly("b1");
        assertThat(outcome.failed()).containsExactlyInAnyOrder("a1", "a2");
        assertThat(outcome.handled()).as("a1 was tried, a2 left behind it").isEqualTo(2);
    }

    @Test
    void eachLaneLogsWithItsOwnInvocationsLogContext() {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        List<SqsWorkQueue.Received> tenLanes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenLanes.add(message("m" + i, "bot/" + i));
        }
        // the first invocation makes every lane thread there is; the second finds them made
        for (String invocation : List.of("invocation-1", "invocation-2")) {
            MDC.put("AWSRequestId", invocation);
            try {
                queue.process(tenLanes, work -> {
                    seen.put(((Work.Deliver) work).deliveryId(), String.valueOf(MDC.get("AWSRequestId")));
                    sleep(20);
                    return WorkResult.DONE;
                });
            } finally {
                MDC.remove("AWSRequestId");
            }
        }

        assertThat(seen).hasSize(10).allSatisfy((id, invocation) -> assertThat(invocation).isEqualTo("invocation-2"));
    }

    private static SqsWorkQueue.Received message(String deliveryId, String lane) {
        return new SqsWorkQueue.Received(deliveryId, "receipt-" + deliveryId,
                SqsWorkQueue.encode(new Work.Deliver("bot", deliveryId)), lane, 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
