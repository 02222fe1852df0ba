package net.wagw.domain.contact;

import java.time.Clock;
import java.util.Optional;

/**
 * The customers a bot knows. Sending (a send response's {@code contacts[].wa_id}) and inbound
 * messages (the sender's wa_id and profile name) teach it; verification reads it.
 */
public final class Contacts {
    private final ContactStore store;
    private final PhoneNumbers numbers;
    private final Clock clock;

    public Contacts(ContactStore store, PhoneNumbers numbers, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.clock = clock;
    }

    public Optional<KnownContact> find(String botId, PhoneNumber number) {
        return store.find(botId, number.contactKey());
    }

    public Optional<KnownContact> find(String botId, ContactKey key) {
        return store.find(botId, key);
    }

    public void learnWaId(String botId, PhoneNumber number, String waId) {
        learnWaId(botId, number.contactKey(), waId);
    }

    /** Meta told us the wa_id of a customer the bot sent to. */
    public void learnWaId(String botId, ContactKey key, String waId) {
        store.rememberWaId(botId, key, waId, clock.instant());
    }

    /** A customer wrote to the bot: their wa_id names them, with their profile name if sent. */
    public void learnFromInbound(String botId, String waId, String profileName) {
        ContactKey key = numbers.contactKeyOfWaId(waId);
        String name = profileName != null ? profileName
                : store.find(botId, key).map(KnownContact::fullName).orElse(null);
        store.remember(botId, key, new KnownContact(waId, name, clock.instant()));
    }
}
