package net.wagw.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.send.Template;

/**
 * Template definitions from Meta's published OpenAPI description of the Business Messaging API (v23.0),
 * path {@code /{Version}/{WABA-ID}/message_templates}, copied verbatim into
 * {@code whatsapp/meta-template-examples.json}: the GET "Example response" ({@code data[]} as the
 * catalog sync reads it) and the POST request examples, which have the same components a GET
 * returns once Meta knows the template; those lack id and status, which the tests add.
 */
class TemplateDefinitionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode EXAMPLES = load("/whatsapp/meta-template-examples.json");

    @Test
    void aTemplateWithoutPlaceholdersDeclaresNoParameters() {
        // GET "Example response", data[0]: hello_world, TEXT header, BODY and FOOTER without placeholders
        Template template = TemplateDefinitions.parse(EXAMPLES.get("GET Example response").get("data").get(0));

        assertThat(template).isEqualTo(new Template("hello_world", "en_US", "APPROVED", "MARKETING", Map.of()));
        assertThat(template.isApproved()).isTrue();
    }

    @Test
    void bodyPlaceholdersAreCountedAndQuickRepliesNeedNone() {
        // GET "Example response", data[1]: 2023_april_promo, body "Hi {{1}}, ... promo code {{2}} ..."
        Template template = TemplateDefinitions.parse(EXAMPLES.get("GET Example response").get("data").get(1));

        assertThat(template.name()).isEqualTo("2023_april_promo");
        assertThat(template.parameters()).isEqualTo(Map.of("body", 2));
    }

    @Test
    void aTextHeaderCountsItsPlaceholders() {
        // POST "Create template w/ text header, text body, text footer, and 2 quick reply buttons"
        Template template = parse("POST Create template w/ text header, text body, text footer, and 2 quick reply"
                + " buttons", "APPROVED");

        assertThat(template.name()).isEqualTo("seasonal_promotion_text_only");
        assertThat(template.language()).isEqualTo("en");
        assertThat(template.parameters()).isEqualTo(Map.of("header", 1, "body", 3));
    }

    @Test
    void anImageHeaderCountsOneAndAUrlButtonCountsItsPlaceholder() {
        // POST "Create template w/ image header, text body, text footer, and 2 call-to-action buttons":
        // IMAGE header, three body placeholders, PHONE_NUMBER button 0, URL button 1 ".../shop?promo={{1}}"
        Template template = parse("POST Create template w/ image header, text body, text footer, and 2"
                + " call-to-action buttons", "APPROVED");

        assertThat(template.name()).isEqualTo("limited_time_offer_tuscan_getaway_2023");
        assertThat(template.category()).isEqualTo("MARKETING");
        assertThat(template.parameters()).isEqualTo(Map.of("header", 1, "body", 3, "button:1", 1));
    }

    @Test
    void aDocumentHeaderCountsOneAndAFixedUrlButtonNone() {
        // POST "Create template w/ document header, text body, a phone number button, and a URL button"
        Template template = parse("POST Create template w/ document header, text body, a phone number button,"
                + " and a URL button", "PENDING");

        assertThat(template.name()).isEqualTo("order_confirmation");
        assertThat(template.isApproved()).isFalse();
        assertThat(template.parameters()).isEqualTo(Map.of("header", 1, "body", 2));
    }

    @Test
    void aLocationHeaderCountsOne() {
        // POST "Create template w/ location header, text body, text footer, and a website buttons"
        Template template = parse("POST Create template w/ location header, text body, text footer, and a website"
                + " buttons", "APPROVED");

        assertThat(template.parameters()).isEqualTo(Map.of("header", 1, "body", 2));
    }

    @Test
    void aMultiProductButtonNeedsItsSections() {
        // POST "Create multi-product message template": header "Forget something {{1}}?", body with {{1}}, MPM button
        Template template = parse("POST Create multi-product message template", "APPROVED");

        assertThat(template.parameters()).isEqualTo(Map.of("header", 1, "body", 1, "button:0", 1));
    }

    @Test
    void anAuthenticationTemplateWithACopyCodeButtonTakesTheCodeTwice() {
        // POST "Create authentication template w/ OTP copy code button": the body is Meta's preset
        // "{{1}} is your verification code." (no text in the definition), button 0 OTP COPY_CODE
        Template template = parse("POST Create authentication template w/ OTP copy code button", "APPROVED");

        assertThat(template.category()).isEqualTo("AUTHENTICATION");
        assertThat(template.parameters()).isEqualTo(Map.of("body", 1, "button:0", 1));
    }

    @Test
    void aOneTapAutofillButtonTakesTheCode() {
        // POST "Create authentication template w/ OTP one-tap autofill button", with the body text
        // a GET returns for it
        ObjectNode definition = definition("POST Create authentication template w/ OTP one-tap autofill button",
                "APPROVED");
        ((ObjectNode) definition.get("components").get(0)).put("text", "*{{1}}* is your verification code.");

        assertThat(TemplateDefinitions.parse(definition).parameters()).isEqualTo(Map.of("body", 1, "button:0", 1));
    }

    @Test
    void namedPlaceholdersCountOnceEach() {
        // Meta's named-parameter shape (parameter_format NAMED); the reference YAML has no example of it
        ObjectNode definition = JSON.createObjectNode();
        definition.put("name", "order_ready");
        definition.put("language", "pt_BR");
        definition.put("status", "APPROVED");
        definition.put("category", "UTILITY");
        definition.put("parameter_format", "NAMED");
        ObjectNode header = definition.putArray("components").addObject();
        header.put("type", "HEADER");
        header.put("format", "TEXT");
        header.put("text", "Order {{order_id}}");
        ObjectNode body = ((ArrayNode) definition.get("components")).addObject();
        body.put("type", "BODY");
        body.put("text", "Hi {{first_name}}, order {{order_id}} is ready. See you soon, {{ first_name }}!");

        Template template = TemplateDefinitions.parse(definition);

        assertThat(template.parameters()).isEqualTo(Map.of("header", 1, "body", 2));
    }

    @Test
    void aRepeatedNumberedPlaceholderCountsOnce() {
        assertThat(TemplateDefinitions.placeholders("{{1}} and {{2}}, then {{1}} again")).isEqualTo(2);
        assertThat(TemplateDefinitions.placeholders("no placeholder, {single} braces")).isZero();
    }

    @Test
    void aDefinitionWithoutStatusIsRejected() {
        ObjectNode definition = definition("POST Create multi-product message template", "APPROVED");
        definition.remove("status");

        assertThatThrownBy(() -> TemplateDefinitions.parse(definition))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
    }

    private static Template parse(String example, String status) {
        return TemplateDefinitions.parse(definition(example, status));
    }

    /** A POST request example as a GET would list it: with the status Meta gave it. */
    private static ObjectNode definition(String example, String status) {
        JsonNode node = EXAMPLES.get(example);
        assertThat(node).as("Meta example " + example).isNotNull();
        ObjectNode copy = node.deepCopy();
        copy.put("status", status);
        return copy;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = TemplateDefinitionsTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
