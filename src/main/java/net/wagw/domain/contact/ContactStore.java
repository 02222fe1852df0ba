package net.wagw.domain.contact;

import java.util.Optional;

/** Port: what each bot has learned about its customers, keyed by {@link ContactKey}. */
public interface ContactStore {
    Optional<KnownContact> find(String botId, ContactKey key);

    /** Records what is known; a later learning wins, and what it leaves null stays as it was. */
    void remember(String botId, ContactKey key, KnownContact contact);

    /** Records the wa_id of a customer, keeping any profile name already known, in one write. */
    void rememberWaId(String botId, ContactKey key, String waId, java.time.Instant learnedAt);

    /**
     * As {@link #rememberWaId} when this key holds the customer's own state, in the same write;
     * false when it may be an alias of another key, and then nothing changed. The default always
     * answers false: the caller resolves the key and writes there.
     */
    default boolean rememberWaIdIfOwnKey(String botId, ContactKey key, String waId, java.time.Instant learnedAt) {
        return false;
    }
}
