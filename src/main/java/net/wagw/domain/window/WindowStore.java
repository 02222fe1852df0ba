package net.wagw.domain.window;

import java.time.Instant;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;

/** Port: when each customer last wrote to each bot. */
public interface WindowStore {
    Optional<Instant> lastInbound(String botId, ContactKey customer);

    /**
     * Records a customer message of the given time. Never moves backwards: a message delivered
     * late (out of order) leaves a later time in place.
     */
    default void recordInbound(String botId, ContactKey customer, Instant at) {
        recordInbound(botId, customer, at, null);
    }

    /** As {@link #recordInbound(String, ContactKey, Instant)}, keeping the message's wamid with its time. */
    void recordInbound(String botId, ContactKey customer, Instant at, String wamid);

    /** The customer's latest message: when, and its wamid (for a typing indicator on it). */
    Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer);

    /** @param wamid null when it was not recorded */
    record LastInbound(Instant at, String wamid) {
    }
}
