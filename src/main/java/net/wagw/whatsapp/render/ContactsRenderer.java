package net.wagw.whatsapp.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.ContactCard;

/** A contact card as Meta's {@code contacts} message (one contact). */
final class ContactsRenderer {
    void render(ContactCard card, ObjectNode payload) {
        payload.put("type", "contacts");
        ObjectNode contact = payload.putArray("contacts").addObject();
        ObjectNode name = contact.putObject("name");
        name.put("formatted_name", card.name());
        // Meta wants one name part beside the formatted name
        int space = card.name().indexOf(' ');
        name.put("first_name", space < 0 ? card.name() : card.name().substring(0, space));
        if (space > 0) {
            name.put("last_name", card.name().substring(space + 1).strip());
        }
        if (!card.phones().isEmpty()) {
            ArrayNode phones = contact.putArray("phones");
            card.phones().forEach(phone -> {
                ObjectNode entry = phones.addObject();
                entry.put("phone", phone.number());
                if (phone.waId() != null) {
                    entry.put("wa_id", phone.waId());
                }
            });
        }
        if (!card.emails().isEmpty()) {
            ArrayNode emails = contact.putArray("emails");
            card.emails().forEach(email -> emails.addObject().put("email", email));
        }
        if (!card.urls().isEmpty()) {
            ArrayNode urls = contact.putArray("urls");
            card.urls().forEach(url -> urls.addObject().put("url", url));
        }
        if (card.organization() != null) {
            contact.putObject("org").put("company", card.organization());
        }
        if (card.address() != null) {
            contact.putArray("addresses").addObject().put("street", card.address());
        }
    }
}
