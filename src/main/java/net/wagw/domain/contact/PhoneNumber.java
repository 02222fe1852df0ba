package net.wagw.domain.contact;

import java.util.Objects;
import java.util.Optional;

/**
 * A customer's phone number in E.164, kept as its digits (country code first, no '+').
 * Built only by {@link PhoneNumbers}, which validates it.
 *
 * @param digits       the E.164 digits as the caller gave them
 * @param countryCode  the ITU country calling code, e.g. 55
 * @param national     the national significant number, e.g. 31988889999
 */
public record PhoneNumber(String digits, int countryCode, String national) {
    public PhoneNumber {
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(national, "national");
        if (!digits.equals(countryCode + national)) {
            throw new IllegalArgumentException("digits must be the country code followed by the national number");
        }
    }

    /** The number as E.164 text, e.g. {@code +5531988889999}. */
    public String e164() {
        return "+" + digits;
    }

    /** The key under which every mobile-digit form of this number is one customer. */
    public ContactKey contactKey() {
        return MobileVariants.contactKey(this);
    }

    /** The number's other mobile-digit form (BR 9th digit, MX 1, AR 9), where it has one. */
    public Optional<PhoneNumber> otherMobileForm() {
        return MobileVariants.otherForm(this);
    }
}
