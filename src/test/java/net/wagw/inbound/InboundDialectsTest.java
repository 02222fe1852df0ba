package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WorkQueueDrain;
import net.wagw.testing.WireMockResource;

/**
 * Each inbound message type of Meta's webhook examples (the Cloud API reference, in
 * {@code webhooks/}) through the signed webhook route to two bots, one per reply dialect
 * (docs/contracts.md §3.5): the exact LIME envelope each receives, from the fixtures in
 * {@code inbound/lime/}. Where a fixture's message answers one the bot sent ({@code sent}), the bot
 * sends it first through {@code POST /messages} and Meta acknowledges it with the wamid the answer
 * names. In the expected envelopes {@code $WAMID}, {@code $TIMESTAMP}, {@code $BOT} and
 * {@code $PHONE} stand for the message's wamid and time, the bot's node and its number; a fixture
 * without {@code select} expects the same envelope in both dialects.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class InboundDialectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_KEY = "test-admin-key";
    private static final String CUSTOMER = "16505551234";
    private static final List<Dialect> DIALECTS = List.of(new Dialect("reply", "bot-dr", "1110006"),
            new Dialect("select", "bot-ds", "1110007"));

    private record Dialect(String name, String bot, String phone) {
        String key() {
            return Bots.key(bot, bot + "-key");
        }
    }

    @Inject
    LocalGateway gateway;
    @Inject
    BotDirectory bots;

    @BeforeEach
    void botsOfBothDialects() {
        var wiremock = WireMockResource.server();
        wiremock.resetAll();
        for (Dialect dialect : DIALECTS) {
            wiremock.stubFor(post(urlPathEqualTo("/" + dialect.bot() + "/messages")).willReturn(aResponse().withStatus(200)));
            wiremock.stubFor(post(urlPathEqualTo("/" + dialect.bot() + "/notifications"))
                    .willReturn(aResponse().withStatus(200)));
            given().port(gateway.port()).header("X-Wagw-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON)
                    .body("{\"accessKeySha256\":\"" + sha256(dialect.bot() + "-key") + "\",\"phoneNumberId\":\""
                            + dialect.phone() + "\",\"messagesUrl\":\"" + wiremock.baseUrl() + "/" + dialect.bot()
                            + "/messages\",\"notificationsUrl\":\"" + wiremock.baseUrl() + "/" + dialect.bot()
                            + "/notifications\",\"callbackSecretRef\":\"wagw.bots.bot-a.callback-secret\","
                            + "\"requireOptIn\":false,\"inboundReplies\":\"" + dialect.name() + "\"}")
                    .put("/admin/bots/" + dialect.bot()).then().statusCode(200);
        }
        bots.reread();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "meta-text.json", "meta-text-product-inquiry.json", "meta-text-click-to-whatsapp-ad.json",
            "meta-reaction.json", "meta-image.json", "meta-location.json", "meta-contacts.json",
            "meta-unsupported.json", "meta-button.json", "meta-interactive-list-reply.json",
            "meta-interactive-button-reply.json", "meta-order.json", "meta-system.json", "video.json", "audio.json",
            "document.json", "sticker.json", "interactive-nfm-reply.json" })
    void eachMessageReachesEachBotAsTheExactEnvelopeOfItsReplyDialect(String webhook) {
        JsonNode expected = resource("/inbound/lime/" + webhook);
        for (Dialect dialect : DIALECTS) {
            String wamid = "wamid.DIALECT." + dialect.name() + "." + webhook;
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            ObjectNode payload = (ObjectNode) resource("/webhooks/" + webhook);
            ObjectNode value = (ObjectNode) payload.path("entry").path(0).path("changes").path(0).path("value");
            ((ObjectNode) value.path("metadata")).put("phone_number_id", dialect.phone());
            ObjectNode message = (ObjectNode) value.path("messages").path(0);
            if (expected.has("sent")) {
                botSent(dialect, webhook, expected.path("sent"), answered(message));
            }
            message.put("id", wamid);
            message.put("timestamp", timestamp);

            Webhooks.post(gateway.port(), payload.toString()).statusCode(200);

            JsonNode envelope = expected.has(dialect.name()) ? expected.path(dialect.name()) : expected.path("reply");
            String filled = envelope.toString().replace("$WAMID", wamid).replace("$TIMESTAMP", timestamp)
                    .replace("$BOT", dialect.bot() + "@msging.net").replace("$PHONE", dialect.phone());
            assertThat(delivered(dialect, wamid)).as(dialect.name() + " dialect").isEqualTo(read(filled));
        }
    }

    @Test
    void tappingOptionTwoGivesEachDialectOptionTwosTypedValue() {
        JsonNode select = read("""
                {"type": "application/vnd.lime.select+json",
                 "content": {"text": "Something to drink?", "options": [{"order": 1, "text": "Water"},
                   {"order": 2, "text": "Juice", "type": "application/json", "value": {"drink": "juice", "size": 2}}]}}""");
        for (Dialect dialect : DIALECTS) {
            String sentWamid = "wamid.SELECT.OUT." + dialect.name();
            botSent(dialect, "typed-tap", select, sentWamid);
            String optionTwo = WireMockResource.server()
                    .findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + dialect.phone() + "/messages"))).stream()
                    .map(r -> read(r.getBodyAsString())).filter(b -> b.path("to").asText().equals(CUSTOMER))
                    .reduce((first, second) -> second).orElseThrow()
                    .path("interactive").path("action").path("buttons").get(1).path("reply").path("id").asText();
            String wamid = "wamid.SELECT.TAP." + dialect.name();

            Webhooks.post(gateway.port(), Webhooks.envelope(dialect.phone(), "\"messages\":[{\"from\":\"" + CUSTOMER
                    + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                    + "\",\"type\":\"interactive\",\"context\":{\"from\":\"15550783881\",\"id\":\"" + sentWamid
                    + "\"},\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":"
                    + JSON.valueToTree(optionTwo) + ",\"title\":\"Juice\"}}}]")).statusCode(200);

            JsonNode got = delivered(dialect, wamid);
            JsonNode value = read("{\"drink\":\"juice\",\"size\":2}");
            if (dialect.name().equals("select")) {
                assertThat(got.path("type").asText()).isEqualTo("application/json");
                assertThat(got.path("content")).isEqualTo(value);
            } else {
                assertThat(got.path("type").asText()).isEqualTo("application/vnd.lime.reply+json");
                assertThat(got.path("content").path("replied")).isEqualTo(read(
                        "{\"type\":\"application/json\",\"value\":" + value + "}"));
                assertThat(got.path("content").path("inReplyTo").path("id").asText()).isEqualTo("sent-typed-tap");
            }
        }
    }

    /** The wamid of the bot's message this one answers: what it quotes or reacts to. */
    private static String answered(JsonNode message) {
        JsonNode reacted = message.path("reaction").path("message_id");
        return reacted.isTextual() ? reacted.asText() : message.path("context").path("id").asText();
    }

    /** The customer wrote (opening the window), the bot sent {@code sent}, Meta named it {@code wamid}. */
    private void botSent(Dialect dialect, String webhook, JsonNode sent, String wamid) {
        String opening = Webhooks.envelope(dialect.phone(), "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},"
                + "\"wa_id\":\"" + CUSTOMER + "\"}],\"messages\":[{\"from\":\"" + CUSTOMER + "\",\"id\":\"wamid.OPEN."
                + dialect.name() + "." + webhook + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"text\":{\"body\":\"Oi\"},\"type\":\"text\"}]");
        Webhooks.post(gateway.port(), opening).statusCode(200);
        WireMockResource.server().stubFor(post(urlPathEqualTo("/v23.0/" + dialect.phone() + "/messages")).willReturn(
                okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + CUSTOMER + "\",\"wa_id\":\""
                        + CUSTOMER + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        ObjectNode envelope = ((ObjectNode) sent).deepCopy();
        envelope.put("id", "sent-" + webhook);
        envelope.put("to", CUSTOMER + "@wa.gw.msging.net");
        given().port(gateway.port()).header("Authorization", dialect.key()).contentType(ContentType.JSON)
                .body(envelope.toString()).post("/messages").then().statusCode(202);
    }

    private static JsonNode delivered(Dialect dialect, String wamid) {
        WorkQueueDrain.drainQueue(); // dispatch, as the queue's consumer runs it
        List<JsonNode> bodies = WireMockResource.server()
                .findAll(postRequestedFor(urlPathEqualTo("/" + dialect.bot() + "/messages"))).stream()
                .map(r -> read(r.getBodyAsString())).filter(b -> b.path("id").asText().equals(wamid)).toList();
        assertThat(bodies).as("deliveries of " + wamid).hasSize(1);
        return bodies.get(0);
    }

    private static JsonNode resource(String path) {
        try (InputStream in = InboundDialectsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
