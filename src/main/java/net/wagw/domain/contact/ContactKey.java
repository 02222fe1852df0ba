package net.wagw.domain.contact;

import java.util.Objects;

/**
 * One customer, whichever mobile-digit form of their number names them (docs/contracts.md §4): the
 * storage key for wa_ids, opt-ins and windows, so what is learned under one form applies to the
 * other.
 */
public record ContactKey(String value) {
    public ContactKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a contact key is digits only");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
