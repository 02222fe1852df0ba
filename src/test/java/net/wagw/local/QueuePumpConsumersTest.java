package net.wagw.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import net.wagw.domain.work.Work;
import net.wagw.queue.SqsClients;
import net.wagw.queue.SqsWorkQueue;
import net.wagw.testing.WorkQueueServer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * docs/queue.md, "Where it runs": the local pump consumes the work queue with as many dispatches at
 * once as the event source mapping allows in AWS, against a real ElasticMQ.
 */
class QueuePumpConsumersTest {
    @RegisterExtension
    static final WorkQueueServer QUEUE = new WorkQueueServer();

    @Test
    void twoConsumersDispatchTwoBatchesAtOnceAndEachMessageOnce() throws Exception {
        QueuePump pump = new QueuePump();
        try (SqsClient sqs = SqsClients.build(QUEUE.connection())) {
            try {
                consumeWithTwo(pump, new SqsWorkQueue(sqs, QUEUE.connection(), Clock.systemUTC()));
            } finally {
                pump.stop(); // before the client closes under its long polls
            }
        }
    }

    @Test
    void stoppingWaitsForADispatchUnderWaySoItEndsBeforeTheBeansItUsesClose() throws Exception {
        QueuePump pump = new QueuePump();
        try (SqsClient sqs = SqsClients.build(QUEUE.connection())) {
            SqsWorkQueue queue = new SqsWorkQueue(sqs, QUEUE.connection(), Clock.systemUTC());
            queue.enqueue(new Work.Deliver("bot", "stopping"), "bot/stopping", Duration.ZERO);
            CountDownLatch started = new CountDownLatch(1);
            AtomicInteger finished = new AtomicInteger();
            pump.start(queue, 2, batch -> {
                started.countDown();
                long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // a dispatch deaf to interrupts, as one in an HTTP call is
                }
                finished.incrementAndGet();
                return List.of();
            });
            try {
                assertThat(started.await(30, TimeUnit.SECONDS)).as("the message reached dispatch").isTrue();
            } finally {
                pump.stop();
            }
            assertThat(finished).as("the dispatch under way when stop was called").hasValue(1);
        }
    }

    private static void consumeWithTwo(QueuePump pump, SqsWorkQueue queue) throws InterruptedException {
        // more lanes than one batch holds, so that a second consumer finds work while the first is busy
        for (int i = 0; i < 15; i++) {
            queue.enqueue(new Work.Deliver("bot", "customer-" + i), "bot/customer-" + i, Duration.ZERO);
        }
        CountDownLatch bothInDispatch = new CountDownLatch(2);
        AtomicInteger inDispatch = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> dispatched = ConcurrentHashMap.newKeySet();
        AtomicInteger handedOut = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(15);
        pump.start(queue, 2, batch -> {
            mostAtOnce.accumulateAndGet(inDispatch.incrementAndGet(), Math::max);
            bothInDispatch.countDown();
            await(bothInDispatch); // the first waits here (10 s at most) for a second beside it
            inDispatch.decrementAndGet();
            for (SqsWorkQueue.Received message : batch) {
                handedOut.incrementAndGet();
                if (dispatched.add(message.messageId())) {
                    all.countDown();
                }
            }
            return List.of();
        });

        assertThat(all.await(30, TimeUnit.SECONDS)).as("all 15 dispatched, got %s", dispatched.size()).isTrue();
        Thread.sleep(500); // a message handed out twice would show now
        assertThat(handedOut).hasValue(15);
        assertThat(mostAtOnce).as("batches in dispatch at once").hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
