package net.wagw.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.send.MessageKind;
import net.wagw.domain.send.RenderedMessage;
import net.wagw.domain.send.TemplateUse;
import net.wagw.lime.LimeContentParser;

/**
 * Each mapping of docs/contracts.md §3.3 against Meta's own request example for that type, from
 * Meta's published OpenAPI description of the Business Messaging API (v23.0),
 * path {@code /{Version}/{Phone-Number-ID}/messages}, {@code post.requestBody...examples}; the
 * examples are copied verbatim into {@code whatsapp/meta-send-examples.json}. The renderer leaves
 * out {@code messaging_product}, {@code recipient_type} and {@code to}, so they are stripped from the
 * examples before comparing.
 */
class OutboundRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode EXAMPLES = load("/whatsapp/meta-send-examples.json");

    private final LimeContentParser parser = new LimeContentParser(JSON);
    private final OutboundRenderer renderer = new OutboundRenderer(JSON);

    // text/plain ---------------------------------------------------------------------------------

    @Test
    void plainTextBecomesATextMessageWithoutPreview() {
        // example "Send Text Message"
        RenderedMessage message = render("text/plain", JSON.valueToTree("text-message-content"));

        assertThat(payload(message)).isEqualTo(example("Send Text Message"));
        assertThat(message.kind()).isEqualTo(MessageKind.SESSION);
        assertThat(message.template()).isEmpty();
    }

    @Test
    void aTextHoldingAUrlAsksForAPreview() {
        // example "Send Text Message with Preview URL"; that example leaves out "type" (Meta defaults
        // it to text), the renderer always names it
        RenderedMessage message = render("text/plain", JSON.valueToTree("Please visit https://youtu.be/hpltvTEiRrY."));

        ObjectNode expected = example("Send Text Message with Preview URL");
        expected.put("type", "text");
        assertThat(payload(message)).isEqualTo(expected);
    }

    @Test
    void aReplyCarriesTheContextOfTheMessageItAnswers() {
        // example "Send Reply to Text Message"
        RenderedMessage message = render("text/plain", JSON.valueToTree("<TEXT_MSG_CONTENT>"),
                Map.of("#wa.context.id", "<MSGID_OF_PREV_MSG>"));

        assertThat(payload(message)).isEqualTo(example("Send Reply to Text Message"));
    }

    @Test
    void aMediaTypeWithParametersIsStillPlainText() {
        RenderedMessage message = render("Text/Plain; charset=utf-8", JSON.valueToTree("text-message-content"));

        assertThat(payload(message)).isEqualTo(example("Send Text Message"));
    }

    // media-link ---------------------------------------------------------------------------------

    @Test
    void anImageLinkBecomesAnImageMessage() {
        // example "Send Image Message by URL"; its link "http(s)://image-url" is a placeholder,
        // made a real https address here
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "image/jpeg", "uri", "https://image-url"));

        ObjectNode expected = example("Send Image Message by URL");
        ((ObjectNode) expected.get("image")).put("link", "https://image-url");
        assertThat(payload(message)).isEqualTo(expected);
        assertThat(message.kind()).isEqualTo(MessageKind.SESSION);
    }

    @Test
    void anImageLinkInReplyCarriesTheContext() {
        // example "Send Reply to Image Message by URL", link made a real https address
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "image/png", "uri", "https://image-url"),
                Map.of("#wa.context.id", "<MSGID_OF_PREV_MSG>"));

        ObjectNode expected = example("Send Reply to Image Message by URL");
        ((ObjectNode) expected.get("image")).put("link", "https://image-url");
        assertThat(payload(message)).isEqualTo(expected);
    }

    @Test
    void aVideoLinkBecomesAVideoMessageCaptionedWithTheText() {
        // example "Send Video Message by URL", link made a real https address
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "video/mp4", "uri", "https://example.com/video.mp4", "text", "<VIDEO_CAPTION_TEXT>"));

        ObjectNode expected = example("Send Video Message by URL");
        ((ObjectNode) expected.get("video")).put("link", "https://example.com/video.mp4");
        assertThat(payload(message)).isEqualTo(expected);
    }

    @Test
    void anAudioLinkBecomesAnAudioMessageWithoutCaption() {
        // example "Send Audio Message by URL": audio takes no caption, so the text is left out
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "audio/ogg", "uri", "https://example.com/voice.ogg", "text", "listen"));

        ObjectNode expected = example("Send Audio Message by URL");
        ((ObjectNode) expected.get("audio")).put("link", "https://example.com/voice.ogg");
        assertThat(payload(message)).isEqualTo(expected);
    }

    @Test
    void aWebpImageBecomesAStickerWithoutCaption() {
        // example "Send Sticker Message by URL"
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "image/webp", "uri", "https://example.com/sticker.webp", "text", "ignored"));

        ObjectNode expected = example("Send Sticker Message by URL");
        ((ObjectNode) expected.get("sticker")).put("link", "https://example.com/sticker.webp");
        assertThat(payload(message)).isEqualTo(expected);
    }

    @Test
    void anyOtherMediaBecomesADocumentCaptionedWithTheText() {
        // example "Send Document Message by URL" (caption and link, no filename)
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "application/pdf", "uri", "https://example.com/receipt.pdf",
                        "text", "<DOCUMENT-CAPTION-TEXT>"));

        ObjectNode expected = example("Send Document Message by URL");
        ((ObjectNode) expected.get("document")).put("link", "https://example.com/receipt.pdf");
        assertThat(payload(message)).isEqualTo(expected);
    }

    @Test
    void aDocumentTitleBecomesItsFilename() {
        // example "Send Document Message by ID" shows caption and filename side by side; by link
        // instead of id
        RenderedMessage message = render("application/vnd.lime.media-link+json",
                object("type", "application/pdf", "uri", "https://example.com/receipt.pdf",
                        "title", "<DOCUMENT_FILENAME>", "text", "<DOCUMENT_CAPTION_TO_SEND>"));

        ObjectNode expected = example("Send Document Message by ID");
        ObjectNode document = (ObjectNode) expected.get("document");
        document.remove("id");
        document.put("link", "https://example.com/receipt.pdf");
        assertThat(payload(message)).isEqualTo(expected);
    }

    // select -------------------------------------------------------------------------------------

    @Test
    void upToThreeOptionsBecomeReplyButtons() {
        // example "Send Reply Button"
        ObjectNode select = object("text", "<BUTTON_TEXT>");
        ArrayNode options = select.putArray("options");
        options.add(object("text", "<BUTTON_TITLE_1>", "value", "<UNIQUE_BUTTON_ID_1>"));
        options.add(object("text", "<BUTTON_TITLE_2>", "value", "<UNIQUE_BUTTON_ID_2>"));

        RenderedMessage message = render("application/vnd.lime.select+json", select);

        assertThat(payload(message)).isEqualTo(example("Send Reply Button"));
        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
        assertThat(message.template()).isEmpty();
    }

    @Test
    void aButtonIdIsTheValueElseTheOrderElseThePosition() {
        ObjectNode select = object("text", "Pick one");
        ArrayNode options = select.putArray("options");
        options.add(object("text", "Yes", "value", "yes"));
        ObjectNode ordered = object("text", "No");
        ordered.put("order", 7);
        options.add(ordered);
        options.add(object("text", "Maybe"));

        JsonNode buttons = payload(render("application/vnd.lime.select+json", select))
                .path("interactive").path("action").path("buttons");

        assertThat(buttons.get(0).path("reply").path("id").asText()).isEqualTo("yes");
        assertThat(buttons.get(1).path("reply").path("id").asText()).isEqualTo("7");
        assertThat(buttons.get(2).path("reply").path("id").asText()).isEqualTo("3");
    }

    @Test
    void fourToTenOptionsBecomeAListInOneSection() {
        // example "Send List Message", with what a LIME select has: its four rows in one section
        // titled "Options", no row descriptions, no header, no footer; the list button label from
        // metadata #wa.list.button
        ObjectNode select = object("text", "<BODY_TEXT>");
        ArrayNode options = select.putArray("options");
        for (String row : new String[] {"1_ROW_1", "1_ROW_2", "2_ROW_1", "2_ROW_2"}) {
            options.add(object("text", "<SECTION_" + row + "_TITLE>", "value", "<LIST_SECTION_" + row + "_ID>"));
        }

        RenderedMessage message = render("application/vnd.lime.select+json", select,
                Map.of("#wa.list.button", "<BUTTON_TEXT>"));

        ObjectNode expected = example("Send List Message");
        ObjectNode interactive = (ObjectNode) expected.get("interactive");
        interactive.remove("header");
        interactive.remove("footer");
        ArrayNode sections = (ArrayNode) interactive.get("action").get("sections");
        ObjectNode section = JSON.createObjectNode();
        section.put("title", "Options");
        ArrayNode rows = section.putArray("rows");
        for (JsonNode each : sections) {
            for (JsonNode row : each.get("rows")) {
                ObjectNode copy = row.deepCopy();
                copy.remove("description");
                rows.add(copy);
            }
        }
        sections.removeAll().add(section);
        assertThat(payload(message)).isEqualTo(expected);
        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
    }

    @Test
    void aListWithoutALabelOpensWithOptions() {
        JsonNode action = payload(render("application/vnd.lime.select+json", select(10))).path("interactive")
                .path("action");

        assertThat(action.path("button").asText()).isEqualTo("Options");
        assertThat(action.path("sections").get(0).path("rows")).hasSize(10);
    }

    // location -----------------------------------------------------------------------------------

    @Test
    void aLocationBecomesALocationNamedByItsText() {
        // example "Send Location Message" without "address", which a LIME location does not have
        ObjectNode location = object("text", "META HQ");
        location.put("latitude", 37.758056);
        location.put("longitude", -122.425332);

        RenderedMessage message = render("application/vnd.lime.location+json", location);

        ObjectNode expected = example("Send Location Message");
        ((ObjectNode) expected.get("location")).remove("address");
        assertThat(payload(message)).isEqualTo(expected);
        assertThat(message.kind()).isEqualTo(MessageKind.SESSION);
    }

    @Test
    void aLocationWithoutTextHasNoName() {
        ObjectNode location = JSON.createObjectNode();
        location.put("latitude", -19.9);
        location.put("longitude", -43.9);

        JsonNode rendered = payload(render("application/vnd.lime.location+json", location)).path("location");

        assertThat(rendered.has("name")).isFalse();
        assertThat(rendered.path("latitude").doubleValue()).isEqualTo(-19.9);
    }

    // reaction -----------------------------------------------------------------------------------

    @Test
    void aReactionBecomesAReactionToTheMessage() {
        // example "Send Reply with Reaction Message"
        ObjectNode reaction = object("emoji", "😀");
        reaction.set("inReactionTo", object("id", "wamid.HBgLM..."));

        RenderedMessage message = render("application/vnd.lime.reaction+json", reaction);

        assertThat(payload(message)).isEqualTo(example("Send Reply with Reaction Message"));
        assertThat(message.kind()).isEqualTo(MessageKind.SESSION);
    }

    @Test
    void aLimeUnicodeSequenceEmojiIsWrittenAsText() {
        // LIME writes the emoji as {"values":[code points]}; same example
        ObjectNode reaction = JSON.createObjectNode();
        reaction.putObject("emoji").putArray("values").add(0x1F600);
        reaction.set("inReactionTo", object("id", "wamid.HBgLM...", "type", "text/plain", "value", "hi"));

        RenderedMessage message = render("application/vnd.lime.reaction+json", reaction);

        assertThat(payload(message)).isEqualTo(example("Send Reply with Reaction Message"));
    }

    // templates ----------------------------------------------------------------------------------

    @Test
    void aBlipTemplateIsPassedThroughWithADeterministicLanguage() {
        // example "Send Sample Issue Resolution Template" (language with policy deterministic,
        // a body parameter and two quick-reply button parameters)
        ObjectNode metaTemplate = (ObjectNode) example("Send Sample Issue Resolution Template").get("template");
        ObjectNode content = object("type", "template");
        ObjectNode blipTemplate = metaTemplate.deepCopy();
        blipTemplate.put("namespace", "ignored-namespace");
        ((ObjectNode) blipTemplate.get("language")).remove("policy");
        content.set("template", blipTemplate);

        RenderedMessage message = render("application/json", content);

        assertThat(payload(message)).isEqualTo(example("Send Sample Issue Resolution Template"));
        assertThat(message.kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(message.template()).contains(new TemplateUse("sample_issue_resolution", "en_US",
                Map.of("body", 1, "button:0", 1, "button:1", 1)));
    }

    @Test
    void aTemplateWithAMediaHeaderCountsHeaderBodyAndStringButtonIndexes() {
        // examples "Send Message Template Media" (header image, three body parameters) and
        // "Send Message Template Interactive" (button index as the string "0")
        ObjectNode metaTemplate = (ObjectNode) example("Send Message Template Media").get("template");
        JsonNode button = example("Send Message Template Interactive").get("template").get("components").get(2);
        assertThat(button.get("index").isTextual()).isTrue();
        ((ArrayNode) metaTemplate.get("components")).add(button.deepCopy());
        ObjectNode content = object("type", "template");
        content.set("template", metaTemplate);

        RenderedMessage message = render("application/json", content);

        ObjectNode expected = example("Send Message Template Media");
        ((ArrayNode) expected.get("template").get("components")).add(button.deepCopy());
        ((ObjectNode) expected.get("template").get("language")).put("policy", "deterministic");
        assertThat(payload(message)).isEqualTo(expected);
        assertThat(message.template()).contains(new TemplateUse("template-name", "language-and-locale-code",
                Map.of("header", 1, "body", 3, "button:0", 1)));
    }

    @Test
    void aTemplateMayGiveItsNameAndLanguageAtTheTopOfTheContent() {
        // example "Send Test Message" (hello_world, no components)
        ObjectNode content = object("type", "template", "name", "hello_world", "namespace", "ignored");
        content.putObject("language").put("code", "en_US");

        RenderedMessage message = render("application/json", content);

        ObjectNode expected = example("Send Test Message");
        ((ObjectNode) expected.get("template").get("language")).put("policy", "deterministic");
        assertThat(payload(message)).isEqualTo(expected);
        assertThat(message.template()).contains(new TemplateUse("hello_world", "en_US", Map.of()));
    }

    @Test
    void aLegacyHsmBecomesATemplateWithBodyParameters() {
        // example "Send Sample Issue Resolution Template" without its buttons, which an hsm cannot give
        ObjectNode hsm = object("namespace", "ignored", "element_name", "sample_issue_resolution",
                "fallback_lg", "en", "fallback_lc", "US");
        hsm.putArray("localizable_params").add(object("default", "*Mr. Jones*"));
        ObjectNode content = object("type", "hsm");
        content.set("hsm", hsm);

        RenderedMessage message = render("application/json", content);

        ObjectNode expected = example("Send Sample Issue Resolution Template");
        ArrayNode components = (ArrayNode) expected.get("template").get("components");
        components.remove(2);
        components.remove(1);
        assertThat(payload(message)).isEqualTo(expected);
        assertThat(message.kind()).isEqualTo(MessageKind.TEMPLATE);
        assertThat(message.template()).contains(new TemplateUse("sample_issue_resolution", "en_US", Map.of("body", 1)));
    }

    @Test
    void aLegacyHsmWithoutParametersHasNoComponents() {
        ObjectNode content = object("type", "hsm");
        content.set("hsm", object("element_name", "welcome", "fallback_lg", "pt", "fallback_lc", "BR"));

        RenderedMessage message = render("application/json", content);

        assertThat(payload(message).path("template").has("components")).isFalse();
        assertThat(payload(message).path("template").path("language").path("code").asText()).isEqualTo("pt_BR");
        assertThat(message.template()).contains(new TemplateUse("welcome", "pt_BR", Map.of()));
    }

    // what the sender adds -------------------------------------------------------------------------

    @Test
    void thePayloadLeavesTheEnvelopeFieldsToTheSender() {
        JsonNode payload = payload(render("text/plain", JSON.valueToTree("hi")));

        assertThat(payload.has("messaging_product")).isFalse();
        assertThat(payload.has("recipient_type")).isFalse();
        assertThat(payload.has("to")).isFalse();
    }

    // refusals -----------------------------------------------------------------------------------

    @Test
    void emptyTextIsRefusedWith64() {
        assertRefused("text/plain", JSON.valueToTree(""), Reason.INVALID_ARGUMENT);
        assertRefused("text/plain", JSON.valueToTree("   "), Reason.INVALID_ARGUMENT);
    }

    @Test
    void textOverMetasLimitIsRefusedWith64() {
        assertRefused("text/plain", JSON.valueToTree("a".repeat(4096)), null);
        Refusal refusal = assertRefused("text/plain", JSON.valueToTree("a".repeat(4097)), Reason.INVALID_ARGUMENT);
        assertThat(refusal.description()).contains("4096").contains("4097");
    }

    @Test
    void aSelectWithoutOptionsIsRefusedWith64() {
        ObjectNode select = object("text", "Pick one");
        select.putArray("options");

        Refusal refusal = assertRefused("application/vnd.lime.select+json", select, Reason.INVALID_ARGUMENT);
        assertThat(refusal.description()).contains("at least 1 option");
    }

    @Test
    void elevenSelectOptionsAreRefusedWith64() {
        Refusal refusal = assertRefused("application/vnd.lime.select+json", select(11), Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).isEqualTo("A select offers at most 10 options; this one has 11.");
    }

    @Test
    void aButtonTitleOverTwentyCharactersIsRefusedWith64NamingTheOption() {
        ObjectNode select = object("text", "Pick one");
        select.putArray("options").add(object("text", "Twenty-one characters"));

        Refusal refusal = assertRefused("application/vnd.lime.select+json", select, Reason.INVALID_ARGUMENT);
        assertThat(refusal.description()).contains("\"Twenty-one characters\"").contains("20");
    }

    @Test
    void aListRowTitleOverTwentyFourCharactersIsRefusedWith64NamingTheOption() {
        ObjectNode select = select(4);
        ((ObjectNode) select.get("options").get(3)).put("text", "Twenty-five characters...");

        Refusal refusal = assertRefused("application/vnd.lime.select+json", select, Reason.INVALID_ARGUMENT);
        assertThat(refusal.description()).contains("\"Twenty-five characters...\"").contains("24");
    }

    @Test
    void aSelectWithoutTextIsRefusedWith64() {
        ObjectNode select = JSON.createObjectNode();
        select.putArray("options").add(object("text", "Yes"));

        assertRefused("application/vnd.lime.select+json", select, Reason.INVALID_ARGUMENT);
    }

    @Test
    void aTemplateWithoutNameIsRefusedWith64() {
        ObjectNode content = object("type", "template");
        content.putObject("template").putObject("language").put("code", "en_US");

        assertRefused("application/json", content, Reason.INVALID_ARGUMENT);
    }

    @Test
    void aTemplateWithoutLanguageCodeIsRefusedWith64() {
        ObjectNode content = object("type", "template");
        content.putObject("template").put("name", "hello_world").putObject("language").put("policy", "deterministic");

        assertRefused("application/json", content, Reason.INVALID_ARGUMENT);
    }

    @Test
    void anHsmWithoutElementNameIsRefusedWith64() {
        ObjectNode content = object("type", "hsm");
        content.set("hsm", object("fallback_lg", "pt", "fallback_lc", "BR"));

        assertRefused("application/json", content, Reason.INVALID_ARGUMENT);
    }

    @Test
    void anHsmWithoutItsLanguageIsRefusedWith64() {
        ObjectNode content = object("type", "hsm");
        content.set("hsm", object("element_name", "welcome", "fallback_lg", "pt"));

        assertRefused("application/json", content, Reason.INVALID_ARGUMENT);
    }

    @Test
    void anUnknownLimeTypeIsRefusedWith71NamingIt() {
        Refusal refusal = assertRefused("application/vnd.lime.redirect+json", object("address", "atendimento"),
                Reason.UNSUPPORTED_CONTENT_TYPE);

        assertThat(refusal.description()).contains("application/vnd.lime.redirect+json");
    }

    @Test
    void jsonWithAnUnknownContentTypeIsRefusedWith71NamingIt() {
        Refusal refusal = assertRefused("application/json", object("type", "carousel"), Reason.UNSUPPORTED_CONTENT_TYPE);

        assertThat(refusal.description()).contains("carousel");
    }

    @Test
    void jsonWithoutAContentTypeIsRefusedWith71() {
        assertRefused("application/json", object("name", "hello_world"), Reason.UNSUPPORTED_CONTENT_TYPE);
    }

    @Test
    void aMessageWithoutContentIsRefusedWith21() {
        Refusal refusal = assertRefused("text/plain", null, Reason.VALIDATION_ERROR);

        assertThat(refusal.description()).isEqualTo("The message has no content.");
        assertRefused("text/plain", NullNode.getInstance(), Reason.VALIDATION_ERROR);
        assertRefused("application/json", MissingNode.getInstance(), Reason.VALIDATION_ERROR);
    }

    @Test
    void coordinatesOutOfRangeOrMissingAreRefusedWith64() {
        ObjectNode north = JSON.createObjectNode();
        north.put("latitude", 90.5);
        north.put("longitude", 0);
        ObjectNode west = JSON.createObjectNode();
        west.put("latitude", 0);
        west.put("longitude", -180.1);
        ObjectNode missing = JSON.createObjectNode();
        missing.put("longitude", 10);

        assertRefused("application/vnd.lime.location+json", north, Reason.INVALID_ARGUMENT);
        assertRefused("application/vnd.lime.location+json", west, Reason.INVALID_ARGUMENT);
        assertRefused("application/vnd.lime.location+json", missing, Reason.INVALID_ARGUMENT);
    }

    @Test
    void mediaWithoutAnHttpUriIsRefusedWith64() {
        assertRefused("application/vnd.lime.media-link+json", object("type", "image/jpeg"), Reason.INVALID_ARGUMENT);
        assertRefused("application/vnd.lime.media-link+json",
                object("type", "image/jpeg", "uri", "ftp://example.com/a.jpg"), Reason.INVALID_ARGUMENT);
    }

    @Test
    void mediaWithoutAMimeTypeIsRefusedWith64() {
        assertRefused("application/vnd.lime.media-link+json", object("uri", "https://example.com/a.jpg"),
                Reason.INVALID_ARGUMENT);
    }

    @Test
    void aReactionWithoutTheMessageIdIsRefusedWith64() {
        ObjectNode reaction = object("emoji", "👍");
        reaction.putObject("inReactionTo");

        assertRefused("application/vnd.lime.reaction+json", reaction, Reason.INVALID_ARGUMENT);
    }

    // helpers ------------------------------------------------------------------------------------

    private RenderedMessage render(String type, JsonNode content) {
        return render(type, content, Map.of());
    }

    private RenderedMessage render(String type, JsonNode content, Map<String, String> metadata) {
        return renderer.render(parser.parse(type, content, metadata), metadata);
    }

    /** Asserts the refusal and its reason; a null reason asserts the message renders. */
    private Refusal assertRefused(String type, JsonNode content, Reason reason) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> render(type, content));
        if (reason == null) {
            assertThat(refusal).isNull();
            return null;
        }
        assertThat(refusal).as("a refusal").isNotNull();
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal.description()).endsWith(".").doesNotContain("\n");
        return refusal;
    }

    private static ObjectNode select(int options) {
        ObjectNode select = object("text", "Pick one");
        ArrayNode list = select.putArray("options");
        for (int i = 1; i <= options; i++) {
            list.add(object("text", "Option " + i, "value", "o" + i));
        }
        return select;
    }

    private static ObjectNode object(String... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }

    private static JsonNode payload(RenderedMessage message) {
        try {
            return JSON.readTree(message.payloadJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of Meta's request examples, without the fields the sender adds. */
    private static ObjectNode example(String name) {
        JsonNode example = EXAMPLES.get(name);
        assertThat(example).as("Meta example " + name).isNotNull();
        ObjectNode copy = example.deepCopy();
        copy.remove("messaging_product");
        copy.remove("recipient_type");
        copy.remove("to");
        return copy;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = OutboundRendererTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
