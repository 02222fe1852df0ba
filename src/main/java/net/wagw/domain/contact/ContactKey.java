package net.wagw.domain.contact;

import java.util.Objects;

/**
 * One customer, whichever mobile-digit form of their number names them (docs/contracts.md §4): the
 * storage key for wa_ids, opt-ins and windows, so what is learned under one form applies to the
 * other. A customer known only by a business-scoped user id (BSUID) is keyed by it; which key
 * holds a customer's state is {@link Identities}' business.
 */
public record ContactKey(String value) {
    /**
     * Meta's BSUIDs are a country code, a dot and up to 128 alphanumerics ({@code BR.1502576394655843}); a
     * parent BSUID has {@code ENT} between ({@code US.ENT.118...}). A little room is left for what Meta adds.
     */
    public static final int MAX_LENGTH = 160;

    public ContactKey {
        Objects.requireNonNull(value, "value");
        if (!isDigits(value) && !isUserId(value)) {
            throw new IllegalArgumentException("a contact key is a wa_id's digits or a business-scoped user id");
        }
    }

    /** Whether this key is a business-scoped user id rather than a number's digits. */
    public boolean isUserId() {
        return !isDigits(value);
    }

    public static boolean isDigits(String s) {
        return s != null && !s.isEmpty() && s.length() <= MAX_LENGTH && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The shape of a BSUID: letters, digits and dots, with a dot and a letter in it. */
    public static boolean isUserId(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH || s.indexOf('.') <= 0) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ascii = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            if (!ascii) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    @Override
    public String toString() {
        return value;
    }
}
