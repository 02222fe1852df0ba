package net.wagw.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * not report failed deleted. Off unless {@code wagw.local.pump-queue} is set (docs/queue.md).
 */
@ApplicationScoped
public class QueuePump {
    private static final Logger LOG = Logger.getLogger(QueuePump.class);
    /** A batch of work that is not due yet comes back at once where visibility is 0: not a busy loop. */
    private static final long IDLE_PAUSE_MILLIS = 200;

    private volatile boolean running;
    private ExecutorService thread;

    void start(@Observes StartupEvent startup, WagwConfig config, SqsWorkQueue queue, ScheduledFunctions scheduled,
            ObjectMapper json) {
        if (!config.local().pumpQueue()) {
            return;
        }
        running = true;
        thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread pump = new Thread(runnable, "work-queue-pump");
            pump.setDaemon(true);
            return pump;
        });
        thread.execute(() -> poll(queue, scheduled, json));
    }

    private void poll(SqsWorkQueue queue, ScheduledFunctions scheduled, ObjectMapper json) {
        while (running) {
            try {
                List<SqsWorkQueue.Received> batch = queue.receive(10, Duration.ofSeconds(5));
                if (batch.isEmpty()) {
                    continue;
                }
                ScheduledFunctions.DispatchReport report = scheduled.dispatch(sqsEvent(json, batch));
                List<String> failed = report.batchItemFailures().stream()
                        .map(ScheduledFunctions.ItemFailure::itemIdentifier).toList();
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
        running = false;
        if (thread != null) {
            thread.shutdownNow();
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
