package net.wagw.domain.identity;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptInStore;
import net.wagw.domain.window.WindowStore;

/**
 * One customer under every id Meta gives them (docs/contracts.md §4): a wa_id (a phone number's digits), a
 * business-scoped user id (BSUID), or both. The customer's state (window, opt-in, contact) lives
 * under one key, the first one wagw knew them by; every other id is an alias record pointing at
 * it. A webhook showing a wa_id and a BSUID together pairs them; {@code user_changed_user_id} and
 * {@code user_changed_number} make the new id an alias of the old customer, so nothing is lost.
 */
public final class Identities {
    /** Aliases point at a root when written; a merge can add one hop, so a few are followed. */
    private static final int MAX_HOPS = 4;

    private final ContactStore store;
    private final CustomerStates states;
    private final PhoneNumbers numbers;
    private final WindowStore windows;
    private final OptInStore optIns;
    private final Clock clock;

    public Identities(ContactStore store, PhoneNumbers numbers, WindowStore windows, OptInStore optIns, Clock clock) {
        this(store, CustomerStates.of(store, windows, optIns), numbers, windows, optIns, clock);
    }

    /** @param states the same stores read (and an inbound message written) one item at a time */
    public Identities(ContactStore store, CustomerStates states, PhoneNumbers numbers, WindowStore windows,
            OptInStore optIns, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.states = Objects.requireNonNull(states);
        this.numbers = Objects.requireNonNull(numbers);
        this.windows = Objects.requireNonNull(windows);
        this.optIns = Objects.requireNonNull(optIns);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The key of an id as Meta sends it (wa_id digits or a BSUID); empty for an id of no known shape. */
    public Optional<ContactKey> keyOf(String id) {
        if (ContactKey.isDigits(id)) {
            return Optional.of(numbers.contactKeyOfWaId(id));
        }
        if (ContactKey.isUserId(id)) {
            return Optional.of(new ContactKey(id));
        }
        return Optional.empty();
    }

    /** The key this customer's window, opt-in and contact are kept under. */
    public ContactKey canonical(String botId, ContactKey key) {
        return resolve(botId, key).key();
    }

    /**
     * The customer's own key and everything kept under it, reading one item when the key is no
     * alias: the pairing is kept on the item a send or an inbound message reads anyway, so no
     * cache is needed and nothing is stale (docs/storage.md).
     */
    private Resolved resolve(String botId, ContactKey key) {
        ContactKey current = key;
        Optional<CustomerState> state = states.read(botId, current);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<String> next = state.flatMap(CustomerState::canonical)
                    .filter(c -> !c.equals(key.value()) && (ContactKey.isDigits(c) || ContactKey.isUserId(c)));
            if (next.isEmpty()) {
                break;
            }
            current = new ContactKey(next.get());
            state = states.read(botId, current);
        }
        return new Resolved(current, state);
    }

    private record Resolved(ContactKey key, Optional<CustomerState> state) {
        Optional<KnownContact> record() {
            return state.flatMap(CustomerState::contact);
        }
    }

    /** Everything kept of the customer this key names (contact, window, consent), under whichever key holds it. */
    public Optional<CustomerState> state(String botId, ContactKey key) {
        return resolve(botId, key).state();
    }

    /** What is known of the customer this key names, under whichever key holds it. */
    public Optional<KnownContact> find(String botId, ContactKey key) {
        return resolve(botId, key).record(); // the record the resolution read: no second read of it
    }

    /**
     * A webhook named a customer: remembers every id it showed, pairs a wa_id with a BSUID, and
     * answers the key the customer's state is under (empty when no id had a usable shape).
     */
    public Optional<ContactKey> seen(String botId, Sighting sighting) {
        Optional<ContactKey> phone = keyOf(sighting.waId()).filter(k -> !k.isUserId());
        Optional<ContactKey> user = keyOf(sighting.bsuid()).filter(ContactKey::isUserId);
        if (phone.isEmpty() && user.isEmpty()) {
            return Optional.empty();
        }
        ContactKey root;
        KnownContact known;
        if (phone.isPresent() && user.isPresent()) {
            root = pair(botId, phone.get(), user.get());
            known = store.find(botId, root).orElse(null);
        } else {
            Resolved resolved = resolve(botId, phone.orElseGet(user::get));
            root = resolved.key();
            known = resolved.record().orElse(null);
        }
        String name = sighting.profileName() != null ? sighting.profileName() : known == null ? null : known.fullName();
        store.remember(botId, root, new KnownContact(phone.isPresent() ? sighting.waId() : null, name, clock.instant(),
                user.isPresent() ? sighting.bsuid() : null, sighting.parentId(), sighting.username(), null));
        return Optional.of(root);
    }

    /**
     * A customer's message: {@link #seen} and the window moved to the message's time, in one write
     * when the sender's key holds their state (the common case); an alias or a pairing takes the
     * longer way, with the same outcome.
     *
     * @return the key the customer's state is under; empty when no id had a usable shape
     */
    public Optional<ContactKey> received(String botId, Sighting sighting, java.time.Instant at, String wamid) {
        Optional<ContactKey> phone = keyOf(sighting.waId()).filter(k -> !k.isUserId());
        Optional<ContactKey> user = keyOf(sighting.bsuid()).filter(ContactKey::isUserId);
        if (phone.isEmpty() && user.isEmpty()) {
            return Optional.empty();
        }
        if (phone.isEmpty() || user.isEmpty()) {
            ContactKey key = phone.orElseGet(user::get);
            KnownContact learned = new KnownContact(phone.isPresent() ? sighting.waId() : null, sighting.profileName(),
                    clock.instant(), user.isPresent() ? sighting.bsuid() : null, sighting.parentId(),
                    sighting.username(), null);
            if (states.messaged(botId, key, learned, at, wamid)) {
                return Optional.of(key);
            }
        }
        Optional<ContactKey> root = seen(botId, sighting);
        root.ifPresent(customer -> windows.recordInbound(botId, customer, at, wamid));
        return root;
    }

    /**
     * Meta says the customer of {@code from} is now {@code to} ({@code user_changed_number},
     * {@code user_changed_user_id}): the new id becomes an alias of the customer, whose window and
     * opt-in stay. An id of no known shape changes nothing.
     */
    public void moved(String botId, String from, String to) {
        Optional<ContactKey> old = keyOf(from);
        Optional<ContactKey> now = keyOf(to);
        if (old.isEmpty() || now.isEmpty() || old.get().equals(now.get())) {
            return;
        }
        ContactKey root = canonical(botId, old.get());
        ContactKey target = canonical(botId, now.get());
        if (!target.equals(root)) {
            merge(botId, target, root);
        }
        KnownContact known = store.find(botId, root).orElse(null);
        boolean digits = !now.get().isUserId();
        store.remember(botId, root, new KnownContact(digits ? to : null, known == null ? null : known.fullName(),
                clock.instant(), digits ? null : to, null, null, null));
    }

    /** Both ids name one customer: the newcomer becomes an alias of the one already known. */
    private ContactKey pair(String botId, ContactKey phone, ContactKey user) {
        Optional<KnownContact> byPhone = store.find(botId, phone);
        Optional<KnownContact> byUser = store.find(botId, user);
        ContactKey phoneRoot = byPhone.isPresent() ? canonical(botId, phone) : phone;
        ContactKey userRoot = byUser.isPresent() ? canonical(botId, user) : user;
        if (phoneRoot.equals(userRoot)) {
            return phoneRoot;
        }
        if (byPhone.isEmpty() && byUser.isPresent()) {
            alias(botId, phone, userRoot);
            return userRoot;
        }
        if (byPhone.isPresent() && byUser.isPresent()) {
            merge(botId, userRoot, phoneRoot);
            return phoneRoot;
        }
        // a number already known (or neither): the number stays the key, the BSUID points at it
        alias(botId, user, phoneRoot);
        return phoneRoot;
    }

    /**
     * Two records turned out to be one customer: {@code from}'s window and opt-in move into
     * {@code into} where they are newer, then {@code from} points at {@code into}.
     */
    private void merge(String botId, ContactKey from, ContactKey into) {
        windows.lastInbound(botId, from).ifPresent(at -> windows.recordInbound(botId, into, at));
        Optional<OptInChange> theirs = optIns.current(botId, from);
        Optional<OptInChange> ours = optIns.current(botId, into);
        if (theirs.isPresent() && (ours.isEmpty() || theirs.get().at().isAfter(ours.get().at()))) {
            optIns.record(botId, into, theirs.get());
        }
        alias(botId, from, into);
    }

    private void alias(String botId, ContactKey alias, ContactKey root) {
        store.remember(botId, alias, new KnownContact(null, null, clock.instant(), null, null, null, root.value()));
    }
}
