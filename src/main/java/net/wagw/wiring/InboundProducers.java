package net.wagw.wiring;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.inbound.InboundService;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.delivery.BotNotifier;
import net.wagw.domain.send.StatusStore;
import net.wagw.domain.window.WindowStore;

/** What Meta's webhooks change: contacts, windows, opt-ins, statuses, and what the bot is told. */
@ApplicationScoped
public class InboundProducers {

    @Produces
    @Singleton
    InboundService inboundService(Contacts contacts, PhoneNumbers numbers, WindowStore windows, OptIns optIns,
            Outbox outbox, StatusStore statuses, BotNotifier notifier, Nodes nodes, Clock clock) {
        return new InboundService(contacts, numbers, windows, optIns, outbox, statuses, notifier, nodes, clock);
    }
}
