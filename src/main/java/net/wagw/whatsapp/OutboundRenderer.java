package net.wagw.whatsapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.send.MessageKind;
import net.wagw.domain.send.RenderedMessage;
import net.wagw.domain.send.TemplateUse;

/**
 * Turns a LIME message (envelope {@code type}, {@code content}, {@code metadata}) into the
 * type-specific part of a Cloud API send body (docs/contracts.md §3.3). The sender adds
 * {@code messaging_product}, {@code recipient_type} and {@code to}.
 *
 * <p>Whatever Meta is known to refuse (too many options, too long titles, ...) is refused here,
 * before anything is sent, with a sentence a person understands.
 */
public class OutboundRenderer {
    public static final String TEXT = "text/plain";
    public static final String MEDIA_LINK = "application/vnd.lime.media-link+json";
    public static final String SELECT = "application/vnd.lime.select+json";
    public static final String LOCATION = "application/vnd.lime.location+json";
    public static final String REACTION = "application/vnd.lime.reaction+json";
    public static final String JSON = "application/json";

    /** Metadata key: the WhatsApp message id this message replies to. */
    public static final String CONTEXT_ID = "#wa.context.id";
    /** Metadata key: the label of the button that opens a list. */
    public static final String LIST_BUTTON = "#wa.list.button";

    static final String DEFAULT_LIST_BUTTON = "Options";
    static final String LIST_SECTION_TITLE = "Options";

    // Meta's limits (Cloud API reference, "Messages").
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_ROWS = 10;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_ID = 200;
    static final int MAX_LIST_BUTTON = 20;

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S");

    private final ObjectMapper json;

    public OutboundRenderer(ObjectMapper json) {
        this.json = json;
    }

    public RenderedMessage render(String type, JsonNode content, Map<String, String> metadata) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw refuse(Reason.VALIDATION_ERROR, "The message has no content.");
        }
        if (type == null || type.isBlank()) {
            throw refuse(Reason.VALIDATION_ERROR, "The message has no content type.");
        }
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        ObjectNode payload = json.createObjectNode();
        Rendered rendered = switch (mediaType(type)) {
            case TEXT -> text(content, payload);
            case MEDIA_LINK -> media(content, payload);
            case SELECT -> select(content, meta, payload);
            case LOCATION -> location(content, payload);
            case REACTION -> reaction(content, payload);
            case JSON -> jsonDocument(content, payload);
            default -> throw refuse(Reason.UNSUPPORTED_CONTENT_TYPE,
                    "WhatsApp messages cannot carry content of type " + type.strip() + ".");
        };
        String replyTo = meta.get(CONTEXT_ID);
        if (replyTo != null && !replyTo.isBlank()) {
            payload.putObject("context").put("message_id", replyTo.strip());
        }
        return new RenderedMessage(rendered.kind(), rendered.template(), write(payload));
    }

    private record Rendered(MessageKind kind, Optional<TemplateUse> template) {
        static final Rendered SESSION = new Rendered(MessageKind.SESSION, Optional.empty());
        static final Rendered INTERACTIVE = new Rendered(MessageKind.INTERACTIVE, Optional.empty());
    }

    /** The MIME type without parameters, in lower case: {@code Text/Plain; charset=utf-8} is text/plain. */
    private static String mediaType(String type) {
        int semicolon = type.indexOf(';');
        String bare = semicolon < 0 ? type : type.substring(0, semicolon);
        return bare.strip().toLowerCase(Locale.ROOT);
    }

    // text/plain -------------------------------------------------------------------------------

    private Rendered text(JsonNode content, ObjectNode payload) {
        if (!content.isTextual()) {
            throw invalid("A text/plain message needs its text as a string.");
        }
        String body = content.textValue();
        if (body.isBlank()) {
            throw invalid("A text message needs some text; this one is empty.");
        }
        int length = length(body);
        if (length > MAX_TEXT) {
            throw invalid("A WhatsApp text holds at most " + MAX_TEXT + " characters; this one has " + length + ".");
        }
        payload.put("type", "text");
        ObjectNode text = payload.putObject("text");
        text.put("preview_url", URL.matcher(body).find());
        text.put("body", body);
        return Rendered.SESSION;
    }

    // media-link -------------------------------------------------------------------------------

    private Rendered media(JsonNode content, ObjectNode payload) {
        requireObject(content, "media link");
        String mime = string(content, "type");
        if (mime == null || mime.isBlank()) {
            throw invalid("A media link needs the MIME type of its media (for example image/jpeg).");
        }
        String uri = string(content, "uri");
        if (uri == null || uri.isBlank()) {
            throw invalid("A media link needs the uri of its media.");
        }
        if (!isHttpUrl(uri.strip())) {
            throw invalid("A media link's uri must be an http or https address; " + uri.strip() + " is not.");
        }
        String kind = mediaKind(mediaType(mime));
        payload.put("type", kind);
        ObjectNode media = payload.putObject(kind);
        media.put("link", uri.strip());
        String caption = string(content, "text");
        boolean captioned = !kind.equals("audio") && !kind.equals("sticker");
        if (captioned && caption != null && !caption.isBlank()) {
            int length = length(caption);
            if (length > MAX_CAPTION) {
                throw invalid("A media caption holds at most " + MAX_CAPTION + " characters; this one has "
                        + length + ".");
            }
            media.put("caption", caption);
        }
        String title = string(content, "title");
        if (kind.equals("document") && title != null && !title.isBlank()) {
            media.put("filename", title);
        }
        return Rendered.SESSION;
    }

    private static String mediaKind(String mime) {
        if (mime.equals("image/webp")) {
            return "sticker";
        }
        if (mime.startsWith("image/")) {
            return "image";
        }
        if (mime.startsWith("video/")) {
            return "video";
        }
        if (mime.startsWith("audio/")) {
            return "audio";
        }
        return "document";
    }

    private static boolean isHttpUrl(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            return scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && parsed.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // select -----------------------------------------------------------------------------------

    private Rendered select(JsonNode content, Map<String, String> metadata, ObjectNode payload) {
        requireObject(content, "select");
        String text = string(content, "text");
        if (text == null || text.isBlank()) {
            throw invalid("A select needs a text to show above its options.");
        }
        int textLength = length(text);
        if (textLength > MAX_INTERACTIVE_BODY) {
            throw invalid("A select's text holds at most " + MAX_INTERACTIVE_BODY + " characters; this one has "
                    + textLength + ".");
        }
        JsonNode options = content.path("options");
        int count = options.isArray() ? options.size() : 0;
        if (count == 0) {
            throw invalid("A select needs at least 1 option; this one has none.");
        }
        if (count > MAX_ROWS) {
            throw invalid("A select offers at most " + MAX_ROWS + " options; this one has " + count + ".");
        }
        boolean buttons = count <= MAX_BUTTONS;
        int maxTitle = buttons ? MAX_BUTTON_TITLE : MAX_ROW_TITLE;
        int maxId = buttons ? MAX_BUTTON_ID : MAX_ROW_ID;
        String what = buttons ? "a reply button" : "a list row";

        Map<String, String> titlesById = new LinkedHashMap<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < count; i++) {
            JsonNode option = options.get(i);
            String title = option.isObject() ? string(option, "text") : null;
            if (title == null || title.isBlank()) {
                throw invalid("Option " + (i + 1) + " of the select has no text.");
            }
            int titleLength = length(title);
            if (titleLength > maxTitle) {
                throw invalid("Option \"" + title + "\" is too long for " + what + ": WhatsApp allows " + maxTitle
                        + " characters, it has " + titleLength + ".");
            }
            String id = optionId(option, i);
            if (length(id) > maxId) {
                throw invalid("The value of option \"" + title + "\" is too long for " + what + ": WhatsApp allows "
                        + maxId + " characters.");
            }
            if (titlesById.containsKey(id)) {
                throw invalid("Two options of the select have the same value " + id + "; each needs its own.");
            }
            if (buttons && !titles.add(title)) {
                throw invalid("Two options of the select are both called \"" + title + "\"; reply buttons need"
                        + " different texts.");
            }
            titlesById.put(id, title);
        }

        payload.put("type", "interactive");
        ObjectNode interactive = payload.putObject("interactive");
        interactive.put("type", buttons ? "button" : "list");
        interactive.putObject("body").put("text", text);
        ObjectNode action = interactive.putObject("action");
        if (buttons) {
            ArrayNode list = action.putArray("buttons");
            titlesById.forEach((id, title) -> {
                ObjectNode button = list.addObject();
                button.put("type", "reply");
                ObjectNode reply = button.putObject("reply");
                reply.put("id", id);
                reply.put("title", title);
            });
            return Rendered.INTERACTIVE;
        }
        String label = metadata.get(LIST_BUTTON);
        label = label == null || label.isBlank() ? DEFAULT_LIST_BUTTON : label.strip();
        if (length(label) > MAX_LIST_BUTTON) {
            throw invalid("The list button label \"" + label + "\" is too long: WhatsApp allows " + MAX_LIST_BUTTON
                    + " characters.");
        }
        action.put("button", label);
        ObjectNode section = action.putArray("sections").addObject();
        section.put("title", LIST_SECTION_TITLE);
        ArrayNode rows = section.putArray("rows");
        titlesById.forEach((id, title) -> {
            ObjectNode row = rows.addObject();
            row.put("id", id);
            row.put("title", title);
        });
        return Rendered.INTERACTIVE;
    }

    /** The option's value, else its order, else its 1-based position, as text. */
    private String optionId(JsonNode option, int index) {
        JsonNode value = option.path("value");
        if (value.isTextual() && !value.textValue().isBlank()) {
            return value.textValue().strip();
        }
        if (value.isValueNode() && !value.isNull() && !value.isTextual()) {
            return value.asText();
        }
        if (value.isContainerNode() && !value.isEmpty()) {
            return write(value);
        }
        JsonNode order = option.path("order");
        if (order.isNumber() || (order.isTextual() && !order.textValue().isBlank())) {
            return order.asText().strip();
        }
        return Integer.toString(index + 1);
    }

    // location ---------------------------------------------------------------------------------

    private Rendered location(JsonNode content, ObjectNode payload) {
        requireObject(content, "location");
        JsonNode latitude = coordinate(content, "latitude", 90);
        JsonNode longitude = coordinate(content, "longitude", 180);
        payload.put("type", "location");
        ObjectNode location = payload.putObject("location");
        location.set("latitude", latitude);
        location.set("longitude", longitude);
        String name = string(content, "text");
        if (name != null && !name.isBlank()) {
            location.put("name", name);
        }
        return Rendered.SESSION;
    }

    private JsonNode coordinate(JsonNode content, String field, int limit) {
        JsonNode node = content.path(field);
        Double value = null;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            try {
                value = Double.valueOf(node.textValue().strip());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw invalid("A location needs its " + field + " as a number.");
        }
        if (value < -limit || value > limit) {
            throw invalid("A location's " + field + " lies between -" + limit + " and " + limit + "; this one is "
                    + node.asText() + ".");
        }
        return node.isNumber() ? node : json.getNodeFactory().numberNode(value);
    }

    // reaction ---------------------------------------------------------------------------------

    private Rendered reaction(JsonNode content, ObjectNode payload) {
        requireObject(content, "reaction");
        String messageId = string(content.path("inReactionTo"), "id");
        if (messageId == null || messageId.isBlank()) {
            throw invalid("A reaction needs the id of the message it reacts to (inReactionTo.id).");
        }
        String emoji = emoji(content.path("emoji"));
        payload.put("type", "reaction");
        ObjectNode reaction = payload.putObject("reaction");
        reaction.put("message_id", messageId.strip());
        reaction.put("emoji", emoji);
        return Rendered.SESSION;
    }

    /**
     * The emoji as text. LIME writes it as a Unicode sequence {@code {"values":[128077]}}; a plain
     * string is accepted too. An empty one removes an earlier reaction (Meta's rule).
     */
    private static String emoji(JsonNode emoji) {
        if (emoji.isTextual()) {
            return emoji.textValue();
        }
        JsonNode values = emoji.path("values");
        if (emoji.isObject() && values.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode codePoint : values) {
                if (!codePoint.canConvertToInt() || !Character.isValidCodePoint(codePoint.intValue())) {
                    throw invalid("A reaction's emoji holds " + codePoint + ", which is not a Unicode code point.");
                }
                text.appendCodePoint(codePoint.intValue());
            }
            return text.toString();
        }
        throw invalid("A reaction needs an emoji.");
    }

    // application/json: templates ----------------------------------------------------------------

    private Rendered jsonDocument(JsonNode content, ObjectNode payload) {
        String kind = content.isObject() ? string(content, "type") : null;
        if ("template".equals(kind)) {
            return template(content, payload);
        }
        if ("hsm".equals(kind)) {
            return hsm(content, payload);
        }
        throw refuse(Reason.UNSUPPORTED_CONTENT_TYPE, kind == null || kind.isBlank()
                ? "WhatsApp messages take application/json content only as a template (content.type \"template\" or"
                        + " \"hsm\"); this one has no content.type."
                : "WhatsApp messages take application/json content only as a template; content.type \"" + kind
                        + "\" is not supported.");
    }

    private Rendered template(JsonNode content, ObjectNode payload) {
        JsonNode template = content.path("template").isObject() ? content.path("template") : content;
        String name = string(template, "name");
        if (name == null || name.isBlank()) {
            throw invalid("A template message needs the template's name.");
        }
        JsonNode language = template.path("language");
        String code = language.isTextual() ? language.textValue() : string(language, "code");
        if (code == null || code.isBlank()) {
            throw invalid("Template " + name.strip() + " needs a language code (language.code, for example pt_BR).");
        }
        JsonNode components = template.path("components");
        if (!components.isMissingNode() && !components.isNull() && !components.isArray()) {
            throw invalid("Template " + name.strip() + " lists its components as an array.");
        }
        Map<String, Integer> parameters = new LinkedHashMap<>();
        if (components.isArray()) {
            for (JsonNode component : components) {
                countParameters(name.strip(), component, parameters);
            }
        }
        ArrayNode passed = components.isArray() && !components.isEmpty() ? (ArrayNode) components.deepCopy() : null;
        return templatePayload(name.strip(), code.strip(), passed, parameters, payload);
    }

    private static void countParameters(String name, JsonNode component, Map<String, Integer> parameters) {
        if (!component.isObject()) {
            throw invalid("Template " + name + " has a component that is not an object.");
        }
        String type = string(component, "type");
        JsonNode given = component.path("parameters");
        int count = given.isArray() ? given.size() : 0;
        if (type == null || count == 0) {
            return;
        }
        switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "header" -> parameters.put("header", count);
            case "body" -> parameters.put("body", count);
            case "button" -> {
                JsonNode index = component.path("index");
                String position = index.isNumber() || index.isTextual() ? index.asText().strip() : "";
                if (position.isEmpty()) {
                    throw invalid("Template " + name + " has a button component without its index.");
                }
                parameters.put("button:" + position, count);
            }
            default -> {
                // carousel, limited_time_offer, ...: passed through, not counted
            }
        }
    }

    private Rendered hsm(JsonNode content, ObjectNode payload) {
        JsonNode hsm = content.path("hsm");
        if (!hsm.isObject()) {
            throw invalid("A legacy hsm message needs its hsm object.");
        }
        String name = string(hsm, "element_name");
        if (name == null || name.isBlank()) {
            throw invalid("A legacy hsm message needs the template's element_name.");
        }
        String lg = string(hsm, "fallback_lg");
        String lc = string(hsm, "fallback_lc");
        if (lg == null || lg.isBlank() || lc == null || lc.isBlank()) {
            throw invalid("A legacy hsm message needs fallback_lg and fallback_lc (for example pt and BR).");
        }
        JsonNode params = hsm.path("localizable_params");
        ArrayNode components = null;
        Map<String, Integer> parameters = new LinkedHashMap<>();
        if (params.isArray() && !params.isEmpty()) {
            components = json.createArrayNode();
            ObjectNode body = components.addObject();
            body.put("type", "body");
            ArrayNode list = body.putArray("parameters");
            int position = 0;
            for (JsonNode param : params) {
                position++;
                JsonNode value = param.path("default");
                if (!value.isValueNode() || value.isNull()) {
                    throw invalid("Parameter " + position + " of hsm " + name.strip() + " has no default text.");
                }
                ObjectNode text = list.addObject();
                text.put("type", "text");
                text.put("text", value.asText());
            }
            parameters.put("body", params.size());
        }
        return templatePayload(name.strip(), lg.strip() + "_" + lc.strip(), components, parameters, payload);
    }

    private static Rendered templatePayload(String name, String code, ArrayNode components,
            Map<String, Integer> parameters, ObjectNode payload) {
        payload.put("type", "template");
        ObjectNode template = payload.putObject("template");
        template.put("name", name);
        ObjectNode language = template.putObject("language");
        language.put("policy", "deterministic");
        language.put("code", code);
        if (components != null) {
            template.set("components", components);
        }
        return new Rendered(MessageKind.TEMPLATE, Optional.of(new TemplateUse(name, code, parameters)));
    }

    // helpers ----------------------------------------------------------------------------------

    private static void requireObject(JsonNode content, String what) {
        if (!content.isObject()) {
            throw invalid("A " + what + " must be a JSON object.");
        }
    }

    /** A field as text when it is a string or a plain value; null when absent or a container. */
    private static String string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static Refusal invalid(String description) {
        return refuse(Reason.INVALID_ARGUMENT, description);
    }

    private static Refusal refuse(Reason reason, String description) {
        return new Refusal(reason, description);
    }
}
