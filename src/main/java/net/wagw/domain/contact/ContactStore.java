package net.wagw.domain.contact;

import java.util.Optional;

/** Port: what each bot has learned about its customers, keyed by {@link ContactKey}. */
public interface ContactStore {
    Optional<KnownContact> find(String botId, ContactKey key);

    /** Records or replaces what is known; a later learning wins. */
    void remember(String botId, ContactKey key, KnownContact contact);

    /** Records the wa_id of a customer, keeping any profile name already known, in one write. */
    void rememberWaId(String botId, ContactKey key, String waId, java.time.Instant learnedAt);
}
