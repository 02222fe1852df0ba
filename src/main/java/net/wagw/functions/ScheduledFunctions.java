package net.wagw.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.send.TemplateSync;
import net.wagw.queue.Queues;
import net.wagw.queue.SqsWorkQueue;

/**
 * {@code dispatch} (docs/queue.md): Lambda's SQS event source mapping hands it batches of the work
 * queue and it answers which messages to leave there (partial batch failures); on its backstop
 * schedule it takes what waits on the queue itself, which when idle is one empty receive and no
 * database read. {@code sweep}, on its own schedule, syncs template catalogs.
 */
public class ScheduledFunctions {
    private static final Logger LOG = Logger.getLogger(ScheduledFunctions.class);
    /** The backstop stops taking new batches after this long, well inside the function's timeout. */
    static final Duration BACKSTOP_BUDGET = Duration.ofSeconds(30);

    @Inject
    BotDirectory bots;
    @Inject
    TemplateSync templates;
    @Inject
    SqsWorkQueue queue;
    @Inject
    WorkRouter work;

    /** What one round did. */
    @RegisterForReflection
    public record Report(int messages, int deliveries, int templates, int failures) {
    }

    /**
     * Lambda's answer to an SQS batch ({@code ReportBatchItemFailures}): the ids to leave on the
     * queue; the counts are set only for a scheduled round (Lambda reads only the list).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DispatchReport(List<ItemFailure> batchItemFailures, Integer handled, Integer deferred,
            Integer failures) {
    }

    @RegisterForReflection
    public record ItemFailure(String itemIdentifier) {
    }

    @Funq("dispatch")
    public DispatchReport dispatch(JsonNode event) {
        if (event != null && event.has("Records")) {
            List<SqsWorkQueue.Received> batch = new ArrayList<>();
            for (JsonNode record : event.path("Records")) {
                batch.add(new SqsWorkQueue.Received(record.path("messageId").asText(),
                        record.path("receiptHandle").asText(), record.path("body").asText(),
                        record.path("attributes").path("MessageGroupId").asText(null),
                        record.path("messageAttributes").path(Queues.NOT_BEFORE).path("stringValue").asLong(0)));
            }
            SqsWorkQueue.Outcome outcome = queue.process(batch, work);
            return new DispatchReport(outcome.failed().stream().map(ItemFailure::new).toList(), null, null, null);
        }
        return backstop();
    }

    /** Takes what waits on the queue, batch after batch, until it is empty or the budget is spent. */
    DispatchReport backstop() {
        long deadline = System.nanoTime() + BACKSTOP_BUDGET.toNanos();
        int handled = 0;
        int deferred = 0;
        int failures = 0;
        while (System.nanoTime() < deadline) {
            SqsWorkQueue.Outcome outcome = queue.poll(10, Duration.ZERO, work);
            handled += outcome.handled();
            deferred += outcome.deferred();
            failures += outcome.errors();
            if (outcome.handled() == 0) {
                break; // empty, or nothing due
            }
        }
        return new DispatchReport(List.of(), handled, deferred, failures);
    }

    @Funq("sweep")
    public Report sweep(JsonNode scheduledEvent) {
        int synced = 0;
        int failures = 0;
        for (Bot bot : bots.enabled()) {
            if (bot.wabaId() == null) {
                continue;
            }
            try {
                synced += templates.sync(bot).size();
            } catch (RuntimeException e) {
                failures++;
                LOG.errorf(e, "template sync failed for bot %s", bot.id());
            }
        }
        return new Report(0, 0, synced, failures);
    }
}
