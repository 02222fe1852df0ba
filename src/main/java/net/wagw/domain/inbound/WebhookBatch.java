package net.wagw.domain.inbound;

import java.util.List;

import net.wagw.domain.group.GroupEvent;
import net.wagw.domain.send.StatusUpdate;

/**
 * Everything one webhook POST carried, in order: every entry's every change's messages, statuses
 * and group changes, the customers it showed ({@code seen}), identity changes, and the changes of
 * every other field ({@code fieldEvents}). {@code others} counts what wagw could not read at all
 * (kept in logs).
 */
public record WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses, List<GroupEvent> groupEvents,
        int others, List<CustomerSeen> seen, List<IdentityChange> identityChanges, List<FieldEvent> fieldEvents) {
    public WebhookBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
        groupEvents = groupEvents == null ? List.of() : List.copyOf(groupEvents);
        seen = seen == null ? List.of() : List.copyOf(seen);
        identityChanges = identityChanges == null ? List.of() : List.copyOf(identityChanges);
        fieldEvents = fieldEvents == null ? List.of() : List.copyOf(fieldEvents);
    }

    public WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses, List<GroupEvent> groupEvents,
            int others) {
        this(messages, statuses, groupEvents, others, List.of(), List.of(), List.of());
    }

    public WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses, int others) {
        this(messages, statuses, List.of(), others);
    }
}
