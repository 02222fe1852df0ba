package net.wagw.domain.send;

import java.util.Optional;

/** Port: outbound messages, by bot and envelope id. */
public interface MessageStore {
    /** Stores a new message unless its id is taken; false (and nothing changed) if it is. */
    boolean create(OutboundMessage message);

    Optional<OutboundMessage> find(String botId, String id);

    /**
     * Stores {@code updated} if the stored version is still {@code updated.version() - 1}; false
     * (nothing changed) when someone else changed it first.
     */
    boolean replace(OutboundMessage updated);

    /**
     * As {@link #replace} for a message Meta took ({@code sent} carries its wamid), and the
     * message tracked for its statuses and the replies to it in the same write (docs/storage.md).
     */
    Recorded recordSent(OutboundMessage sent, SentMessage sentAs);

    /**
     * What {@link #recordSent} did.
     *
     * @param written false when someone else changed the message first (nothing written)
     * @param early   the furthest status of this wamid kept before the write, to apply now
     */
    record Recorded(boolean written, Optional<StatusUpdate> early) {
    }
}
