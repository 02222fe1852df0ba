package net.wagw.domain.inbound;

import java.util.List;

import net.wagw.domain.group.GroupEvent;

/**
 * Everything one webhook POST carried, in order: every entry's every change's messages, statuses
 * and group changes. {@code others} counts what wagw does not handle (kept in logs).
 */
public record WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses, List<GroupEvent> groupEvents,
        int others) {
    public WebhookBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
        groupEvents = groupEvents == null ? List.of() : List.copyOf(groupEvents);
    }

    public WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses, int others) {
        this(messages, statuses, List.of(), others);
    }
}
