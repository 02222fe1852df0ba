package net.wagw.lime;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.content.Carousel;
import net.wagw.domain.content.ChatState;
import net.wagw.domain.content.Collection;
import net.wagw.domain.content.ContactCard;
import net.wagw.domain.content.Content;
import net.wagw.domain.content.DocumentList;
import net.wagw.domain.content.DocumentSelect;
import net.wagw.domain.content.Input;
import net.wagw.domain.content.Location;
import net.wagw.domain.content.Media;
import net.wagw.domain.content.NativeMessage;
import net.wagw.domain.content.Reaction;
import net.wagw.domain.content.Select;
import net.wagw.domain.content.TemplateMessage;
import net.wagw.domain.content.Text;
import net.wagw.domain.content.TypedValue;
import net.wagw.domain.content.WebLink;
import net.wagw.json.JsonScalars;

/**
 * Reads a LIME message's {@code type} and {@code content} (docs/contracts.md §3.3) into the
 * content model, refusing what is not the shape LIME and BLiP document, with a sentence that says
 * what is wrong. Meta's own limits (lengths, counts) are checked when the content is rendered.
 */
public class LimeContentParser {
    /** Metadata key: send a web link as a text with a preview rather than as a button. */
    public static final String WEB_LINK_STYLE = "#wa.web-link.style";
    /** Metadata key: the text above a carousel's cards. */
    public static final String CAROUSEL_TEXT = "#wa.carousel.text";

    /** Cloud API message types a bot may send as its own object (BLiP's "dynamic content"). */
    static final Set<String> NATIVE_TYPES = Set.of("text", "image", "video", "audio", "document", "sticker",
            "location", "contacts", "interactive", "reaction");
    static final Set<String> NATIVE_INTERACTIVE = Set.of("button", "list", "cta_url", "flow", "carousel", "product",
            "product_list", "catalog_message", "location_request_message");
    /** Set by the gateway, whatever the bot wrote. */
    private static final List<String> ADDRESSING = List.of("messaging_product", "recipient_type", "to");

    private final ObjectMapper json;
    private final ObjectMapper canonical;

    public LimeContentParser(ObjectMapper json) {
        this.json = json;
        // sorted: the fingerprint of a message reads the JSON it carries
        this.canonical = json.copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    }

    public Content parse(String type, JsonNode content, Map<String, String> metadata) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw refuse(Reason.VALIDATION_ERROR, "The message has no content.");
        }
        if (type == null || type.isBlank()) {
            throw refuse(Reason.VALIDATION_ERROR, "The message has no content type.");
        }
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        return switch (mediaType(type)) {
            case Lime.COLLECTION -> collection(content, meta);
            case Lime.CHATSTATE -> chatState(content);
            default -> single(type, content, meta);
        };
    }

    /** The MIME type without parameters, in lower case: {@code Text/Plain; charset=utf-8} is text/plain. */
    public static String mediaType(String type) {
        int semicolon = type.indexOf(';');
        String bare = semicolon < 0 ? type : type.substring(0, semicolon);
        return bare.strip().toLowerCase(Locale.ROOT);
    }

    /** A content that is one WhatsApp message. */
    private Content single(String type, JsonNode content, Map<String, String> meta) {
        return switch (mediaType(type)) {
            case Lime.TEXT -> text(content);
            case Lime.MEDIA_LINK -> media(content);
            case Lime.SELECT -> select(content);
            case Lime.LOCATION -> location(content);
            case Lime.REACTION -> reaction(content);
            case Lime.WEB_LINK -> webLink(content, "text".equalsIgnoreCase(meta.get(WEB_LINK_STYLE)));
            case Lime.INPUT -> input(content);
            case Lime.DOCUMENT_SELECT -> documentSelect(content);
            case Lime.LIST -> list(content);
            case Lime.CONTACT -> contact(content);
            case Lime.JSON -> jsonDocument(content);
            default -> throw refuse(Reason.UNSUPPORTED_CONTENT_TYPE,
                    "WhatsApp messages cannot carry content of type " + type.strip() + ".");
        };
    }

    // text/plain -------------------------------------------------------------------------------

    private static Text text(JsonNode content) {
        if (!content.isTextual()) {
            throw invalid("A text/plain message needs its text as a string.");
        }
        if (content.textValue().isBlank()) {
            throw invalid("A text message needs some text; this one is empty.");
        }
        return new Text(content.textValue());
    }

    // media-link -------------------------------------------------------------------------------

    private static Media media(JsonNode content) {
        requireObject(content, "media link");
        String mime = string(content, "type");
        if (mime == null || mime.isBlank()) {
            throw invalid("A media link needs the MIME type of its media (for example image/jpeg).");
        }
        String uri = httpUri(string(content, "uri"), "A media link");
        return new Media(mediaType(mime), uri, blankToNull(string(content, "title")),
                blankToNull(string(content, "text")));
    }

    /** The uri, stripped, when it is an absolute http(s) address; else a refusal naming {@code what}. */
    private static String httpUri(String uri, String what) {
        if (uri == null || uri.isBlank()) {
            throw invalid(what + " needs the uri of its " + (what.contains("media") ? "media" : "page") + ".");
        }
        if (!isHttpUrl(uri.strip())) {
            throw invalid(what + "'s uri must be an http or https address; " + uri.strip() + " is not.");
        }
        return uri.strip();
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

    private Select select(JsonNode content) {
        requireObject(content, "select");
        String text = string(content, "text");
        if (text == null || text.isBlank()) {
            throw invalid("A select needs a text to show above its options.");
        }
        JsonNode options = content.path("options");
        int count = options.isArray() ? options.size() : 0;
        if (count == 0) {
            throw invalid("A select needs at least 1 option; this one has none.");
        }
        List<Select.Option> parsed = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            JsonNode option = options.get(i);
            String title = option.isObject() ? string(option, "text") : null;
            if (title == null || title.isBlank()) {
                throw invalid("Option " + (i + 1) + " of the select has no text.");
            }
            String id = optionId(option.path("value"), option.path("order"), i);
            if (!ids.add(id)) {
                throw invalid("Two options of the select have the same value " + id + "; each needs its own.");
            }
            parsed.add(new Select.Option(title, id, returned(string(option, "type"), option.path("value"), title)));
        }
        return new Select(text, parsed);
    }

    /** What WhatsApp hands back for an option: its value, else its order, else its 1-based position, as text. */
    private String optionId(JsonNode value, JsonNode order, int index) {
        if (value.isTextual() && !value.textValue().isBlank()) {
            return value.textValue().strip();
        }
        if (value.isValueNode() && !value.isNull() && !value.isTextual()) {
            return value.asText();
        }
        if (value.isContainerNode() && !value.isEmpty()) {
            return write(json, value);
        }
        if (order.isNumber() || (order.isTextual() && !order.textValue().isBlank())) {
            return order.asText().strip();
        }
        return Integer.toString(index + 1);
    }

    /** The LIME document a chosen option returns to the bot: its value with its type, else its label as text. */
    private TypedValue returned(String type, JsonNode value, String label) {
        boolean given = !value.isMissingNode() && !value.isNull() && !(value.isTextual() && value.textValue().isBlank())
                && !(value.isContainerNode() && value.isEmpty());
        if (!given) {
            return new TypedValue(Lime.TEXT, write(json, json.getNodeFactory().textNode(label)));
        }
        String valueType = type != null && !type.isBlank() ? mediaType(type)
                : value.isTextual() ? Lime.TEXT : Lime.JSON;
        return new TypedValue(valueType, write(canonical, value));
    }

    // location ---------------------------------------------------------------------------------

    private static Location location(JsonNode content) {
        requireObject(content, "location");
        return new Location(coordinate(content, "latitude", 90), coordinate(content, "longitude", 180),
                blankToNull(string(content, "text")), null, null);
    }

    private static BigDecimal coordinate(JsonNode content, String field, int limit) {
        JsonNode node = content.path(field);
        BigDecimal value = null;
        try {
            if (node.isNumber() && Double.isFinite(node.doubleValue())) {
                value = node.decimalValue();
            } else if (node.isTextual()) {
                value = new BigDecimal(node.textValue().strip());
            }
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            throw invalid("A location needs its " + field + " as a number.");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw invalid("A location's " + field + " lies between -" + limit + " and " + limit + "; this one is "
                    + node.asText() + ".");
        }
        return value;
    }

    // reaction ---------------------------------------------------------------------------------

    private static Reaction reaction(JsonNode content) {
        requireObject(content, "reaction");
        String messageId = string(content.path("inReactionTo"), "id");
        if (messageId == null || messageId.isBlank()) {
            throw invalid("A reaction needs the id of the message it reacts to (inReactionTo.id).");
        }
        return new Reaction(messageId.strip(), emoji(content.path("emoji")));
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

    // web-link, input --------------------------------------------------------------------------

    private static WebLink webLink(JsonNode content, boolean asText) {
        requireObject(content, "web link");
        return new WebLink(httpUri(string(content, "uri"), "A web link"), blankToNull(string(content, "title")),
                blankToNull(string(content, "text")), asText);
    }

    private static Input input(JsonNode content) {
        requireObject(content, "input");
        JsonNode label = content.path("label");
        String text = label.isTextual() ? label.textValue() : string(label, "value");
        if (text == null || text.isBlank()) {
            throw invalid("An input needs a label: the question the customer is asked (label.value).");
        }
        JsonNode validation = content.path("validation");
        String rule = string(validation, "rule");
        String type = string(validation, "type");
        boolean location = "type".equalsIgnoreCase(rule) && type != null && Lime.LOCATION.equals(mediaType(type));
        return new Input(text, location ? Input.Kind.LOCATION : Input.Kind.TEXT);
    }

    // document-select, list, collection --------------------------------------------------------

    private DocumentSelect documentSelect(JsonNode content) {
        requireObject(content, "document select");
        Content header = document(content.path("header"), "The document select's header");
        if (!(header instanceof Media || header instanceof Text || header instanceof WebLink)) {
            throw invalid("A document select's header is a media link, a text or a web link.");
        }
        JsonNode options = content.path("options");
        if (!options.isArray() || options.isEmpty()) {
            throw invalid("A document select needs at least 1 option; this one has none.");
        }
        List<DocumentSelect.Option> parsed = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            Content label = document(option.path("label"), "Option " + (i + 1) + " of the document select");
            if (!(label instanceof Text || label instanceof WebLink)) {
                throw invalid("Option " + (i + 1) + " of the document select has a label that is neither text nor a"
                        + " web link.");
            }
            JsonNode value = option.path("value");
            String id = optionId(value.path("value"), option.path("order"), i);
            if (!ids.add(id)) {
                throw invalid("Two options of the document select have the same value " + id + "; each needs its"
                        + " own.");
            }
            String shown = label instanceof Text text ? text.body() : ((WebLink) label).uri();
            parsed.add(new DocumentSelect.Option(label, id, returned(string(value, "type"), value.path("value"),
                    shown)));
        }
        return new DocumentSelect(header, parsed);
    }

    private DocumentList list(JsonNode content) {
        requireObject(content, "list");
        JsonNode header = content.path("header");
        Content parsedHeader = header.isObject() ? document(header, "The list's header") : null;
        JsonNode items = content.path("items");
        if (!items.isArray() || items.isEmpty()) {
            throw invalid("A list needs at least 1 item; this one has none.");
        }
        List<Content> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parsed.add(document(items.get(i), "Item " + (i + 1) + " of the list"));
        }
        return new DocumentList(parsedHeader, parsed);
    }

    private Content collection(JsonNode content, Map<String, String> meta) {
        requireObject(content, "collection");
        String itemType = string(content, "itemType");
        JsonNode items = content.path("items");
        if (!items.isArray() || items.isEmpty()) {
            throw invalid("A collection needs at least 1 item; this one has none.");
        }
        boolean containers = itemType == null || Lime.CONTAINER.equals(mediaType(itemType));
        List<Content> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String what = "Item " + (i + 1) + " of the collection";
            Content item = containers ? document(items.get(i), what) : nested(itemType, items.get(i), what);
            if (item instanceof TemplateMessage) {
                throw invalid(what + " is a template; send templates on their own.");
            }
            parsed.add(item);
        }
        if (parsed.stream().allMatch(item -> item instanceof DocumentSelect select && select.header() instanceof Media)
                && parsed.size() > 1) {
            List<DocumentSelect> cards = parsed.stream().map(DocumentSelect.class::cast).toList();
            String text = meta.get(CAROUSEL_TEXT);
            if (text == null || text.isBlank()) {
                Media first = (Media) cards.get(0).header();
                text = first.text() != null ? first.text() : first.title();
            }
            if (text == null || text.isBlank()) {
                throw invalid("A carousel needs a text above its cards: give metadata " + CAROUSEL_TEXT
                        + " or a text in the first card's header.");
            }
            return new Carousel(text, cards);
        }
        return new Collection(parsed);
    }

    /** A LIME document container {@code {type, value}}. */
    private Content document(JsonNode container, String what) {
        if (!container.isObject()) {
            throw invalid(what + " must be a document {type, value}.");
        }
        String type = string(container, "type");
        if (type == null || type.isBlank()) {
            throw invalid(what + " has no type.");
        }
        return nested(type, container.path("value"), what);
    }

    private Content nested(String type, JsonNode value, String what) {
        String bare = mediaType(type);
        if (bare.equals(Lime.COLLECTION) || bare.equals(Lime.CHATSTATE)) {
            throw invalid(what + " is a " + bare + ", which cannot be nested.");
        }
        try {
            return single(type, value, Map.of());
        } catch (Refusal refusal) {
            throw new Refusal(refusal.reason(), what + ": " + refusal.description(), refusal.kind().orElse(null));
        }
    }

    // chatstate, contact -----------------------------------------------------------------------

    private static ChatState chatState(JsonNode content) {
        String state = content.isObject() ? string(content, "state") : null;
        if (state == null || state.isBlank()) {
            throw invalid("A chat state needs its state (composing, paused, ...).");
        }
        return new ChatState(state.strip().toLowerCase(Locale.ROOT));
    }

    private static ContactCard contact(JsonNode content) {
        requireObject(content, "contact");
        String name = string(content, "name");
        if (name == null || name.isBlank()) {
            throw invalid("A contact needs a name.");
        }
        List<ContactCard.Phone> phones = new ArrayList<>();
        for (String field : List.of("phoneNumber", "cellPhoneNumber")) {
            String phone = blankToNull(string(content, field));
            if (phone != null && phones.stream().noneMatch(p -> p.number().equals(phone))) {
                phones.add(new ContactCard.Phone(phone.strip(), null));
            }
        }
        List<String> emails = new ArrayList<>();
        String email = blankToNull(string(content, "email"));
        if (email != null) {
            emails.add(email.strip());
        }
        if (phones.isEmpty() && emails.isEmpty()) {
            throw invalid("Contact " + name.strip() + " needs a phoneNumber or an email to be worth sending.");
        }
        String address = String.join(", ", java.util.stream.Stream.of(string(content, "address"),
                string(content, "city")).filter(s -> s != null && !s.isBlank()).toList());
        return new ContactCard(name.strip(), phones, emails, List.of(), null, address.isEmpty() ? null : address);
    }

    // application/json: templates and Cloud API objects ----------------------------------------

    private Content jsonDocument(JsonNode content) {
        String kind = content.isObject() ? string(content, "type") : null;
        if ("template".equals(kind)) {
            return template(content);
        }
        if ("hsm".equals(kind)) {
            return hsm(content);
        }
        if (kind != null && NATIVE_TYPES.contains(kind)) {
            return nativeMessage(kind, (ObjectNode) content);
        }
        throw refuse(Reason.UNSUPPORTED_CONTENT_TYPE, kind == null || kind.isBlank()
                ? "WhatsApp messages take application/json content only as a template (content.type \"template\" or"
                        + " \"hsm\") or a Cloud API message object; this one has no content.type."
                : "WhatsApp messages take application/json content only as a template or a Cloud API message object"
                        + " (" + String.join(", ", new java.util.TreeSet<>(NATIVE_TYPES)) + "); content.type \"" + kind
                        + "\" is not supported.");
    }

    private NativeMessage nativeMessage(String kind, ObjectNode content) {
        JsonNode body = content.path(kind);
        if (!body.isObject()) {
            throw invalid("A Cloud API " + kind + " message carries its " + kind + " object; this one has none.");
        }
        String interactiveType = null;
        if (kind.equals("interactive")) {
            interactiveType = string(body, "type");
            if (interactiveType == null || !NATIVE_INTERACTIVE.contains(interactiveType)) {
                throw refuse(Reason.UNSUPPORTED_CONTENT_TYPE, "Interactive type " + (interactiveType == null
                        ? "(none)" : "\"" + interactiveType + "\"") + " is not one WhatsApp sends; use one of "
                        + String.join(", ", new java.util.TreeSet<>(NATIVE_INTERACTIVE)) + ".");
            }
        }
        ObjectNode passed = content.deepCopy();
        ADDRESSING.forEach(passed::remove);
        return new NativeMessage(kind, interactiveType, write(canonical, passed));
    }

    private TemplateMessage template(JsonNode content) {
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
        String passed = null;
        if (components.isArray() && !components.isEmpty()) {
            ArrayNode normalised = (ArrayNode) lowerCaseKeys(components);
            for (JsonNode component : normalised) {
                countParameters(name.strip(), component, parameters);
            }
            passed = write(json, normalised);
        }
        return new TemplateMessage(name.strip(), code.strip(), passed, parameters);
    }

    /**
     * BLiP's own template examples write parameter keys capitalised ({@code "Type": "text"}),
     * which Meta refuses; every Cloud API key is lower case (docs/contracts.md §3.3).
     */
    private JsonNode lowerCaseKeys(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(element -> copy.add(lowerCaseKeys(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey().toLowerCase(Locale.ROOT), lowerCaseKeys(field.getValue()));
            }
            return copy;
        }
        return node;
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

    /**
     * BLiP's legacy {@code hsm}: name {@code element_name}, language {@code fallback_lg_fallback_lc}
     * or a {@code language {code, policy}} object, body parameters {@code localizable_params[].default}.
     */
    private TemplateMessage hsm(JsonNode content) {
        JsonNode hsm = content.path("hsm");
        if (!hsm.isObject()) {
            throw invalid("A legacy hsm message needs its hsm object.");
        }
        String name = string(hsm, "element_name");
        if (name == null || name.isBlank()) {
            throw invalid("A legacy hsm message needs the template's element_name.");
        }
        String code = hsmLanguage(hsm.path("language"));
        if (code == null) {
            code = hsmLanguage(content.path("language"));
        }
        if (code == null) {
            String lg = string(hsm, "fallback_lg");
            String lc = string(hsm, "fallback_lc");
            if (lg == null || lg.isBlank() || lc == null || lc.isBlank()) {
                throw invalid("A legacy hsm message needs fallback_lg and fallback_lc (for example pt and BR), or a"
                        + " language {code}.");
            }
            code = lg.strip() + "_" + lc.strip();
        }
        JsonNode params = hsm.path("localizable_params");
        Map<String, Integer> parameters = new LinkedHashMap<>();
        String components = null;
        if (params.isArray() && !params.isEmpty()) {
            ArrayNode list = json.createArrayNode();
            ObjectNode body = list.addObject();
            body.put("type", "body");
            ArrayNode values = body.putArray("parameters");
            int position = 0;
            for (JsonNode param : params) {
                position++;
                JsonNode value = param.path("default");
                if (!value.isValueNode() || value.isNull()) {
                    throw invalid("Parameter " + position + " of hsm " + name.strip() + " has no default text.");
                }
                ObjectNode text = values.addObject();
                text.put("type", "text");
                text.put("text", value.asText());
            }
            parameters.put("body", params.size());
            components = write(json, list);
        }
        return new TemplateMessage(name.strip(), code, components, parameters);
    }

    private static String hsmLanguage(JsonNode language) {
        String code = language.isTextual() ? language.textValue() : string(language, "code");
        return code == null || code.isBlank() ? null : code.strip();
    }

    // helpers ----------------------------------------------------------------------------------

    private static void requireObject(JsonNode content, String what) {
        if (!content.isObject()) {
            throw invalid("A " + what + " must be a JSON object.");
        }
    }

    /** A field as text when it is a string or a plain value; null when absent or a container. */
    static String string(JsonNode node, String field) {
        return JsonScalars.valueText(node.path(field));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String write(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
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
