package net.wagw.domain.inbound;

import java.util.Locale;
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
 * it) after its effects, which are safe to repeat:
 * <ul>
 * <li>template status, quality, components and category updates change the synced catalog at once
 * (a PAUSED, DISABLED or REJECTED template is refused before Meta);</li>
 * <li>{@code user_preferences} with a marketing stop revokes marketing consent, with history;</li>
 * <li>{@code calls}: a call the customer made opens the 24-hour window as a message does;</li>
 * <li>{@code smb_message_echoes} (coexistence) open no window: the business wrote, not the customer;</li>
 * <li>account events and any field wagw does not know are only kept and told.</li>
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
        switch (event.field()) {
            case "message_template_status_update", "message_template_quality_update",
                    "message_template_components_update", "template_category_update" -> template(bot, event);
            case "user_preferences" -> preference(bot, event);
            case "calls" -> call(bot, event);
            default -> {
            }
        }
        // an event about a customer (a call, an echo) queues behind that customer's messages
        String customer = event.fact("customer") != null ? event.fact("customer") : event.fact("customer.bsuid");
        return outbox.enqueue(bot, "event:" + event.id(), Delivery.Target.MESSAGES, body,
                customer != null ? customer : "event:" + event.id());
    }

    private void template(Bot bot, FieldEvent event) {
        String name = event.fact("template.name");
        if (name == null) {
            return;
        }
        String status = "message_template_status_update".equals(event.field()) ? status(event.fact("template.event"))
                : null;
        catalog.update(bot.id(), name, event.fact("template.language"), status,
                upper(event.fact("template.category")));
    }

    /**
     * Meta's template events: REINSTATED is approved again; FLAGGED warns (still sendable until
     * Meta pauses it), so it leaves the status alone.
     */
    private static String status(String event) {
        String upper = upper(event);
        if (upper == null || "FLAGGED".equals(upper)) {
            return null;
        }
        return "REINSTATED".equals(upper) ? "APPROVED" : upper;
    }

    private void preference(Bot bot, FieldEvent event) {
        String category = lower(event.fact("preference.category"));
        if (category == null || !category.contains("marketing") || !"stop".equals(lower(event.fact("preference.value")))) {
            return;
        }
        customer(bot, event).ifPresent(key -> optIns.revokeMarketing(bot.id(), key,
                "The customer stopped marketing messages in WhatsApp (user_preferences)."));
    }

    private void call(Bot bot, FieldEvent event) {
        String direction = upper(event.fact("call.direction"));
        boolean byCustomer = direction == null || direction.startsWith("USER");
        if (byCustomer && event.timestamp() != null) {
            customer(bot, event).ifPresent(key -> windows.recordInbound(bot.id(), key, event.timestamp()));
        }
    }

    private Optional<ContactKey> customer(Bot bot, FieldEvent event) {
        return identities.seen(bot.id(), new Sighting(event.fact("customer"), event.fact("customer.bsuid"), null, null,
                null));
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
