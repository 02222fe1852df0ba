package net.wagw.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkHandler;
import net.wagw.domain.work.WorkQueue;
import net.wagw.domain.work.WorkResult;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@link WorkQueue} on an SQS FIFO queue (docs/queue.md). A lane is a message group; when work
 * is due travels as a message attribute, so a delay longer than SQS's visibility limit, or one
 * given while the queue's clock and wagw's differ, is still honoured: work that comes up early
 * is hidden again until it is due. One try = one {@link WorkHandler} call; a retry hides the
 * same message again, so it keeps its place at the head of its lane. Work queued at the same
 * time goes in one SendMessageBatch ({@link SendBatcher}).
 */
public final class SqsWorkQueue implements WorkQueue {
    private static final Logger LOG = Logger.getLogger(SqsWorkQueue.class);
    /** SQS: a message group id is at most 128 characters. */
    private static final int MAX_GROUP_ID = 128;
    /** How long work whose try failed inside wagw (storage down, say) waits before it comes up again. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final QueueConnection connection;
    private final Clock clock;
    private volatile String url;
    private final SendBatcher sends;
    /** Runs a batch's lanes side by side: at most 10 (SQS hands out at most 10 messages at once). */
    private final ExecutorService laneRunner;

    public SqsWorkQueue(SqsClient sqs, QueueConnection connection, Clock clock) {
        this.sqs = sqs;
        this.connection = connection;
        this.clock = clock;
        this.url = connection.url().orElse(null);
        this.sends = new SendBatcher(entries -> sqs.sendMessageBatch(r -> r.queueUrl(url()).entries(entries)));
        this.laneRunner = Executors.newFixedThreadPool(10, runnable -> {
            Thread thread = new Thread(runnable, "work-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One message taken from the queue, as SQS or Lambda's SQS event hands it over. */
    public record Received(String messageId, String receiptHandle, String body, String group, long notBefore) {
    }

    /** What one batch came to; {@code failed} are the message ids to leave on the queue. */
    public record Outcome(List<String> done, List<String> failed, int handled, int deferred, int errors) {
    }

    @Override
    public void enqueue(Work work, Duration delay) {
        enqueue(work, key(work), delay);
    }

    @Override
    public void enqueue(Work work, String lane, Duration delay) {
        long notBefore = clock.millis() + Math.max(0, delay.toMillis());
        sends.send(SendMessageBatchRequestEntry.builder().messageBody(encode(work)).messageGroupId(groupId(lane))
                // every enqueue is a new message: a duplicate try does nothing (the handlers check the record)
                .messageDeduplicationId(UUID.randomUUID().toString())
                .messageAttributes(Map.of(Queues.NOT_BEFORE, MessageAttributeValue.builder().dataType("Number")
                        .stringValue(Long.toString(notBefore)).build()))
                .build());
    }

    /**
     * Tries the messages of a batch: each lane's in order, the lanes side by side (a slow bot answering
     * one customer does not hold up another's delivery in the same batch). Within a lane, the first that
     * is not done stops the lane for this batch: the rest are left for later, unhandled, behind it.
     */
    public Outcome process(List<Received> batch, WorkHandler handler) {
        Map<String, List<Received>> lanes = new LinkedHashMap<>();
        for (Received message : batch) {
            // a message without a group (a standard queue) is a lane of its own
            lanes.computeIfAbsent(message.group() != null ? message.group() : "\0" + message.messageId(),
                    k -> new ArrayList<>()).add(message);
        }
        if (lanes.size() == 1) {
            return processLane(batch, handler);
        }
        // the invocation's log context (its Lambda request id) goes with each lane's log lines
        Map<String, Object> logContext = MDC.getMap();
        List<Future<Outcome>> running = new ArrayList<>();
        for (List<Received> lane : lanes.values()) {
            running.add(laneRunner.submit(() -> {
                logContext.forEach(MDC::put);
                try {
                    return processLane(lane, handler);
                } finally {
                    MDC.clear();
                }
            }));
        }
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int handled = 0;
        int deferred = 0;
        int errors = 0;
        for (Future<Outcome> lane : running) {
            Outcome outcome;
            try {
                outcome = lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while trying a batch of work", e);
            } catch (ExecutionException e) {
                // processLane catches what a handler throws; this is wagw's own fault, and the queue brings it all back
                throw new IllegalStateException("a lane of the batch could not be tried", e.getCause());
            }
            done.addAll(outcome.done());
            failed.addAll(outcome.failed());
            handled += outcome.handled();
            deferred += outcome.deferred();
            errors += outcome.errors();
        }
        return new Outcome(done, failed, handled, deferred, errors);
    }

    /** One lane's messages, in order; the first not done leaves the rest behind it. */
    private Outcome processLane(List<Received> lane, WorkHandler handler) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<String> stopped = new HashSet<>();
        int handled = 0;
        int deferred = 0;
        int errors = 0;
        for (Received message : lane) {
            if (message.group() != null && stopped.contains(message.group())) {
                failed.add(message.messageId());
                hide(message, Duration.ZERO); // still behind the head of its lane
                continue;
            }
            Duration hideFor;
            long early = message.notBefore() - clock.millis();
            if (early > 0) {
                hideFor = Duration.ofMillis(early);
                deferred++;
            } else {
                Optional<Work> work = decode(message.body());
                if (work.isEmpty()) {
                    LOG.errorf("unreadable work %s dropped: %s", message.messageId(), message.body());
                    done.add(message.messageId());
                    continue;
                }
                try {
                    WorkResult result = handler.handle(work.get());
                    if (result instanceof WorkResult.Done) {
                        handled++;
                        done.add(message.messageId());
                        continue;
                    }
                    WorkResult.Later later = (WorkResult.Later) result;
                    hideFor = later.after();
                    if (later.tried()) {
                        handled++;
                    } else {
                        deferred++;
                    }
                } catch (RuntimeException e) {
                    // one message's trouble never skips another's; the queue brings this one back
                    errors++;
                    LOG.warnf(e, "work %s failed; it is tried again in %s", work.get(), AFTER_FAILURE);
                    hideFor = AFTER_FAILURE;
                }
            }
            failed.add(message.messageId());
            if (message.group() != null) {
                stopped.add(message.group());
            }
            hide(message, hideFor);
        }
        return new Outcome(done, failed, handled, deferred, errors);
    }

    /**
     * Takes up to {@code max} messages and tries them, deleting what is done (as Lambda's event
     * source mapping does for a function): the local run's poller and the schedule's backstop.
     */
    public Outcome poll(int max, Duration wait, WorkHandler handler) {
        List<Received> batch = receive(max, wait);
        if (batch.isEmpty()) {
            return new Outcome(List.of(), List.of(), 0, 0, 0);
        }
        Outcome outcome = process(batch, handler);
        delete(batch, outcome.failed());
        return outcome;
    }

    /** Takes up to {@code max} (at most 10) messages, waiting up to {@code wait} (at most 20 s) for one. */
    public List<Received> receive(int max, Duration wait) {
        return sqs.receiveMessage(r -> r.queueUrl(url()).maxNumberOfMessages(Math.max(1, Math.min(max, 10)))
                .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)
                .messageAttributeNames(Queues.NOT_BEFORE)).messages().stream().map(SqsWorkQueue::received).toList();
    }

    /** Deletes the messages of a batch except {@code failed}, as Lambda does after a partial batch failure. */
    public void delete(List<Received> batch, List<String> failed) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Received message : batch) {
            if (!failed.contains(message.messageId())) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(entries.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!entries.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(url()).entries(entries));
        }
    }

    /** Messages waiting (visible or hidden) on the work queue: for benchmarks and the local stats. */
    public long depth() {
        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url())
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings();
        return Long.parseLong(attributes.getOrDefault("ApproximateNumberOfMessages", "0"))
                + Long.parseLong(attributes.getOrDefault("ApproximateNumberOfMessagesNotVisible", "0"));
    }

    private void hide(Received message, Duration hideFor) {
        long seconds = Math.min(connection.maxVisibilitySeconds(), (hideFor.toMillis() + 999) / 1000);
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(url()).receiptHandle(message.receiptHandle())
                    .visibilityTimeout((int) seconds));
        } catch (RuntimeException e) {
            // it comes back after the queue's visibility timeout instead; early work is hidden again then
            LOG.warnf("could not hide work %s for %d s: %s", message.messageId(), seconds, e.getMessage());
        }
    }

    private static Received received(Message message) {
        MessageAttributeValue notBefore = message.messageAttributes().get(Queues.NOT_BEFORE);
        return new Received(message.messageId(), message.receiptHandle(), message.body(),
                message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                notBefore == null ? 0 : Long.parseLong(notBefore.stringValue()));
    }

    private String url() {
        String known = url;
        if (known == null) {
            known = sqs.getQueueUrl(r -> r.queueName(connection.name())).queueUrl();
            url = known;
        }
        return known;
    }

    /**
     * {@code send|bot|envelope id}, or {@code notify|bot|delivery id|queued at|body} for a carried
     * notification: the ids are the bot's and Meta's, so the separator is escaped.
     */
    static String encode(Work work) {
        if (work instanceof Work.Deliver deliver && deliver.notification() != null) {
            return "notify|" + escape(work.botId()) + "|" + escape(deliver.deliveryId()) + "|"
                    + deliver.since().toEpochMilli() + "|" + escape(deliver.notification());
        }
        String kind = work instanceof Work.Send ? "send" : work instanceof Work.Deliver ? "deliver" : "copy-media";
        return kind + "|" + escape(work.botId()) + "|" + escape(key(work));
    }

    static Optional<Work> decode(String body) {
        String[] parts = body == null ? new String[0] : body.split("\\|", -1);
        if (parts.length == 5 && parts[0].equals("notify")) {
            try {
                return Optional.of(new Work.Deliver(unescape(parts[1]), unescape(parts[2]), unescape(parts[4]),
                        java.time.Instant.ofEpochMilli(Long.parseLong(parts[3]))));
            } catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        }
        if (parts.length != 3) {
            return Optional.empty();
        }
        String bot = unescape(parts[1]);
        String id = unescape(parts[2]);
        return switch (parts[0]) {
            case "send" -> Optional.of(new Work.Send(bot, id));
            case "deliver" -> Optional.of(new Work.Deliver(bot, id));
            case "copy-media" -> Optional.of(new Work.CopyMedia(bot, id));
            default -> Optional.empty();
        };
    }

    private static String key(Work work) {
        if (work instanceof Work.Send send) {
            return send.envelopeId();
        }
        if (work instanceof Work.Deliver deliver) {
            return deliver.deliveryId();
        }
        return ((Work.CopyMedia) work).mediaId();
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String value) {
        return value.replace("%7C", "|").replace("%25", "%");
    }

    /** SQS takes 1-128 characters of ASCII letters, digits and punctuation; anything else is hashed. */
    static String groupId(String lane) {
        if (lane.length() <= MAX_GROUP_ID && lane.chars().allMatch(c -> c > 32 && c < 127)) {
            return lane;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(lane.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
