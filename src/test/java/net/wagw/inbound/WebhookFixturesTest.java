package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import net.wagw.testing.WireMockResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Meta's own example payloads (the Cloud API reference) through the whole webhook path: each
 * reaches the bot as the LIME type docs/contracts.md §3.5 gives it (the exact envelopes are held by
 * InboundRendererTest); plus a full batch and a Click-to-WhatsApp entry point.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class WebhookFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LocalGateway gateway;
    @Inject
    net.wagw.testing.WorkQueueDrain drain;
    @Inject
    WindowStore windows;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    net.wagw.testing.TestClock clock;
    @Inject
    net.wagw.domain.delivery.Outbox outbox;
    @Inject
    net.wagw.domain.bot.BotDirectory bots;

    @BeforeEach
    void botTakesEverything() {
        WireMockResource.server().resetAll();
        WireMockResource.server().stubFor(post(urlPathEqualTo("/bot-a/messages")).willReturn(aResponse().withStatus(200)));
    }

    /** A fixture made ours: bot-a's number, a fresh wamid, a current timestamp. */
    private static ObjectNode fixture(String name, String wamid) throws IOException {
        try (InputStream in = WebhookFixturesTest.class.getResourceAsStream("/webhooks/" + name)) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            ObjectNode value = (ObjectNode) root.path("entry").path(0).path("changes").path(0).path("value");
            ((ObjectNode) value.path("metadata")).put("phone_number_id", Webhooks.PHONE_A);
            ObjectNode message = (ObjectNode) value.path("messages").path(0);
            message.put("id", wamid);
            message.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
            return root;
        }
    }

    private static JsonNode forwarded(String wamid) {
        net.wagw.testing.WorkQueueDrain.drainQueue();
        var requests = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo("/bot-a/messages"))).stream()
                .map(r -> read(r.getBodyAsString())).filter(m -> m.path("id").asText().equals(wamid)).toList();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "meta-text.json, text/plain",
            "meta-text-product-inquiry.json, text/plain",
            "meta-image.json, application/vnd.lime.media-link+json",
            "video.json, application/vnd.lime.media-link+json",
            "audio.json, application/vnd.lime.media-link+json",
            "document.json, application/vnd.lime.media-link+json",
            "sticker.json, application/vnd.lime.media-link+json",
            "meta-location.json, application/vnd.lime.location+json",
            "meta-reaction.json, application/vnd.lime.reaction+json",
            "meta-interactive-button-reply.json, application/vnd.lime.reply+json",
            "meta-interactive-list-reply.json, application/vnd.lime.reply+json",
            "meta-button.json, application/vnd.lime.reply+json",
            "meta-contacts.json, application/vnd.lime.contact+json",
            "meta-system.json, application/json",
            "meta-unsupported.json, application/json",
            "meta-order.json, application/json",
            "interactive-nfm-reply.json, application/json",
    })
    void eachKindOfMessageReachesTheBotAsItsLimeType(String name, String limeType) throws IOException {
        String wamid = "wamid.FIX." + name;
        String payload = JSON.writeValueAsString(fixture(name, wamid));

        Webhooks.post(gateway.port(), payload).statusCode(200);

        JsonNode message = forwarded(wamid);
        assertThat(message.path("type").asText()).isEqualTo(limeType);
        assertThat(message.path("to").asText()).isEqualTo("bot-a@msging.net");
        assertThat(message.path("metadata").path("#wa.phone_number_id").asText()).isEqualTo(Webhooks.PHONE_A);
        if (name.startsWith("interactive-nfm")) {
            // a flow's answer is its parsed response_json
            assertThat(message.path("content").path("flow_token").isTextual()).isTrue();
        } else if (limeType.equals("application/json")) {
            assertThat(message.path("content").path("id").asText()).isEqualTo(wamid);
        }
    }

    @Test
    void aClickToWhatsAppAdOpensTheWindowAndItsReferralReachesTheBot() throws IOException {
        ObjectNode payload = fixture("meta-text-click-to-whatsapp-ad.json", "wamid.FIX.CTWA");
        JsonNode message = payload.path("entry").path(0).path("changes").path(0).path("value").path("messages").path(0);
        Instant sent = Instant.ofEpochSecond(message.path("timestamp").asLong());
        var customer = new PhoneNumbers(new LibPhoneNumberPlan()).contactKeyOfWaId(message.path("from").asText());

        Webhooks.post(gateway.port(), JSON.writeValueAsString(payload)).statusCode(200);

        assertThat(windows.lastInbound(Bots.A, customer)).contains(sent);
        assertThat(forwarded("wamid.FIX.CTWA").path("metadata").has("#wa.referral.source_url")).isTrue();
    }

    @Test
    void aBatchOfAThousandMessagesIsStoredWholeBeforeMetaIsAnswered() throws IOException {
        ObjectNode root = fixture("meta-text.json", "unused");
        ObjectNode value = (ObjectNode) root.path("entry").path(0).path("changes").path(0).path("value");
        ObjectNode template = (ObjectNode) value.path("messages").path(0);
        ArrayNode messages = value.putArray("messages");
        for (int i = 0; i < 1000; i++) {
            messages.add(template.deepCopy().put("id", "wamid.BATCH." + i));
        }
        String payload = JSON.writeValueAsString(root);
        int before = TableSnapshot.of(dynamo).get("deliveries").size();

        Webhooks.post(gateway.port(), payload).statusCode(200);

        long stored = TableSnapshot.of(dynamo).get("deliveries").stream()
                .filter(item -> item.get("id").s().startsWith("message:wamid.BATCH.")).count();
        assertThat(stored).isEqualTo(1000);
        assertThat(TableSnapshot.of(dynamo).get("deliveries").size() - before).isEqualTo(1000);
        // and Meta's retry of the same batch stores nothing more
        Webhooks.post(gateway.port(), payload).statusCode(200);
        assertThat(TableSnapshot.of(dynamo).get("deliveries").size() - before).isEqualTo(1000);

        // dispatch delivers from the queue: each message reaches the bot once
        drain.drain();
        var reached = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo("/bot-a/messages"))).stream()
                .map(r -> read(r.getBodyAsString()).path("id").asText()).filter(id -> id.startsWith("wamid.BATCH."))
                .toList();
        assertThat(reached).hasSize(1000).doesNotHaveDuplicates();
    }
}
