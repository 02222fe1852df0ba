package net.wagw.domain.contact;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/**
 * Reads how a bot names a customer: an E.164 number ({@code +5531988889999}) or a customer node
 * ({@code 5531988889999@wa.gw.msging.net}, any instance after '/' ignored), by number or wa_id.
 */
public final class Customers {
    private final PhoneNumbers numbers;
    private final Nodes nodes;

    public Customers(PhoneNumbers numbers, Nodes nodes) {
        this.numbers = numbers;
        this.nodes = nodes;
    }

    /**
     * Like {@link #parse}, and also a customer named by a BSUID node ({@code BR.1502576394655843@domain},
     * docs/contracts.md §4) or by a wa_id node whose digits libphonenumber does not know: Meta is trusted to
     * name real accounts, so such a wa_id is the caller's to check against what Meta reported.
     */
    public Customer identify(String reference) {
        int at = reference == null ? -1 : reference.indexOf('@');
        if (at > 0 && !reference.startsWith("+")) {
            String name = reference.substring(0, at);
            String domain = reference.substring(at + 1).split("/", 2)[0];
            if (domain.equalsIgnoreCase(nodes.domain())) {
                if (ContactKey.isUserId(name)) {
                    return new Customer(new ContactKey(name), null, name);
                }
                if (ContactKey.isDigits(name)) {
                    try {
                        return Customer.of(numbers.parse("+" + name));
                    } catch (Refusal notANumber) {
                        return new Customer(numbers.contactKeyOfWaId(name), null, name);
                    }
                }
            }
        }
        return Customer.of(parse(reference));
    }

    public PhoneNumber parse(String reference) {
        if (reference == null || reference.isEmpty()) {
            throw new Refusal(Reason.INVALID_IDENTITY,
                    "No customer was named: give +E.164 (e.g. +5531988889999) or an identity such as 5531988889999@"
                            + nodes.domain() + ".");
        }
        if (reference.startsWith("+")) {
            return numbers.parse(reference);
        }
        int at = reference.indexOf('@');
        if (at <= 0) {
            throw new Refusal(Reason.INVALID_IDENTITY, "'" + reference + "' names no customer: give +E.164 (e.g. "
                    + "+5531988889999) or an identity such as 5531988889999@" + nodes.domain() + ".");
        }
        String name = reference.substring(0, at);
        String domain = reference.substring(at + 1).split("/", 2)[0];
        if (!domain.equalsIgnoreCase(nodes.domain())) {
            throw new Refusal(Reason.INVALID_IDENTITY,
                    "'" + reference + "' is not a WhatsApp customer of this gateway: its domain is not " + nodes.domain() + ".");
        }
        if (!name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Reason.INVALID_IDENTITY,
                    "'" + reference + "' is not a customer identity: the part before '@' must be the number's digits.");
        }
        return numbers.parse("+" + name);
    }
}
