package net.wagw.domain.contact;

import java.util.Objects;

/**
 * A customer as a bot named them (docs/contracts.md §4): by phone number, by a wa_id Meta reported, or by
 * business-scoped user id.
 *
 * @param key    where what is known of them is kept (followed to the customer's own key by the stores)
 * @param number the validated number, or null for a BSUID or a wa_id that libphonenumber does not know
 * @param id     the name the bot used: E.164 digits, a wa_id or a BSUID
 */
public record Customer(ContactKey key, PhoneNumber number, String id) {
    public Customer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    public static Customer of(PhoneNumber number) {
        return new Customer(number.contactKey(), number, number.digits());
    }

    /** Named by business-scoped user id: Meta's {@code recipient}, not {@code to}, reaches them. */
    public boolean byUserId() {
        return key.isUserId() && number == null;
    }

    /** How a sentence names them: {@code +5531988889999}, or the id. */
    public String shown() {
        return number != null ? number.e164() : id;
    }
}
