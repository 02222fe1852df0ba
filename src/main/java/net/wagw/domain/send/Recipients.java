package net.wagw.domain.send;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;

/** Reads a message's {@code to}: a customer node, or a group node on the groups domain. */
public final class Recipients {
    private final Customers customers;
    private final Nodes nodes;

    public Recipients(Customers customers, Nodes nodes) {
        this.customers = customers;
        this.nodes = nodes;
    }

    public Recipient parse(String to) {
        if (to == null || to.isBlank()) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The message has no 'to': name the customer as "
                    + "5531988889999@" + nodes.domain() + ".");
        }
        int at = to.indexOf('@');
        if (at > 0 && to.substring(at + 1).split("/", 2)[0].equalsIgnoreCase(nodes.groupsDomain())) {
            return new Recipient.Group(to, to.substring(0, at));
        }
        if (at <= 0) {
            throw new Refusal(Reason.INVALID_IDENTITY, "'" + to + "' is not a node: send to a customer as "
                    + "5531988889999@" + nodes.domain() + " or to a group as {id}@" + nodes.groupsDomain() + ".");
        }
        return new Recipient.Person(to, customers.identify(to));
    }
}
