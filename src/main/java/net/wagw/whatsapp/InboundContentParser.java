package net.wagw.whatsapp;

import static net.wagw.json.JsonScalars.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.Bounds;
import net.wagw.domain.content.ContactCard;
import net.wagw.domain.content.InboundContent;
import net.wagw.domain.content.Location;
import net.wagw.domain.content.Reaction;
import net.wagw.domain.inbound.Received;

/**
 * Reads the content of one message object of Meta's webhook (docs/contracts.md §3.5) into the
 * content model. What has no counterpart, or lacks what its counterpart needs, is
 * {@link InboundContent.Other}: the bot gets Meta's raw object, so nothing is dropped.
 */
final class InboundContentParser {
    /** Click-to-WhatsApp ad fields passed on in metadata. */
    static final List<String> REFERRAL_FIELDS = List.of("source_url", "source_type", "source_id", "ctwa_clid");
    /** A product inquiry's product (Cloud API webhook reference, "Text Message with Context"). */
    static final List<String> PRODUCT_FIELDS = List.of("catalog_id", "product_retailer_id");

    private final ObjectMapper json;

    InboundContentParser(ObjectMapper json) {
        this.json = json;
    }

    Received parse(String type, JsonNode message) {
        JsonNode context = message.path("context");
        String contextId = metaId(context.get("id"));
        // a question about a catalog product carries the product's context, not a quoted message
        boolean quotes = contextId != null && !context.has("referred_product");
        return new Received(content(type, message), contextId, quotes, flag(context.get("forwarded")),
                flag(context.get("frequently_forwarded")), fields(message.get("referral"), REFERRAL_FIELDS),
                fields(context.get("referred_product"), PRODUCT_FIELDS), text(message.get("timestamp")));
    }

    /** Those of {@code names} that {@code object} has as text, in that order. */
    private static Map<String, String> fields(JsonNode object, List<String> names) {
        Map<String, String> found = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            for (String name : names) {
                String value = text(object.get(name));
                if (value != null) {
                    found.put(name, value);
                }
            }
        }
        return found;
    }

    private InboundContent content(String type, JsonNode message) {
        InboundContent content = switch (type) {
            case "text" -> {
                JsonNode body = message.path("text").path("body");
                yield body.isValueNode() && !body.isNull() && !body.asText().isEmpty()
                        ? new InboundContent.Plain(body.asText()) : null;
            }
            case "image", "video", "audio", "document", "sticker" -> media(type, message.path(type));
            case "location" -> location(message.path("location"));
            case "interactive" -> interactive(message.path("interactive"));
            case "button" -> {
                JsonNode button = message.path("button");
                String label = text(button.get("text"));
                String payload = text(button.get("payload"));
                yield payload == null && label == null ? null
                        : new InboundContent.Choice(InboundContent.Choice.Kind.TEMPLATE_BUTTON,
                                payload != null ? payload : label, label, null);
            }
            case "reaction" -> {
                JsonNode reaction = message.path("reaction");
                String messageId = metaId(reaction.get("message_id"));
                JsonNode emoji = reaction.get("emoji");
                // Meta sends an empty emoji (or none) when the customer takes a reaction back
                yield messageId == null ? null
                        : new Reaction(messageId, emoji != null && emoji.isTextual() ? emoji.textValue() : "");
            }
            case "contacts" -> contacts(message.path("contacts"));
            default -> null;
        };
        return content == null ? new InboundContent.Other() : content;
    }

    /**
     * A Meta id (a wamid, a media id) as text, or null when it is longer than any Meta gives: it would name
     * nothing, and DynamoDB refuses it as a key, which would lose the whole message (docs/contracts.md §7).
     * The message goes on without it: a reply as a plain message, a file or reaction as an unknown message.
     */
    private static String metaId(JsonNode node) {
        String id = text(node);
        return Bounds.fits(id, Bounds.META_ID) ? id : null;
    }

    private static InboundContent media(String kind, JsonNode media) {
        String id = metaId(media.get("id"));
        return id == null ? null : new InboundContent.MediaFile(kind, id, text(media.get("mime_type")),
                text(media.get("caption")), text(media.get("filename")));
    }

    private static InboundContent location(JsonNode location) {
        BigDecimal latitude = number(location.get("latitude"));
        BigDecimal longitude = number(location.get("longitude"));
        if (latitude == null || longitude == null) {
            return null;
        }
        return new Location(latitude, longitude, text(location.get("name")), text(location.get("address")),
                text(location.get("url")));
    }

    private InboundContent interactive(JsonNode interactive) {
        String kind = text(interactive.get("type"));
        if ("button_reply".equals(kind) || "list_reply".equals(kind)) {
            JsonNode reply = interactive.path(kind);
            String id = text(reply.get("id"));
            return id == null ? null : new InboundContent.Choice("button_reply".equals(kind)
                    ? InboundContent.Choice.Kind.BUTTON : InboundContent.Choice.Kind.LIST, id, text(reply.get("title")),
                    text(reply.get("description")));
        }
        if ("nfm_reply".equals(kind)) {
            JsonNode reply = interactive.path("nfm_reply");
            String response = text(reply.get("response_json"));
            if (response == null) {
                return null;
            }
            try {
                JsonNode parsed = json.readTree(response);
                return parsed != null && parsed.isObject() ? new InboundContent.FlowAnswer(text(reply.get("name")),
                        text(reply.get("body")), json.writeValueAsString(parsed)) : null;
            } catch (IOException e) {
                return null; // not JSON after all: the raw object tells the bot what came
            }
        }
        return null;
    }

    private static InboundContent contacts(JsonNode contacts) {
        if (!contacts.isArray() || contacts.isEmpty()) {
            return null;
        }
        List<ContactCard> cards = new ArrayList<>();
        for (JsonNode contact : contacts) {
            JsonNode name = contact.path("name");
            String formatted = text(name.get("formatted_name"));
            if (formatted == null) {
                formatted = String.join(" ", java.util.stream.Stream.of(text(name.get("first_name")),
                        text(name.get("last_name"))).filter(s -> s != null).toList());
            }
            List<ContactCard.Phone> phones = new ArrayList<>();
            for (JsonNode phone : contact.path("phones")) {
                String number = text(phone.get("phone"));
                if (number != null) {
                    phones.add(new ContactCard.Phone(number, text(phone.get("wa_id"))));
                }
            }
            List<String> emails = new ArrayList<>();
            contact.path("emails").forEach(email -> addIfPresent(emails, text(email.get("email"))));
            List<String> urls = new ArrayList<>();
            contact.path("urls").forEach(url -> addIfPresent(urls, text(url.get("url"))));
            JsonNode address = contact.path("addresses").path(0);
            String street = address.isObject() ? String.join(", ", java.util.stream.Stream.of("street", "city",
                    "state", "zip", "country").map(f -> text(address.get(f))).filter(s -> s != null).toList()) : "";
            cards.add(new ContactCard(formatted, phones, emails, urls, text(contact.path("org").get("company")),
                    street.isEmpty() ? null : street));
        }
        return new InboundContent.Contacts(cards);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    private static boolean flag(JsonNode node) {
        return node != null && (node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(text(node)));
    }

    /** A coordinate: numbers as sent, numeric strings parsed; anything else null. */
    private static BigDecimal number(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            if (node.isNumber() && Double.isFinite(node.doubleValue())) {
                return node.decimalValue();
            }
            return node.isTextual() ? new BigDecimal(node.textValue().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
