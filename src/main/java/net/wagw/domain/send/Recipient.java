package net.wagw.domain.send;

import net.wagw.domain.contact.Customer;

/** Whom a message goes to: a customer, or a WhatsApp group (docs/contracts.md §3.1). */
public sealed interface Recipient {
    /** The node as the bot named it. */
    String node();

    record Person(String node, Customer customer) implements Recipient {
    }

    record Group(String node, String groupId) implements Recipient {
    }
}
