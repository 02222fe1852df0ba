package net.wagw.queue;

import java.util.Map;

/**
 * The queue every piece of waiting work goes through (docs/queue.md), and its dead-letter queue:
 * the single source for local runs, tests and (held by a test) the SAM template. FIFO, so that
 * work of one lane (a bot's customer) comes out in order, one piece at a time; a retry hides the
 * message again (its visibility), so it keeps its place at the head of its lane.
 */
public final class Queues {
    public static final String WORK = "wagw-work.fifo";
    public static final String DEAD_LETTERS = "wagw-work-dlq.fifo";
    /** How long a taken message stays hidden before another consumer may take it (six times dispatch's timeout, as Lambda asks). */
    public static final int VISIBILITY_TIMEOUT_SECONDS = 300;
    /**
     * Receives before SQS moves a message to the dead-letter queue: retries by visibility count
     * too, and a week of deliveries at a 15-minute cap is ~680 of them; SQS allows at most 1000.
     */
    public static final int MAX_RECEIVE_COUNT = 1000;
    /** Kept 14 days (SQS's longest): longer than a week of delivery retries. */
    public static final int RETENTION_SECONDS = 1_209_600;

    /** The message attribute saying when the work is due (epoch milliseconds). */
    public static final String NOT_BEFORE = "notBefore";

    private Queues() {
    }

    /** Attributes of the work queue, given the dead-letter queue's ARN. */
    public static Map<String, String> workAttributes(String deadLetterArn) {
        return Map.of("FifoQueue", "true", "VisibilityTimeout", Integer.toString(VISIBILITY_TIMEOUT_SECONDS),
                "MessageRetentionPeriod", Integer.toString(RETENTION_SECONDS),
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\""
                        + MAX_RECEIVE_COUNT + "\"}");
    }

    public static Map<String, String> deadLetterAttributes() {
        return Map.of("FifoQueue", "true", "MessageRetentionPeriod", Integer.toString(RETENTION_SECONDS));
    }
}
