package net.wagw.domain.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change of a webhook field other than messages and groups (docs/contracts.md §7): template
 * lifecycle, account and user events, coexistence echoes, calls, and any field wagw does not
 * know. Every one is kept and told to its bot; {@code facts} are what wagw acts on.
 *
 * @param wabaId        the business account ({@code entry[].id})
 * @param phoneNumberId {@code value.metadata.phone_number_id}, null for account-wide fields
 * @param field         Meta's field name
 * @param id            stable id of this event (Meta's own when it has one, else a digest of the raw JSON)
 * @param timestamp     Meta's time of the event, else null
 * @param facts         the parts told to the bot as read: template name, language, event, customer, call event...
 * @param effect        what the event changes in wagw, decided at the parser
 * @param rawJson       the element as Meta sent it
 */
public record FieldEvent(String wabaId, String phoneNumberId, String field, String id, Instant timestamp,
        Map<String, String> facts, FieldEffect effect, String rawJson) {
    public FieldEvent {
        Objects.requireNonNull(field, "field");
        effect = effect == null ? FieldEffect.NONE : effect;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rawJson, "rawJson");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public String fact(String name) {
        return facts.get(name);
    }
}
