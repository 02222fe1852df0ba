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
}
