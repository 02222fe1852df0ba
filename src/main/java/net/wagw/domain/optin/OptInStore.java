package net.wagw.domain.optin;

import java.util.List;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;

/** Port: each bot's customers' consent, the current state and every change before it. */
public interface OptInStore {
    Optional<OptInChange> current(String botId, ContactKey customer);

    /** Makes this change the current state and appends it to the history. */
    void record(String botId, ContactKey customer, OptInChange change);

    /**
     * As {@link #record} when this key holds the customer's own state, in the same writes; false
     * when it may be an alias of another key, and then nothing was made current. The default
     * always answers false: the caller resolves the key and records there.
     */
    default boolean recordIfOwnKey(String botId, ContactKey customer, OptInChange change) {
        return false;
    }

    /** Every change, oldest first. */
    List<OptInChange> history(String botId, ContactKey customer);
}
