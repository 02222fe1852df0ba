package net.wagw.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkResult;
import net.wagw.store.AwsCallCounter;
import net.wagw.testing.WorkQueueServer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * docs/queue.md, "Sending in batches", against a real ElasticMQ: work queued at the same time goes in
 * shared SendMessageBatch calls, and every piece comes back once, a lane's in the order it was queued.
 */
class SqsWorkQueueBatchingTest {
    @RegisterExtension
    static final WorkQueueServer QUEUE = new WorkQueueServer();

    @Test
    void workQueuedAtTheSameTimeSharesBatchesAndComesBackOnceALanesInOrder() throws Exception {
        AwsCallCounter calls = new AwsCallCounter();
        ExecutorService callers = Executors.newFixedThreadPool(41);
        try (SqsClient sqs = SqsClients.build(QUEUE.connection(), calls)) {
            SqsWorkQueue queue = new SqsWorkQueue(sqs, QUEUE.connection(), Clock.systemUTC());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String customer = "customer-" + i;
                done.add(callers.submit(() -> {
                    start.await();
                    queue.enqueue(new Work.Deliver("bot", customer), "bot/" + customer, Duration.ZERO);
                    return null;
                }));
            }
            // one customer's five, one after another, while the others are queued beside them
            done.add(callers.submit(() -> {
                start.await();
                for (int n = 1; n <= 5; n++) {
                    queue.enqueue(new Work.Deliver("bot", "same-" + n), "bot/same", Duration.ZERO);
                }
                return null;
            }));
            start.countDown();
            for (Future<?> caller : done) {
                caller.get(30, TimeUnit.SECONDS);
            }

            Map<String, Long> sent = calls.snapshot(AwsCallCounter.SQS);
            assertThat(sent).doesNotContainKey("SendMessage");
            assertThat(sent.get("SendMessageBatch")).as("45 pieces of work in fewer calls").isLessThan(45);

            // a batch's lanes are tried side by side (docs/queue.md, "Where it runs"), so the handler is called from several threads
            List<String> received = Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < 50 && received.size() < 45; round++) {
                queue.poll(10, Duration.ofSeconds(1), work -> {
                    received.add(((Work.Deliver) work).deliveryId());
                    return WorkResult.DONE;
                });
            }
            assertThat(received).hasSize(45).doesNotHaveDuplicates();
            assertThat(received.stream().filter(id -> id.startsWith("same-")))
                    .containsExactly("same-1", "same-2", "same-3", "same-4", "same-5");
        } finally {
            callers.shutdownNow();
        }
    }
}
