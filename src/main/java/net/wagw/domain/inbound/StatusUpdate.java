package net.wagw.domain.inbound;

import java.time.Instant;
import java.util.Objects;

/**
 * A status of a message the business sent (docs/contracts.md §3.4): Meta's {@code statuses[]} entry.
 *
 * @param status        sent, delivered, read, played or failed
 * @param recipientId   the customer's wa_id (or the group id for group messages)
 * @param participantId for group messages: the participant this status is about, else null
 * @param errorCode     for failed: Meta's error code, else 0
 * @param errorText     for failed: Meta's title and details, else null
 */
public record StatusUpdate(String phoneNumberId, String wamid, String status, Instant timestamp, String recipientId,
        String participantId, int errorCode, String errorText) {
    public StatusUpdate {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
