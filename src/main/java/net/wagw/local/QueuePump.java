package net.wagw.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import net.wagw.config.WagwConfig;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsWorkQueue;

/**
 * What Lambda's event source mapping does in AWS, for the local run (and the tests that play it):
 * the work queue long-polled, each batch handed to {@code dispatch} as an SQS event, what it did
 * not report failed deleted, by as many consumers at once as the mapping allows in AWS
 * ({@code wagw.local.pump-consumers}). Off unless {@code wagw.local.pump-queue} is set (docs/queue.md).
 */
@ApplicationScoped
public class QueuePump {
    private static final Logger LOG = Logger.getLogger(QueuePump.class);
    /** A batch of work that is not due yet comes back at once where visibility is 0: not a busy loop. */
    private static final long IDLE_PAUSE_MILLIS = 200;

    /**
     * A receive's long poll: short, since stopping (a dev-mode reload too) waits for the consumers,
     * and a blocked receive does not end on an interrupt; idle, 2 empty receives a second.
     */
    private static final Duration RECEIVE_WAIT = Duration.ofSeconds(1);
    private volatile boolean running;
    private ExecutorService consumers;

    /** What dispatch did with a batch: the ids of the messages it reported failed (kept on the queue). */
    @FunctionalInterface
    interface Dispatch {
        List<String> failed(List<SqsWorkQueue.Received> batch);
    }

    void start(@Observes StartupEvent startup, WagwConfig config, SqsWorkQueue queue, ScheduledFunctions scheduled,
            ObjectMapper json) {
        if (!config.local().pumpQueue()) {
            return;
        }
        start(queue, config.local().pumpConsumers(), batch -> scheduled.dispatch(sqsEvent(json, batch))
                .batchItemFailures().stream().map(ScheduledFunctions.ItemFailure::itemIdentifier).toList());
    }

    /**
     * {@code count} consumers, each receiving and dispatching on its own thread, as the event source
     * mapping runs up to its maximum concurrency of dispatch functions at once. FIFO hands a message
     * group to one consumer at a time, so a lane's order holds across them (docs/queue.md).
     */
    synchronized void start(SqsWorkQueue queue, int count, Dispatch dispatch) {
        running = true;
        AtomicInteger numbers = new AtomicInteger();
        consumers = Executors.newFixedThreadPool(Math.max(1, count), runnable -> {
            Thread consumer = new Thread(runnable, "work-queue-pump-" + numbers.incrementAndGet());
            consumer.setDaemon(true);
            return consumer;
        });
        for (int i = 0; i < Math.max(1, count); i++) {
            consumers.execute(() -> consume(queue, dispatch));
        }
    }

    private void consume(SqsWorkQueue queue, Dispatch dispatch) {
        while (running) {
            try {
                List<SqsWorkQueue.Received> batch = queue.receive(10, RECEIVE_WAIT);
                if (batch.isEmpty() || !running) {
                    // received while stopping: left unhandled, it comes back once its visibility ends
                    continue;
                }
                List<String> failed = dispatch.failed(batch);
                queue.delete(batch, failed);
                if (failed.size() == batch.size()) {
                    sleep(IDLE_PAUSE_MILLIS);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "polling the work queue failed; trying again");
                    sleep(1000);
                }
            }
        }
    }

    /** Lambda's SQS event, as the event source mapping builds it, for the parts dispatch reads. */
    public static JsonNode sqsEvent(ObjectMapper json, List<SqsWorkQueue.Received> batch) {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (SqsWorkQueue.Received message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            record.put("eventSource", "aws:sqs");
            record.putObject("attributes").put("MessageGroupId", message.group());
            record.putObject("messageAttributes").putObject(Queues.NOT_BEFORE).put("dataType", "Number")
                    .put("stringValue", Long.toString(message.notBefore()));
        }
        return event;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    synchronized void stop() {
        running = false;
        if (consumers != null) {
            consumers.shutdownNow();
            try {
                // a consumer in a long poll (1 s) or a dispatch ends before the beans it uses close
                if (!consumers.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("the work queue pump did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
