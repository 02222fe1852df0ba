package net.wagw.domain.inbound;

import java.util.List;

/**
 * Everything one webhook POST carried, in order: every entry's every change's messages and
 * statuses. {@code others} counts changes of fields wagw does not handle yet (kept in logs).
 */
public record WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses, int others) {
    public WebhookBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }
}
