package net.wagw.domain.identity;

import java.time.Instant;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.optin.OptInStore;
import net.wagw.domain.window.WindowStore;

/**
 * Port: a customer's contact, window and consent under one key, read and (for an inbound message)
 * written at once. Keyed as given: {@link Identities} follows aliases.
 */
public interface CustomerStates {
    /** Everything kept under this key; empty when nothing is. */
    Optional<CustomerState> read(String botId, ContactKey key);

    /**
     * The customer wrote: what the message taught of them ({@code learned}; its nulls keep what is
     * stored) and their window moved forward to {@code at} (never backwards), in one write.
     *
     * @return false, and nothing written, when this key is an alias of another customer key
     */
    boolean messaged(String botId, ContactKey key, KnownContact learned, Instant at, String wamid);

    /** The same over three separate stores (the in-memory ports of the domain tests). */
    static CustomerStates of(ContactStore contacts, WindowStore windows, OptInStore optIns) {
        return new CustomerStates() {
            @Override
            public Optional<CustomerState> read(String botId, ContactKey key) {
                Optional<KnownContact> contact = contacts.find(botId, key);
                CustomerState state = new CustomerState(contact, windows.lastInboundMessage(botId, key),
                        optIns.current(botId, key));
                return contact.isEmpty() && state.lastInbound().isEmpty()
                        && state.optIn().isEmpty() ? Optional.empty() : Optional.of(state);
            }

            @Override
            public boolean messaged(String botId, ContactKey key, KnownContact learned, Instant at, String wamid) {
                if (contacts.find(botId, key).map(KnownContact::canonical).isPresent()) {
                    return false;
                }
                contacts.remember(botId, key, learned);
                windows.recordInbound(botId, key, at, wamid);
                return true;
            }
        };
    }
}
