package net.wagw.domain.verify;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumber;
import net.wagw.domain.contact.PhoneNumbers;

/**
 * Verification of a customer's number (docs/contracts.md §4). Meta offers no way any more to ask whether a
 * number has WhatsApp, so this validates the number, answers the identity to use for it (the
 * learned wa_id when there is one) and guards the business's number with a daily quota.
 */
public final class VerificationService {
    private final PhoneNumbers numbers;
    private final Contacts contacts;
    private final QuotaCounter counters;
    private final VerificationQuota quota;
    private final Nodes nodes;

    public VerificationService(PhoneNumbers numbers, Contacts contacts, QuotaCounter counters,
            VerificationQuota quota, Nodes nodes) {
        this.numbers = numbers;
        this.contacts = contacts;
        this.counters = counters;
        this.quota = quota;
        this.nodes = nodes;
    }

    public Account verify(Bot bot, String msisdn) {
        PhoneNumber number = numbers.parse(msisdn);
        VerificationQuota.Period period = quota.current();
        if (!counters.tryIncrement(bot.id(), period.counter(), bot.verificationQuota(), period.expiresAt())) {
            throw new Refusal(Reason.REQUEST_LIMIT_REACHED, "The daily quota of " + bot.verificationQuota()
                    + " verifications is used up; it resets at " + period.resetsAt()
                    + ". WhatsApp restricts business numbers that look up many contacts without messaging them.");
        }
        String byNumber = nodes.customer(number.digits());
        return contacts.find(bot.id(), number)
                .map(known -> new Account(nodes.customer(known.waId()), byNumber, number.e164(), "WhatsApp",
                        known.fullName()))
                .orElseGet(() -> new Account(byNumber, byNumber, number.e164(), "WhatsApp", null));
    }
}
