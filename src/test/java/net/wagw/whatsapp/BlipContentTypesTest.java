package net.wagw.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.send.Fingerprint;
import net.wagw.domain.send.MessageKind;
import net.wagw.domain.send.RenderedMessage;
import net.wagw.domain.send.TemplateUse;
import net.wagw.lime.LimeContentParser;

/**
 * The content types BLiP documents (takenet/blip-docs, {@code content-types/}) in the shapes it
 * documents them, each to the exact Cloud API body Meta receives or to a refusal naming the rule
 * (docs/contracts.md §3.3). Fixtures are this project's own envelopes in those shapes.
 */
class BlipContentTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LimeContentParser parser = new LimeContentParser(JSON);
    private final OutboundRenderer renderer = new OutboundRenderer(JSON);

    // select (menu and quick reply) ------------------------------------------------------------

    @Test
    void aMenuOfThreeIsThreeReplyButtonsIdentifiedByValueOrderOrPosition() {
        RenderedMessage message = render("application/vnd.lime.select+json", """
                {"text": "What would you like?",
                 "options": [{"text": "Order a pizza"},
                             {"order": 2, "text": "Track my order"},
                             {"order": 3, "text": "Talk to us", "type": "application/json",
                              "value": {"intent": "human", "priority": 1}}]}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "button",
                 "body": {"text": "What would you like?"},
                 "action": {"buttons": [
                   {"type": "reply", "reply": {"id": "1", "title": "Order a pizza"}},
                   {"type": "reply", "reply": {"id": "2", "title": "Track my order"}},
                   {"type": "reply", "reply": {"id": "{\\"intent\\":\\"human\\",\\"priority\\":1}",
                                               "title": "Talk to us"}}]}}}"""));
        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
    }

    @Test
    void aQuickReplySelectIsTheSameButtons() {
        RenderedMessage menu = render("application/vnd.lime.select+json", """
                {"text": "Pick", "options": [{"text": "Yes", "value": "y"}, {"text": "No", "value": "n"}]}""");
        RenderedMessage quick = render("application/vnd.lime.select+json", """
                {"scope": "immediate", "text": "Pick",
                 "options": [{"text": "Yes", "value": "y"}, {"text": "No", "value": "n"}]}""");

        assertThat(only(quick)).isEqualTo(only(menu));
    }

    // document-select (multimedia menu) --------------------------------------------------------

    @Test
    void aMultimediaMenuIsAnImageHeaderWithReplyButtonsAndItsLinkInTheText() {
        RenderedMessage message = render("application/vnd.lime.document-select+json", """
                {"header": {"type": "application/vnd.lime.media-link+json",
                            "value": {"title": "Summer shoes", "text": "Light and cheap.", "type": "image/jpeg",
                                      "uri": "https://shop.example.com/shoes.jpg", "aspectRatio": "1:1"}},
                 "options": [{"label": {"type": "application/vnd.lime.web-link+json",
                                        "value": {"text": "See the shop", "uri": "https://shop.example.com/"}}},
                             {"label": {"type": "text/plain", "value": "Sizes"},
                              "value": {"type": "application/json", "value": {"action": "sizes"}}}]}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "button",
                 "header": {"type": "image", "image": {"link": "https://shop.example.com/shoes.jpg"}},
                 "body": {"text": "Light and cheap.\\nSee the shop\\nhttps://shop.example.com/"},
                 "action": {"buttons": [{"type": "reply",
                                         "reply": {"id": "{\\"action\\":\\"sizes\\"}", "title": "Sizes"}}]}}}"""));
    }

    @Test
    void aDocumentSelectWithOneLinkIsALinkButtonUnderItsImage() {
        RenderedMessage message = render("application/vnd.lime.document-select+json", """
                {"header": {"type": "application/vnd.lime.media-link+json",
                            "value": {"text": "Our new menu", "type": "image/png", "uri": "https://example.com/m.png"}},
                 "options": [{"label": {"type": "application/vnd.lime.web-link+json",
                                        "value": {"title": "Open menu", "uri": "https://example.com/menu"}}}]}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "cta_url",
                 "header": {"type": "image", "image": {"link": "https://example.com/m.png"}},
                 "body": {"text": "Our new menu"},
                 "action": {"name": "cta_url",
                            "parameters": {"display_text": "Open menu", "url": "https://example.com/menu"}}}}"""));
    }

    // collection -------------------------------------------------------------------------------

    @Test
    void aCollectionOfTextsIsOneTextPerItemInOrder() {
        RenderedMessage message = render("application/vnd.lime.collection+json", """
                {"itemType": "text/plain", "items": ["First", "Second", "Third"]}""");

        assertThat(message.payloads()).extracting(BlipContentTypesTest::tree).containsExactly(
                tree("{\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"First\"}}"),
                tree("{\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Second\"}}"),
                tree("{\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Third\"}}"));
        assertThat(message.kind()).isEqualTo(MessageKind.SESSION);
    }

    @Test
    void aCollectionOfContainersIsEachDocumentInOrder() {
        RenderedMessage message = render("application/vnd.lime.collection+json", """
                {"itemType": "application/vnd.lime.container+json",
                 "items": [{"type": "application/vnd.lime.media-link+json",
                            "value": {"text": "Welcome!", "type": "image/jpeg", "uri": "https://example.com/w.jpg"}},
                           {"type": "application/vnd.lime.select+json",
                            "value": {"text": "How can we help?",
                                      "options": [{"order": 1, "text": "Stock"}, {"order": 2, "text": "Orders"}]}}]}""");

        assertThat(message.payloads()).hasSize(2);
        assertThat(tree(message.payloads().get(0)).path("type").asText()).isEqualTo("image");
        assertThat(tree(message.payloads().get(1)).path("interactive").path("type").asText()).isEqualTo("button");
        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
    }

    @Test
    void aCollectionOfDocumentSelectsWithImagesIsACarouselOfLinkCards() {
        RenderedMessage message = render("application/vnd.lime.collection+json", """
                {"itemType": "application/vnd.lime.document-select+json",
                 "items": [%s, %s]}""".formatted(linkCard("Red", "https://example.com/r"),
                linkCard("Blue", "https://example.com/b")), Map.of("#wa.carousel.text", "Our colours"));

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "carousel", "body": {"text": "Our colours"},
                 "action": {"cards": [
                   {"card_index": 0, "type": "cta_url",
                    "header": {"type": "image", "image": {"link": "https://example.com/Red.jpg"}},
                    "body": {"text": "Red"},
                    "action": {"name": "cta_url", "parameters": {"display_text": "Buy", "url": "https://example.com/r"}}},
                   {"card_index": 1, "type": "cta_url",
                    "header": {"type": "image", "image": {"link": "https://example.com/Blue.jpg"}},
                    "body": {"text": "Blue"},
                    "action": {"name": "cta_url", "parameters": {"display_text": "Buy", "url": "https://example.com/b"}}}
                 ]}}}"""));
    }

    @Test
    void carouselCardsOfQuickRepliesCarryTheirOptions() {
        RenderedMessage message = render("application/vnd.lime.collection+json", """
                {"itemType": "application/vnd.lime.document-select+json", "items": [%s, %s]}"""
                .formatted(replyCard("Red", "red"), replyCard("Blue", "blue")));

        JsonNode cards = only(message).path("interactive").path("action").path("cards");
        assertThat(only(message).path("interactive").path("body").path("text").asText()).isEqualTo("Red");
        assertThat(cards.get(1)).isEqualTo(tree("""
                {"card_index": 1, "type": "button",
                 "header": {"type": "image", "image": {"link": "https://example.com/Blue.jpg"}},
                 "body": {"text": "Blue"},
                 "action": {"buttons": [{"type": "quick_reply", "quick_reply": {"id": "blue", "title": "I want it"}}]}}"""));
    }

    @Test
    void aCarouselOfElevenCardsIsRefusedNamingMetasLimit() {
        String cards = String.join(",", java.util.Collections.nCopies(11, linkCard("Red", "https://example.com/r")));
        Refusal refusal = refused("application/vnd.lime.collection+json",
                "{\"itemType\":\"application/vnd.lime.document-select+json\",\"items\":[" + cards + "]}",
                Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).isEqualTo("A carousel holds 2 to 10 cards; this one has 11.");
    }

    @Test
    void carouselCardsOfMixedShapesAreRefused() {
        Refusal refusal = refused("application/vnd.lime.collection+json", """
                {"itemType": "application/vnd.lime.document-select+json", "items": [%s, %s]}"""
                .formatted(linkCard("Red", "https://example.com/r"), replyCard("Blue", "blue")), Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).contains("same buttons").contains("one link button").contains("1 quick reply");
    }

    @Test
    void aCollectionWhoseThirdItemBreaksARuleIsRefusedWhole() {
        Refusal refusal = refused("application/vnd.lime.collection+json", """
                {"itemType": "application/vnd.lime.container+json",
                 "items": [{"type": "text/plain", "value": "One"}, {"type": "text/plain", "value": "Two"},
                           {"type": "application/vnd.lime.web-link+json", "value": {"uri": "ftp://example.com/x"}}]}""",
                Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).startsWith("Item 3 of the collection: ");
    }

    // web-link, input --------------------------------------------------------------------------

    @Test
    void aWebLinkIsALinkButtonUnderItsText() {
        RenderedMessage message = render("application/vnd.lime.web-link+json", """
                {"uri": "https://example.com/docs", "target": "self", "text": "Here are the docs"}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "cta_url", "body": {"text": "Here are the docs"},
                 "action": {"name": "cta_url",
                            "parameters": {"display_text": "Open link", "url": "https://example.com/docs"}}}}"""));
        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
    }

    @Test
    void aWebLinkInTextStyleIsATextWithItsPreview() {
        RenderedMessage message = render("application/vnd.lime.web-link+json", """
                {"uri": "https://example.com/docs", "title": "Docs", "text": "Read them"}""",
                Map.of("#wa.web-link.style", "text"));

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "text", "text": {"preview_url": true, "body": "Docs\\nRead them\\nhttps://example.com/docs"}}"""));
        assertThat(message.kind()).isEqualTo(MessageKind.SESSION);
    }

    @Test
    void aWebLinkTitleLongerThanTwentyIsRefused() {
        Refusal refusal = refused("application/vnd.lime.web-link+json", """
                {"uri": "https://example.com", "title": "Twenty-one characters"}""", Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).contains("20").contains("Twenty-one characters");
    }

    @Test
    void aWebLinkWithoutAnHttpUriIsRefused() {
        refused("application/vnd.lime.web-link+json", "{\"uri\": \"\", \"text\": \"x\"}", Reason.INVALID_ARGUMENT);
        Refusal refusal = refused("application/vnd.lime.web-link+json", "{\"uri\": \"javascript:alert(1)\"}",
                Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).contains("http or https");
    }

    @Test
    void aLocationInputIsALocationRequest() {
        RenderedMessage message = render("application/vnd.lime.input+json", """
                {"label": {"type": "text/plain", "value": "Where are you?"},
                 "validation": {"rule": "type", "type": "application/vnd.lime.location+json"}}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "location_request_message",
                 "body": {"text": "Where are you?"}, "action": {"name": "send_location"}}}"""));
    }

    @Test
    void aTextInputIsItsLabel() {
        RenderedMessage message = render("application/vnd.lime.input+json", """
                {"label": {"type": "text/plain", "value": "Your name?"}, "validation": {"rule": "text"}}""");

        assertThat(only(message)).isEqualTo(tree("{\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Your name?\"}}"));
    }

    // list, contact, chatstate -----------------------------------------------------------------

    @Test
    void aListIsATextOfItsHeaderAndItems() {
        RenderedMessage message = render("application/vnd.lime.list+json", """
                {"header": {"type": "application/vnd.lime.web-link+json",
                            "value": {"title": "Shirts", "text": "All colours", "uri": "https://example.com/s"}},
                 "items": [{"type": "application/vnd.lime.web-link+json",
                            "value": {"title": "White", "uri": "https://example.com/w"}},
                           {"type": "text/plain", "value": "More soon"}]}""");

        assertThat(only(message).path("text").path("body").asText())
                .isEqualTo("Shirts\nAll colours\nhttps://example.com/s\nWhite\nhttps://example.com/w\nMore soon");
    }

    @Test
    void aContactIsAContactsMessage() {
        RenderedMessage message = render("application/vnd.lime.contact+json", """
                {"identity": "5531988887777@wa.gw.msging.net", "name": "Ana Souza", "phoneNumber": "+5531988887777",
                 "email": "ana@example.com"}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "contacts", "contacts": [{"name": {"formatted_name": "Ana Souza", "first_name": "Ana",
                                                            "last_name": "Souza"},
                                                   "phones": [{"phone": "+5531988887777"}],
                                                   "emails": [{"email": "ana@example.com"}]}]}"""));
    }

    @Test
    void composingTakesNoMessageOfItsOwn() {
        RenderedMessage message = render("application/vnd.lime.chatstate+json", "{\"state\": \"composing\"}");

        assertThat(message.payloads()).isEmpty();
    }

    // reactions --------------------------------------------------------------------------------

    @Test
    void aReactionIsTheSameWhetherItsEmojiIsCodePointsOrAString() {
        RenderedMessage points = render("application/vnd.lime.reaction+json", """
                {"emoji": {"values": [10084, 65039]}, "inReactionTo": {"id": "wamid.IN1"}}""");
        RenderedMessage string = render("application/vnd.lime.reaction+json", """
                {"emoji": "\u2764\ufe0f", "inReactionTo": {"id": "wamid.IN1"}}""");

        assertThat(only(points)).isEqualTo(tree("""
                {"type": "reaction", "reaction": {"message_id": "wamid.IN1", "emoji": "\u2764\ufe0f"}}"""));
        assertThat(only(string)).isEqualTo(only(points));
        assertThat(Fingerprint.of("x", points.content(), Map.of())).isEqualTo(Fingerprint.of("x", string.content(),
                Map.of()));
    }

    // application/json: Cloud API objects and templates ----------------------------------------

    @Test
    void aCloudApiObjectPassesThroughWithoutTheAddressing() {
        RenderedMessage message = render("application/json", """
                {"messaging_product": "whatsapp", "to": "someone-else", "type": "interactive",
                 "interactive": {"type": "flow", "body": {"text": "Book"},
                                 "action": {"name": "flow", "parameters": {"flow_id": "123", "flow_cta": "Book"}}}}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "interactive", "interactive": {"type": "flow", "body": {"text": "Book"},
                 "action": {"name": "flow", "parameters": {"flow_id": "123", "flow_cta": "Book"}}}}"""));
        assertThat(message.kind()).isEqualTo(MessageKind.INTERACTIVE);
    }

    @Test
    void aCloudApiObjectOfAnUnknownTypeIsRefusedWith71() {
        Refusal object = refused("application/json", "{\"type\": \"hologram\", \"hologram\": {}}",
                Reason.UNSUPPORTED_CONTENT_TYPE);
        Refusal interactive = refused("application/json",
                "{\"type\": \"interactive\", \"interactive\": {\"type\": \"poll\"}}", Reason.UNSUPPORTED_CONTENT_TYPE);

        assertThat(object.description()).contains("hologram");
        assertThat(interactive.description()).contains("poll");
    }

    @Test
    void aNativeCarouselOfOneCardIsRefused() {
        Refusal refusal = refused("application/json", """
                {"type": "interactive", "interactive": {"type": "carousel", "body": {"text": "x"},
                 "action": {"cards": [{"card_index": 0}]}}}""", Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).contains("2 to 10 cards");
    }

    @Test
    void templateParameterKeysWrittenCapitalisedAreLowerCasedAndNamespaceIsIgnored() {
        RenderedMessage message = render("application/json", """
                {"type": "template", "template": {"namespace": "0ae1d2c4_abcd", "name": "order_ready",
                 "language": {"code": "pt_BR", "policy": "deterministic"},
                 "components": [{"Type": "body", "Parameters": [{"Type": "text", "Text": "Ana"}]}]}}""");

        assertThat(only(message)).isEqualTo(tree("""
                {"type": "template", "template": {"name": "order_ready",
                 "language": {"policy": "deterministic", "code": "pt_BR"},
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}]}}"""));
        assertThat(message.template()).contains(new TemplateUse("order_ready", "pt_BR", Map.of("body", 1)));
    }

    @Test
    void anHsmMayNameItsLanguageWithALanguageObject() {
        RenderedMessage message = render("application/json", """
                {"type": "hsm", "hsm": {"namespace": "0ae1d2c4_abcd", "element_name": "welcome",
                 "language": {"policy": "deterministic", "code": "pt_BR"},
                 "localizable_params": [{"default": "Ana"}]}}""");

        assertThat(message.template()).contains(new TemplateUse("welcome", "pt_BR", Map.of("body", 1)));
        assertThat(only(message).path("template").path("components")).isEqualTo(tree("""
                [{"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}]"""));
    }

    @Test
    void aTemplateInsideACollectionIsRefused() {
        Refusal refusal = refused("application/vnd.lime.collection+json", """
                {"itemType": "application/json",
                 "items": [{"type": "template", "template": {"name": "t", "language": {"code": "en"}}}]}""",
                Reason.INVALID_ARGUMENT);

        assertThat(refusal.description()).contains("templates on their own");
    }

    @Test
    void blipInternalTypesAreRefusedWith71NamingThem() {
        for (String type : List.of("application/vnd.lime.redirect+json", "application/vnd.lime.resource+json",
                "application/vnd.lime.payment-invoice+json")) {
            assertThat(refused(type, "{\"address\": \"x\"}", Reason.UNSUPPORTED_CONTENT_TYPE).description())
                    .contains(type);
        }
    }

    // helpers ----------------------------------------------------------------------------------

    private static String linkCard(String name, String uri) {
        return """
                {"header": {"type": "application/vnd.lime.media-link+json",
                            "value": {"text": "%1$s", "type": "image/jpeg", "uri": "https://example.com/%1$s.jpg"}},
                 "options": [{"label": {"type": "application/vnd.lime.web-link+json",
                                        "value": {"title": "Buy", "uri": "%2$s"}}}]}""".formatted(name, uri);
    }

    private static String replyCard(String name, String value) {
        return """
                {"header": {"type": "application/vnd.lime.media-link+json",
                            "value": {"text": "%1$s", "type": "image/jpeg", "uri": "https://example.com/%1$s.jpg"}},
                 "options": [{"label": {"type": "text/plain", "value": "I want it"},
                              "value": {"type": "text/plain", "value": "%2$s"}}]}""".formatted(name, value);
    }

    private RenderedMessage render(String type, String content) {
        return render(type, content, Map.of());
    }

    private RenderedMessage render(String type, String content, Map<String, String> metadata) {
        return renderer.render(parser.parse(type, tree(content), metadata), metadata);
    }

    private Refusal refused(String type, String content, Reason reason) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> render(type, content));
        assertThat(refusal).as("a refusal").isNotNull();
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal.description()).endsWith(".").doesNotContain("\n");
        return refusal;
    }

    private static JsonNode only(RenderedMessage message) {
        return tree(message.payloadJson());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
