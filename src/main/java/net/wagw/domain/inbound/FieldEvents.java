package net.wagw.domain.inbound;

import java.util.Optional;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.identity.Identities;
import net.wagw.domain.identity.Sighting;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.window.WindowStore;

/**
 * The webhook fields beyond messages and groups (docs/contracts.md §7). Each event is stored once
 * for its bot (the delivery is the record: kept, visible in dead letters if the bot never takes
 * it) after its {@link FieldEffect}, which is safe to repeat:
 * <ul>
 * <li>a template's new status or category changes the synced catalog at once (a PAUSED, DISABLED
 * or REJECTED template is refused before Meta);</li>
 * <li>a marketing stop in the customer's WhatsApp settings revokes marketing consent, with history;</li>
 * <li>a call the customer made opens the 24-hour window as a message does;</li>
 * <li>an echo of what the business wrote (coexistence), account events and any field wagw does
 * not know are only kept and told.</li>
 * </ul>
 */
public final class FieldEvents {
    private final Identities identities;
    private final WindowStore windows;
    private final OptIns optIns;
    private final TemplateCatalog catalog;
    private final Outbox outbox;

    public FieldEvents(Identities identities, WindowStore windows, OptIns optIns, TemplateCatalog catalog,
            Outbox outbox) {
        this.identities = identities;
        this.windows = windows;
        this.optIns = optIns;
        this.catalog = catalog;
        this.outbox = outbox;
    }

    /**
     * @param body the LIME envelope the bot is to receive
     * @return the stored delivery to try, or empty when this event was received before
     */
    public Optional<Delivery> handle(Bot bot, FieldEvent event, String body) {
        FieldEffect effect = event.effect();
        if (effect instanceof FieldEffect.TemplateChanged template) {
            catalog.update(bot.id(), template.name(), template.language(), template.status(), template.category(),
                    template.at());
        } else if (effect instanceof FieldEffect.MarketingStopped) {
            customer(bot, event).ifPresent(key -> optIns.revokeMarketing(bot.id(), key,
                    "The customer stopped marketing messages in WhatsApp (user_preferences)."));
        } else if (effect instanceof FieldEffect.CustomerCalled && event.timestamp() != null) {
            customer(bot, event).ifPresent(key -> windows.recordInbound(bot.id(), key, event.timestamp()));
        }
        return outbox.enqueue(bot, "event:" + event.id(), Delivery.Target.MESSAGES, body, lane(event));
    }

    /** An event about a customer (a call, an echo) queues behind that customer's messages; any other, alone. */
    static String lane(FieldEvent event) {
        String customer = event.fact("customer") != null ? event.fact("customer") : event.fact("customer.bsuid");
        return customer != null ? customer : "event:" + event.id();
    }

    private Optional<ContactKey> customer(Bot bot, FieldEvent event) {
        return identities.seen(bot.id(), new Sighting(event.fact("customer"), event.fact("customer.bsuid"), null, null,
                null));
    }
}
