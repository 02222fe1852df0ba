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
 * customer's number, and an opt-in given by number covers their BSUID. A read is one item when the
 * key is the customer's own: the state is kept on the item that says whether the key is an alias.
 */
public final class Following {
    private Following() {
    }

    public static WindowStore windows(WindowStore raw, Identities identities) {
        return new WindowStore() {
            @Override
            public Optional<Instant> lastInbound(String botId, ContactKey customer) {
                return identities.state(botId, customer).flatMap(CustomerState::lastInboundAt);
            }

            @Override
            public void recordInbound(String botId, ContactKey customer, Instant at, String wamid) {
                raw.recordInbound(botId, identities.canonical(botId, customer), at, wamid);
            }

            @Override
            public Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer) {
                return identities.state(botId, customer).flatMap(CustomerState::lastInbound);
            }
        };
    }

    public static OptInStore optIns(OptInStore raw, Identities identities) {
        return new OptInStore() {
            @Override
            public Optional<OptInChange> current(String botId, ContactKey customer) {
                return identities.state(botId, customer).flatMap(CustomerState::optIn);
            }

            @Override
            public void record(String botId, ContactKey customer, OptInChange change) {
                // the key is the customer's own in the common case: no read to find out first
                if (!raw.recordIfOwnKey(botId, customer, change)) {
                    raw.record(botId, identities.canonical(botId, customer), change);
                }
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
                // the key is the customer's own in the common case: no read to find out first
                if (!raw.rememberWaIdIfOwnKey(botId, key, waId, learnedAt)) {
                    raw.rememberWaId(botId, identities.canonical(botId, key), waId, learnedAt);
                }
            }
        };
    }
}
