package net.wagw.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Sends queue messages that are handed in at the same time as one {@code SendMessageBatch}
 * (docs/queue.md, "Sending in batches"). Nothing waits to fill a batch: the first caller sends at
 * once, alone; callers that arrive while a batch is on its way wait behind it and go together in
 * the next one, which the first of them sends. So a lone enqueue costs what a {@code SendMessage}
 * did, and N enqueues at once (a webhook's items, concurrent webhooks) cost about N/10 calls.
 * Each caller returns only once SQS kept its own message, or throws for its own message.
 */
final class SendBatcher {
    /** SQS: at most 10 entries in one SendMessageBatch. */
    static final int MAX_ENTRIES = 10;
    /**
     * SQS: the entries of one batch together at most 256 KiB, the limit every SQS-compatible server
     * knows (AWS has since raised it to 1 MiB). A message bigger than that alone still goes, in a batch
     * of its own, and is refused on its own.
     */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final Function<List<SendMessageBatchRequestEntry>, SendMessageBatchResponse> send;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    /** True while a batch is on its way; then the callers arriving queue up behind it. */
    private boolean sending;

    SendBatcher(Function<List<SendMessageBatchRequestEntry>, SendMessageBatchResponse> send) {
        this.send = send;
    }

    /** Sends one message (its entry's id is replaced); returns once SQS kept it, throws if it did not. */
    void send(SendMessageBatchRequestEntry entry) {
        Pending mine = new Pending(entry);
        boolean lead;
        synchronized (this) {
            waiting.add(mine);
            lead = !sending;
            sending = true;
        }
        if (!lead) {
            // wait for the batch that carries it, or to be the one who sends the next batch
            try {
                CompletableFuture.anyOf(mine.sent, mine.lead).join();
            } catch (CompletionException notKept) {
                // told below
            }
        }
        if (!mine.sent.isDone()) {
            // the caller at the head of the waiting ones sends their batch, which holds its own entry
            sendNextBatch();
        }
        try {
            mine.sent.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** How many callers wait for the next batch (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private void sendNextBatch() {
        List<Pending> batch = new ArrayList<>();
        synchronized (this) {
            int bytes = 0;
            while (!waiting.isEmpty() && batch.size() < MAX_ENTRIES
                    && (batch.isEmpty() || bytes + waiting.peek().bytes <= MAX_BATCH_BYTES)) {
                Pending next = waiting.poll();
                bytes += next.bytes;
                batch.add(next);
            }
        }
        try {
            settle(batch);
        } finally {
            Pending nextLeader;
            synchronized (this) {
                nextLeader = waiting.peek();
                sending = nextLeader != null;
            }
            if (nextLeader != null) {
                nextLeader.lead.complete(null);
            }
        }
    }

    private void settle(List<Pending> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        Map<String, Pending> byId = new HashMap<>();
        for (Pending pending : batch) {
            String id = Integer.toString(entries.size());
            entries.add(pending.entry.toBuilder().id(id).build());
            byId.put(id, pending);
        }
        SendMessageBatchResponse response;
        try {
            response = send.apply(entries);
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.sent.completeExceptionally(e));
            throw e;
        }
        response.successful().forEach(ok -> complete(byId.remove(ok.id()), null));
        for (BatchResultErrorEntry failed : response.failed()) {
            complete(byId.remove(failed.id()), SqsException.builder()
                    .message("SQS did not keep the message: " + failed.code() + " " + failed.message())
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(failed.code())
                            .errorMessage(failed.message()).serviceName("Sqs").build())
                    .build());
        }
        // an entry SQS named neither kept nor refused was not kept, as far as wagw can tell
        byId.values().forEach(pending -> pending.sent.completeExceptionally(SqsException.builder()
                .message("SQS answered the batch without this message").build()));
    }

    private static void complete(Pending pending, RuntimeException failure) {
        if (pending == null) {
            return;
        }
        if (failure == null) {
            pending.sent.complete(null);
        } else {
            pending.sent.completeExceptionally(failure);
        }
    }

    private static final class Pending {
        final SendMessageBatchRequestEntry entry;
        final int bytes;
        final CompletableFuture<Void> sent = new CompletableFuture<>();
        /** Completed when this caller, now first in line, is to send the next batch. */
        final CompletableFuture<Void> lead = new CompletableFuture<>();

        Pending(SendMessageBatchRequestEntry entry) {
            this.entry = entry;
            int size = entry.messageBody().getBytes(StandardCharsets.UTF_8).length;
            for (var attribute : entry.messageAttributes().entrySet()) {
                size += attribute.getKey().length() + attribute.getValue().dataType().length()
                        + (attribute.getValue().stringValue() == null ? 0 : attribute.getValue().stringValue().length());
            }
            this.bytes = size;
        }
    }
}
