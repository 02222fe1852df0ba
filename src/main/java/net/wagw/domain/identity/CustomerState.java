package net.wagw.domain.identity;

import java.time.Instant;
import java.util.Optional;

import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.window.WindowStore;

/**
 * All wagw keeps of a customer under one key, read at once: what was learned of them, their
 * customer-service window and their current consent. A send's checks
 * (docs/contracts.md §3.3) need all of it, so it is one item in storage and one read.
 */
public record CustomerState(Optional<KnownContact> contact, Optional<WindowStore.LastInbound> lastInbound,
        Optional<OptInChange> optIn) {

    /** When this key is an alias: the key the customer's state lives under. */
    public Optional<String> canonical() {
        return contact.map(KnownContact::canonical);
    }

    public Optional<Instant> lastInboundAt() {
        return lastInbound.map(WindowStore.LastInbound::at);
    }
}
