package net.wagw.domain.delivery;

import java.util.Map;
import java.util.Objects;

/**
 * A status of a bot's message for the bot (docs/contracts.md §3.4), about the bot's own envelope id.
 *
 * @param event       accepted, dispatched, received, consumed or failed
 * @param reasonCode  LIME reason code, for failed; 0 otherwise
 */
public record Notification(String messageId, String recipientNode, Event event, int reasonCode, String reasonDescription,
        Map<String, String> metadata) {
    /** What the bot is told about its message (docs/contracts.md §3.4); the LIME words are the LIME adapter's. */
    public enum Event {
        ACCEPTED,
        DISPATCHED,
        RECEIVED,
        CONSUMED,
        FAILED
    }

    public Notification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(event, "event");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
