package net.wagw.domain.content;

import java.util.List;
import java.util.Objects;

/**
 * {@code application/vnd.lime.contact+json}: a person's card.
 *
 * @param phones each with the customer's WhatsApp id when known (inbound)
 */
public record ContactCard(String name, List<Phone> phones, List<String> emails, List<String> urls, String organization,
        String address) implements Content {
    public ContactCard {
        Objects.requireNonNull(name, "name");
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        urls = List.copyOf(urls);
    }

    /** @param waId may be null */
    public record Phone(String number, String waId) {
        public Phone {
            Objects.requireNonNull(number, "number");
        }
    }
}
