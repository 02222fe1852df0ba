package net.wagw.domain.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * A status of a bot's message for the bot (docs/contracts.md §3.4), about the bot's own envelope id.
 *
 * @param event       accepted, dispatched, received, consumed or failed
 * @param reasonCode  LIME reason code, for failed; 0 otherwise
 */
public record Notification(String messageId, String recipientNode, String event, int reasonCode, String reasonDescription,
        Map<String, String> metadata) {
    public static final String ACCEPTED = "accepted";
    public static final String FAILED = "failed";

    public Notification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(event, "event");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
