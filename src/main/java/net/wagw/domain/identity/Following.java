package net.wagw.domain.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptInStore;
import net.wagw.domain.window.WindowStore;

/**
 * Stores that follow the customer (docs/contracts.md §4: "windows, opt-ins and contacts follow the
 * customer whichever id names them"): each key is first turned into the key the customer's state
 * lives under ({@link Identities#canonical}), so a window opened under a BSUID is open for the
 * customer's number, and an opt-in given by number covers their BSUID.
 */
public final class Following {
    private Following() {
    }

    public static WindowStore windows(WindowStore raw, Identities identities) {
        return new WindowStore() {
            @Override
            public Optional<Instant> lastInbound(String botId, ContactKey customer) {
                return raw.lastInbound(botId, identities.canonical(botId, customer));
            }

            @Override
            public void recordInbound(String botId, ContactKey customer, Instant at, String wamid) {
                raw.recordInbound(botId, identities.canonical(botId, customer), at, wamid);
            }

            @Override
            public Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer) {
                return raw.lastInboundMessage(botId, identities.canonical(botId, customer));
            }
        };
    }

    public static OptInStore optIns(OptInStore raw, Identities identities) {
        return new OptInStore() {
            @Override
            public Optional<OptInChange> current(String botId, ContactKey customer) {
                return raw.current(botId, identities.canonical(botId, customer));
            }

            @Override
            public void record(String botId, ContactKey customer, OptInChange change) {
                raw.record(botId, identities.canonical(botId, customer), change);
            }

            @Override
            public List<OptInChange> history(String botId, ContactKey customer) {
                return raw.history(botId, identities.canonical(botId, customer));
            }
        };
    }

    public static ContactStore contacts(ContactStore raw, Identities identities) {
        return new ContactStore() {
            @Override
            public Optional<KnownContact> find(String botId, ContactKey key) {
                return identities.find(botId, key);
            }

            @Override
            public void remember(String botId, ContactKey key, KnownContact contact) {
                raw.remember(botId, identities.canonical(botId, key), contact);
            }

            @Override
            public void rememberWaId(String botId, ContactKey key, String waId, Instant learnedAt) {
                raw.rememberWaId(botId, identities.canonical(botId, key), waId, learnedAt);
            }
        };
    }
}
