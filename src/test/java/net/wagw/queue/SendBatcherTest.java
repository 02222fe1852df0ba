package net.wagw.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** docs/queue.md, "Sending in batches": what callers sending at the same time share, and what each is told. */
class SendBatcherTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** The bodies of each batch sent, in the order they were sent. */
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aLoneMessageIsSentAtOnceInABatchOfItsOwn() {
        SendBatcher batcher = new SendBatcher(keepingAll());

        batcher.send(entry("a"));

        assertThat(batches).containsExactly(List.of("a"));
    }

    @Test
    void messagesHandedInWhileABatchIsOnItsWayGoTogetherInTheNextTenAtATime() throws Exception {
        HeldFirst held = new HeldFirst(SendBatcherTest::kept);
        List<Future<?>> behind = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            behind.add(held.send("m" + i));
        }
        waitUntil(() -> held.batcher.waiting() == 12);
        assertThat(batches).hasSize(1);

        held.release();
        for (Future<?> caller : behind) {
            caller.get(30, TimeUnit.SECONDS);
        }

        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.get(1)).hasSize(10);
        assertThat(batches.get(2)).hasSize(2);
        assertThat(batches.stream().flatMap(List::stream)).hasSize(13).doesNotHaveDuplicates();
    }

    @Test
    void aMessageSqsRefusedFailsOnlyItsOwnCallerWithSqsReason() throws Exception {
        HeldFirst held = new HeldFirst(entries -> {
            SendMessageBatchResponse.Builder response = SendMessageBatchResponse.builder();
            response.successful(entries.stream().filter(e -> !e.messageBody().equals("refused"))
                    .map(e -> SendMessageBatchResultEntry.builder().id(e.id()).messageId("sqs-" + e.id()).build()).toList());
            response.failed(entries.stream().filter(e -> e.messageBody().equals("refused"))
                    .map(e -> BatchResultErrorEntry.builder().id(e.id()).code("InvalidParameterValue")
                            .message("too long").senderFault(true).build()).toList());
            return response.build();
        });
        Future<?> refused = held.send("refused");
        Future<?> kept = held.send("kept");
        waitUntil(() -> held.batcher.waiting() == 2);

        held.release();
        kept.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(((SqsException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"))
                .hasMessageContaining("too long");
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder("refused", "kept");
    }

    @Test
    void aBatchTheQueueDidNotTakeFailsEveryCallerInItAndTheNextBatchStillGoes() throws Exception {
        HeldFirst held = new HeldFirst(entries -> {
            if (entries.stream().anyMatch(e -> e.messageBody().equals("b1"))) {
                throw SdkClientException.create("queue down");
            }
            return kept(entries);
        });
        Future<?> b1 = held.send("b1");
        waitUntil(() -> held.batcher.waiting() == 1);
        Future<?> b2 = held.send("b2");
        waitUntil(() -> held.batcher.waiting() == 2);

        held.release();
        assertThatThrownBy(() -> b1.get(30, TimeUnit.SECONDS)).cause().hasMessageContaining("queue down");
        assertThatThrownBy(() -> b2.get(30, TimeUnit.SECONDS)).cause().hasMessageContaining("queue down");
        held.send("after").get(30, TimeUnit.SECONDS);

        assertThat(batches).containsExactly(List.of("first"), List.of("b1", "b2"), List.of("after"));
    }

    @Test
    void aBatchHoldsNoMoreThanSqsTakesInBytes() throws Exception {
        HeldFirst held = new HeldFirst(SendBatcherTest::kept);
        String hundredKib = "x".repeat(100 * 1024);
        List<Future<?>> big = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            big.add(held.send(i + hundredKib));
        }
        waitUntil(() -> held.batcher.waiting() == 3);
        held.release();
        for (Future<?> caller : big) {
            caller.get(30, TimeUnit.SECONDS);
        }

        assertThat(batches).hasSize(3);
        assertThat(batches.get(1)).hasSize(2);
        assertThat(batches.get(2)).hasSize(1);
    }

    private Function<List<SendMessageBatchRequestEntry>, SendMessageBatchResponse> keepingAll() {
        return entries -> {
            batches.add(entries.stream().map(SendMessageBatchRequestEntry::messageBody).toList());
            return kept(entries);
        };
    }

    /**
     * A batcher whose first batch ({@code "first"}) is on its way and held there until {@link #release};
     * every batch is recorded and answered as {@code answer} does.
     */
    private final class HeldFirst {
        final SendBatcher batcher;
        private final CountDownLatch onItsWay = new CountDownLatch(1);
        private final CountDownLatch held = new CountDownLatch(1);
        private final Future<?> first;

        HeldFirst(Function<List<SendMessageBatchRequestEntry>, SendMessageBatchResponse> answer) throws InterruptedException {
            batcher = new SendBatcher(entries -> {
                boolean isFirst = batches.isEmpty();
                batches.add(entries.stream().map(SendMessageBatchRequestEntry::messageBody).toList());
                if (isFirst) {
                    onItsWay.countDown();
                    await(held);
                }
                return answer.apply(entries);
            });
            first = send("first");
            onItsWay.await();
        }

        Future<?> send(String body) {
            return callers.submit(() -> batcher.send(entry(body)));
        }

        /** Lets the first batch through and waits for its caller. */
        void release() throws Exception {
            held.countDown();
            first.get(30, TimeUnit.SECONDS);
        }
    }

    private static SendMessageBatchResponse kept(List<SendMessageBatchRequestEntry> entries) {
        return SendMessageBatchResponse.builder().successful(entries.stream()
                .map(e -> SendMessageBatchResultEntry.builder().id(e.id()).messageId("sqs-" + e.id()).build()).toList())
                .build();
    }

    private static SendMessageBatchRequestEntry entry(String body) {
        return SendMessageBatchRequestEntry.builder().messageBody(body).messageGroupId("lane")
                .messageAttributes(Map.of()).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
