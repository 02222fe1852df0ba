package net.wagw.whatsapp;

import static net.wagw.json.JsonScalars.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import net.wagw.domain.identity.Sighting;
import net.wagw.domain.inbound.CustomerSeen;
import net.wagw.domain.inbound.FieldEffect;
import net.wagw.domain.inbound.FieldEvent;
import net.wagw.domain.inbound.IdentityChange;

/**
 * The parts of Meta's webhooks beyond messages, statuses and groups (docs/contracts.md §4, §7): who the
 * customers are ({@code contacts[]}, statuses' recipient ids), identity changes in system
 * messages, and the changes of every other field, each read into a {@link FieldEvent}. Nothing
 * here refuses a payload: what cannot be read is kept raw.
 */
final class WebhookFields {
    /** Fields whose value holds an array of separate events, each its own {@link FieldEvent}. */
    private static final Map<String, String> ARRAYS = Map.of("user_preferences", "user_preferences",
            "smb_message_echoes", "message_echoes", "calls", "calls");
    static final Set<String> TEMPLATE_FIELDS = Set.of("message_template_status_update",
            "message_template_quality_update", "message_template_components_update", "template_category_update");

    private WebhookFields() {
    }

    /** A status to a customer that names both the wa_id and the BSUID pairs them. */
    static void statusRecipient(String phoneNumberId, JsonNode status, List<CustomerSeen> out) {
        String waId = text(status.get("recipient_id"));
        String userId = text(status.get("recipient_user_id"));
        boolean group = "group".equals(text(status.get("recipient_type"))) || status.hasNonNull("group_id");
        if (phoneNumberId != null && !group && waId != null && userId != null) {
            out.add(new CustomerSeen(phoneNumberId, new Sighting(waId, userId,
                    text(status.get("recipient_parent_user_id")), null, null)));
        }
    }

    /**
     * A system message's identity change: {@code user_changed_number} (old wa_id in {@code from}, the new in
     * {@code system.new_wa_id} or {@code system.wa_id}) or {@code user_changed_user_id} (old BSUID in
     * {@code from_user_id}, the new in {@code system.user_id} or {@code system.new_user_id}); else null.
     */
    static IdentityChange identityChange(String phoneNumberId, JsonNode message) {
        JsonNode system = message.get("system");
        if (phoneNumberId == null || system == null || !system.isObject()) {
            return null;
        }
        String kind = text(system.get("type"));
        if ("user_changed_number".equals(kind) || "customer_changed_number".equals(kind)) {
            String to = first(system, "new_wa_id", "wa_id");
            String from = text(message.get("from"));
            return from == null || to == null ? null : new IdentityChange(phoneNumberId, "user_changed_number", from, to);
        }
        if ("user_changed_user_id".equals(kind)) {
            String to = first(system, "user_id", "new_user_id");
            String from = text(message.get("from_user_id"));
            if (from == null) {
                from = first(system, "previous_user_id", "old_user_id");
            }
            if (from == null) {
                from = text(message.get("from"));
            }
            return from == null || to == null ? null : new IdentityChange(phoneNumberId, kind, from, to);
        }
        return null;
    }

    /**
     * A change of any field but messages and groups: one event per element where the value is a list.
     *
     * @param entryTime the entry's {@code time}: an event with no id of its own is told apart by it from
     *        an identical later one (a template paused again), while Meta's retry of the same delivery
     *        carries the same time (docs/contracts.md §7)
     */
    static void fieldEvents(String wabaId, String field, JsonNode value, String entryTime,
            java.util.function.Function<JsonNode, String> raw, List<FieldEvent> out) {
        String phoneNumberId = value == null ? null : text(value.path("metadata").get("phone_number_id"));
        String list = ARRAYS.get(field);
        JsonNode elements = list == null || value == null ? null : value.get(list);
        if (elements != null && elements.isArray() && elements.size() > 0) {
            Map<String, JsonNode> contacts = new LinkedHashMap<>();
            JsonNode given = value.get("contacts");
            if (given != null && given.isArray()) {
                for (JsonNode c : given) {
                    String waId = text(c.get("wa_id"));
                    if (waId != null) {
                        contacts.put(waId, c);
                    }
                }
            }
            for (JsonNode element : elements) {
                String json = raw.apply(element);
                Map<String, String> facts = facts(field, element);
                JsonNode contact = contacts.get(facts.get("customer"));
                if (contact != null && facts.get("customer.bsuid") == null) {
                    putIfPresent(facts, "customer.bsuid", text(contact.get("user_id")));
                }
                out.add(new FieldEvent(wabaId, phoneNumberId, field, id(field, element, json, entryTime),
                        WebhookParser.epochSeconds(element.get("timestamp")), facts, effect(field, facts, entryTime), json));
            }
            return;
        }
        String json = value == null ? "null" : raw.apply(value);
        Map<String, String> facts = value == null || !value.isObject() ? new LinkedHashMap<>() : facts(field, value);
        out.add(new FieldEvent(wabaId, phoneNumberId, field, id(field, value, json, entryTime),
                value == null ? null : WebhookParser.epochSeconds(value.get("timestamp")), facts, effect(field, facts, entryTime), json));
    }

    /** Meta's words turned into what the event changes in wagw (docs/contracts.md §7). */
    private static FieldEffect effect(String field, Map<String, String> facts, String entryTime) {
        if (TEMPLATE_FIELDS.contains(field)) {
            String name = facts.get("template.name");
            return name == null ? FieldEffect.NONE : new FieldEffect.TemplateChanged(name, facts.get("template.language"),
                    "message_template_status_update".equals(field) ? templateStatus(facts.get("template.event")) : null,
                    upper(facts.get("template.category")),
                    entryTime == null ? null : WebhookParser.epochSeconds(TextNode.valueOf(entryTime)));
        }
        return switch (field) {
            case "user_preferences" -> {
                String category = lower(facts.get("preference.category"));
                yield category != null && category.contains("marketing") && "stop".equals(lower(facts.get("preference.value")))
                        ? new FieldEffect.MarketingStopped() : FieldEffect.NONE;
            }
            case "calls" -> {
                // a call event without a direction is the customer's: Meta names the business's as BUSINESS_INITIATED
                String direction = upper(facts.get("call.direction"));
                yield direction == null || direction.startsWith("USER") ? new FieldEffect.CustomerCalled() : FieldEffect.NONE;
            }
            case "smb_message_echoes" -> new FieldEffect.BusinessEchoed();
            default -> FieldEffect.NONE;
        };
    }

    /**
     * A template event word as the catalog's status: REINSTATED is approved again; FLAGGED warns (still
     * sendable until Meta pauses it), so it leaves the status alone.
     */
    private static String templateStatus(String event) {
        String upper = upper(event);
        if (upper == null || "FLAGGED".equals(upper)) {
            return null;
        }
        return "REINSTATED".equals(upper) ? "APPROVED" : upper;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> facts(String field, JsonNode v) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (TEMPLATE_FIELDS.contains(field)) {
            putIfPresent(facts, "template.id", text(v.get("message_template_id")));
            putIfPresent(facts, "template.name", text(v.get("message_template_name")));
            putIfPresent(facts, "template.language", text(v.get("message_template_language")));
            putIfPresent(facts, "template.event", text(v.get("event")));
            putIfPresent(facts, "template.reason", text(v.get("reason")));
            putIfPresent(facts, "template.category", first(v, "new_category", "correct_category"));
            putIfPresent(facts, "template.previousCategory", text(v.get("previous_category")));
            putIfPresent(facts, "template.quality", text(v.get("new_quality_score")));
        }
        switch (field) {
            case "user_preferences" -> {
                putIfPresent(facts, "customer", text(v.get("wa_id")));
                putIfPresent(facts, "customer.bsuid", text(v.get("user_id")));
                putIfPresent(facts, "preference.category", text(v.get("category")));
                putIfPresent(facts, "preference.value", text(v.get("value")));
                putIfPresent(facts, "preference.detail", text(v.get("detail")));
            }
            case "smb_message_echoes" -> {
                putIfPresent(facts, "customer", text(v.get("to")));
                putIfPresent(facts, "customer.bsuid", text(v.get("to_user_id")));
                putIfPresent(facts, "echo.type", text(v.get("type")));
                putIfPresent(facts, "echo.text", text(v.path("text").get("body")));
            }
            case "calls" -> {
                putIfPresent(facts, "call.id", text(v.get("id")));
                putIfPresent(facts, "call.event", text(v.get("event")));
                putIfPresent(facts, "call.status", text(v.get("status")));
                putIfPresent(facts, "call.direction", text(v.get("direction")));
                String direction = text(v.get("direction"));
                boolean business = direction != null && direction.toUpperCase(Locale.ROOT).startsWith("BUSINESS");
                putIfPresent(facts, "customer", text(v.get(business ? "to" : "from")));
                putIfPresent(facts, "customer.bsuid", text(v.get(business ? "to_user_id" : "from_user_id")));
            }
            case "account_update", "phone_number_quality_update", "business_capability_update" -> {
                putIfPresent(facts, "account.event", text(v.get("event")));
                putIfPresent(facts, "account.limit", text(v.get("current_limit")));
            }
            default -> {
            }
        }
        return facts;
    }

    private static String id(String field, JsonNode element, String json, String entryTime) {
        String own = element == null ? null : text(element.get("id"));
        if (own != null && own.length() <= 200) {
            return field + ":" + own + (element.hasNonNull("event") ? ":" + text(element.get("event")) : "");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((entryTime == null ? json : entryTime + "\n" + json)
                    .getBytes(StandardCharsets.UTF_8));
            return field + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    private static String first(JsonNode node, String a, String b) {
        String s = text(node.get(a));
        return s != null ? s : text(node.get(b));
    }

    private static void putIfPresent(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
