package net.wagw.domain.optin;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.PhoneNumber;

/**
 * Customers' consent to receive templates (docs/contracts.md §5). WhatsApp requires businesses to have a
 * customer's opt-in before messaging them outside a conversation they started
 * (developers.facebook.com/docs/whatsapp/overview/getting-opt-in). Consent applies to every
 * mobile-digit form of the number and its wa_id, since it is kept by {@link ContactKey}.
 */
public final class OptIns {
    /** Meta's template categories. */
    public enum Category {
        MARKETING, UTILITY, AUTHENTICATION
    }

    private final OptInStore store;
    private final Clock clock;

    public OptIns(OptInStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public OptInChange consent(String botId, PhoneNumber customer, String source, String text, List<String> categories) {
        return consent(botId, customer.contactKey(), source, text, categories);
    }

    public OptInChange consent(String botId, ContactKey customer, String source, String text, List<String> categories) {
        if (source == null || source.isBlank()) {
            throw new Refusal(Reason.INVALID_ARGUMENT,
                    "An opt-in needs its source: where the customer gave consent (e.g. \"website-form\").");
        }
        OptInChange change = new OptInChange(true, categories(categories), source, text, botId, clock.instant());
        store.record(botId, customer, change);
        return change;
    }

    public OptInChange revoke(String botId, ContactKey customer, String source, String text, String by) {
        OptInChange change = new OptInChange(false, Set.of(), source, text, by, clock.instant());
        store.record(botId, customer, change);
        return change;
    }

    /**
     * Meta error 131050: the customer stopped marketing messages from this business. Consent for
     * the other categories stays.
     */
    public void revokeMarketing(String botId, ContactKey customer, String detail) {
        Optional<OptInChange> current = store.current(botId, customer);
        if (current.isEmpty() || !current.get().active()) {
            return;
        }
        Set<String> remaining = new LinkedHashSet<>(current.get().categories().isEmpty()
                ? EnumSet.allOf(Category.class).stream().map(Enum::name).toList()
                : current.get().categories());
        remaining.remove(Category.MARKETING.name());
        boolean active = !remaining.isEmpty();
        store.record(botId, customer, new OptInChange(active, active ? remaining : Set.of(), "meta", detail, "wagw",
                clock.instant()));
    }

    public Optional<OptInChange> current(String botId, ContactKey customer) {
        return store.current(botId, customer);
    }

    public List<OptInChange> history(String botId, ContactKey customer) {
        return store.history(botId, customer);
    }

    private static Set<String> categories(List<String> given) {
        if (given == null) {
            return Set.of();
        }
        Set<String> valid = EnumSet.allOf(Category.class).stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> categories = new LinkedHashSet<>();
        for (String category : given) {
            String upper = category == null ? "" : category.trim().toUpperCase(Locale.ROOT);
            if (!valid.contains(upper)) {
                throw new Refusal(Reason.INVALID_ARGUMENT, "'" + category + "' is not a template category; use "
                        + "MARKETING, UTILITY or AUTHENTICATION.");
            }
            categories.add(upper);
        }
        return categories;
    }
}
