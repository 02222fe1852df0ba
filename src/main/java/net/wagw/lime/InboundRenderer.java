package net.wagw.lime;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.contact.Nodes;
import net.wagw.domain.inbound.InboundMessage;

/**
 * Turns an inbound WhatsApp message into the LIME message the bot receives (docs/contracts.md §3.5):
 * {@code {id, from, to, type, content, metadata}}, compact, nulls omitted.
 *
 * <p>Each WhatsApp type with a LIME counterpart becomes that counterpart (text, media link,
 * location, reaction, replies as {@code text/plain}); anything else, and any known type missing
 * what its counterpart needs, goes to the bot as {@code application/json} with Meta's own message
 * object, so nothing is dropped.
 */
public class InboundRenderer {
    public static final String TEXT = "text/plain";
    public static final String MEDIA_LINK = "application/vnd.lime.media-link+json";
    public static final String LOCATION = "application/vnd.lime.location+json";
    public static final String REACTION = "application/vnd.lime.reaction+json";
    public static final String JSON = "application/json";

    public static final String TIMESTAMP = "#wa.timestamp";
    public static final String CONTACT_NAME = "#wa.contact.name";
    public static final String PHONE_NUMBER_ID = "#wa.phone_number_id";
    public static final String CONTEXT_ID = "#wa.context.id";
    public static final String USER_ID = "#wa.user_id";
    public static final String GROUP = "#wa.group";
    public static final String AUTHOR = "#wa.author";
    public static final String REPLY_TITLE = "#wa.reply.title";
    public static final String REPLY_DESCRIPTION = "#wa.reply.description";
    public static final String REFERRAL_PREFIX = "#wa.referral.";
    static final String[] REFERRAL_FIELDS = { "source_url", "source_type", "source_id", "ctwa_clid" };

    /** The gateway's media route (docs/contracts.md §1, {@code GET /media/{id}}); a base URL may be put in front later. */
    public static final String MEDIA_PATH = "/media/";

    private final ObjectMapper json;
    private final Nodes nodes;

    public InboundRenderer(ObjectMapper json, Nodes nodes) {
        this.json = Objects.requireNonNull(json, "json");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    public String render(InboundMessage m, String botNode) {
        Objects.requireNonNull(m, "message");
        JsonNode raw = raw(m);
        Map<String, String> metadata = new LinkedHashMap<>();
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", m.wamid());
        String sender = sender(m);
        if (m.groupId() != null) {
            envelope.put("from", "groups@" + nodes.domain());
        } else if (sender != null) {
            envelope.put("from", sender);
        }
        if (botNode != null) {
            envelope.put("to", botNode);
        }
        content(m, raw, envelope, metadata);

        ObjectNode meta = envelope.putObject("metadata");
        meta.put(TIMESTAMP, timestamp(m, raw));
        putIfPresent(meta, CONTACT_NAME, m.profileName());
        meta.put(PHONE_NUMBER_ID, m.phoneNumberId());
        putIfPresent(meta, CONTEXT_ID, text(raw.path("context").get("id")));
        putIfPresent(meta, USER_ID, m.userId());
        if (m.groupId() != null) {
            meta.put(GROUP, m.groupId() + "@" + nodes.groupsDomain());
            putIfPresent(meta, AUTHOR, sender);
        }
        metadata.forEach((k, v) -> putIfPresent(meta, k, v));
        JsonNode referral = raw.get("referral");
        if (referral != null && referral.isObject()) {
            for (String field : REFERRAL_FIELDS) {
                putIfPresent(meta, REFERRAL_PREFIX + field, text(referral.get(field)));
            }
        }
        try {
            return json.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a LIME envelope", e);
        }
    }

    /** Sets {@code type} and {@code content}, and adds type-specific metadata. */
    private void content(InboundMessage m, JsonNode raw, ObjectNode envelope, Map<String, String> metadata) {
        switch (m.type()) {
            case "text" -> {
                String body = text(raw.path("text").get("body"));
                if (body != null) {
                    plain(envelope, body);
                    return;
                }
            }
            case "image", "video", "audio", "document", "sticker" -> {
                JsonNode media = raw.path(m.type());
                String id = text(media.get("id"));
                if (id != null) {
                    ObjectNode link = json.createObjectNode();
                    putIfPresent(link, "type", text(media.get("mime_type")));
                    link.put("uri", MEDIA_PATH + id);
                    putIfPresent(link, "text", text(media.get("caption")));
                    putIfPresent(link, "title", text(media.get("filename")));
                    envelope.put("type", MEDIA_LINK);
                    envelope.set("content", link);
                    return;
                }
            }
            case "location" -> {
                JsonNode location = raw.path("location");
                JsonNode latitude = number(location.get("latitude"));
                JsonNode longitude = number(location.get("longitude"));
                if (latitude != null && longitude != null) {
                    ObjectNode content = json.createObjectNode();
                    content.set("latitude", latitude);
                    content.set("longitude", longitude);
                    String name = text(location.get("name"));
                    putIfPresent(content, "text", name != null ? name : text(location.get("address")));
                    envelope.put("type", LOCATION);
                    envelope.set("content", content);
                    return;
                }
            }
            case "interactive" -> {
                JsonNode interactive = raw.path("interactive");
                String kind = text(interactive.get("type"));
                if ("button_reply".equals(kind) || "list_reply".equals(kind)) {
                    JsonNode reply = interactive.path(kind);
                    String id = text(reply.get("id"));
                    if (id != null) {
                        plain(envelope, id);
                        metadata.put(REPLY_TITLE, text(reply.get("title")));
                        metadata.put(REPLY_DESCRIPTION, text(reply.get("description")));
                        return;
                    }
                }
            }
            case "button" -> {
                JsonNode button = raw.path("button");
                String label = text(button.get("text"));
                String payload = text(button.get("payload"));
                if (payload != null || label != null) {
                    plain(envelope, payload != null ? payload : label);
                    metadata.put(REPLY_TITLE, label);
                    return;
                }
            }
            case "reaction" -> {
                JsonNode reaction = raw.path("reaction");
                String messageId = text(reaction.get("message_id"));
                if (messageId != null) {
                    ObjectNode content = json.createObjectNode();
                    JsonNode emoji = reaction.get("emoji");
                    // Meta sends an empty emoji (or none) when the customer takes a reaction back: passed on as is.
                    if (emoji != null && emoji.isTextual()) {
                        content.put("emoji", emoji.textValue());
                    }
                    content.putObject("inReactionTo").put("id", messageId);
                    envelope.put("type", REACTION);
                    envelope.set("content", content);
                    return;
                }
            }
            default -> {
                // no LIME counterpart: raw below
            }
        }
        envelope.put("type", JSON);
        envelope.set("content", raw);
    }

    private static void plain(ObjectNode envelope, String text) {
        envelope.put("type", TEXT);
        envelope.put("content", text);
    }

    /** The customer node of the sender: its wa_id, or its user id when Meta withholds the number. */
    private String sender(InboundMessage m) {
        if (m.from() != null) {
            return nodes.customer(m.from());
        }
        return m.userId() == null ? null : nodes.customer(m.userId());
    }

    /** Meta's timestamp exactly as sent (string or number), else the parsed one. */
    private static String timestamp(InboundMessage m, JsonNode raw) {
        String sent = text(raw.get("timestamp"));
        return sent != null ? sent : Long.toString(m.timestamp().getEpochSecond());
    }

    private JsonNode raw(InboundMessage m) {
        try {
            JsonNode raw = json.readTree(m.rawJson());
            if (raw == null || !raw.isObject()) {
                throw new IllegalArgumentException("message " + m.wamid() + ": rawJson is not a JSON object");
            }
            return raw;
        } catch (IOException e) {
            throw new IllegalArgumentException("message " + m.wamid() + ": rawJson is not JSON", e);
        }
    }

    /** A coordinate as a JSON number: numbers as sent, numeric strings parsed; anything else null. */
    private JsonNode number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node;
        }
        if (node.isTextual()) {
            try {
                return json.getNodeFactory().numberNode(Double.parseDouble(node.textValue().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A scalar as a string (integers as exact digits); missing, null, empty and containers: null. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        String s = node.asText();
        return s.isEmpty() ? null : s;
    }
}
