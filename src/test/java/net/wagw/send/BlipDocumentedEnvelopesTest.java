package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static net.wagw.send.SendingFixture.META_MESSAGES_B;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.json;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.metaSends;
import static net.wagw.send.SendingFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.inbound.Webhooks;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import net.wagw.testing.WireMockResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * BLiP's documented outbound envelopes (takenet/blip-docs, {@code content-types/} and the WhatsApp
 * integration page), in this project's own fixtures under {@code blip/outbound/}, each sent through
 * {@code POST /messages} to a customer whose window a real webhook opened: the exact bodies Meta
 * receives, in order, or the refusal with its reason and nothing sent or stored
 * (docs/contracts.md §3.3). The fixtures also hold LIME's reaction shapes and the bad input of the
 * newer types. {@code $CUSTOMER} stands for the fixture's customer, {@code $INBOUND} for the wamid
 * of that customer's message. (bot-b: no opt-in needed, an empty template catalog.)
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class BlipDocumentedEnvelopesTest {
    private static final String FIXTURES = "/blip/outbound";
    private static final String PHONE_B = "1110002";

    @Inject
    LocalGateway gateway;
    @Inject
    DynamoDbClient dynamo;

    @BeforeEach
    void reset() {
        meta().resetAll();
        botAccepts();
        meta().stubFor(post(urlPathEqualTo("/bot-b/messages")).willReturn(aResponse().withStatus(200)));
    }

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path directory = Path.of(BlipDocumentedEnvelopesTest.class.getResource(FIXTURES).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachEnvelopeReachesMetaAsItsExactBodiesOrIsRefusedWithItsReasonSendingAndStoringNothing(String name) {
        String number = name.substring(0, 2);
        String customer = "55319770080" + number;
        String inbound = "wamid.BLIP.IN." + number;
        JsonNode fixture = fixture(name, customer, inbound);
        if (fixture.path("window").asBoolean(true)) {
            customerWrites(customer, inbound);
        }
        metaSends(META_MESSAGES_B, "wamid.BLIP.OUT." + number, customer);
        Map<String, List<Map<String, AttributeValue>>> before = TableSnapshot.of(dynamo);
        ObjectNode envelope = ((ObjectNode) fixture.path("envelope")).deepCopy();
        envelope.put("id", "blip-" + number);
        envelope.put("to", customer + "@wa.gw.msging.net");

        var response = send(gateway.port(), Bots.B_KEY, envelope.toString());

        if (fixture.has("meta")) {
            response.statusCode(202).body("id", equalTo("blip-" + number));
            assertThat(metaReceived(customer, inbound)).containsExactlyElementsOf(fixture.path("meta"));
            return;
        }
        JsonNode refused = fixture.path("refused");
        response.statusCode(refused.path("status").asInt()).body("reason.code", equalTo(refused.path("code").asInt()))
                .body("reason.description", equalTo(refused.path("description").asText()));
        assertThat(metaReceived(customer, inbound)).as("sent to Meta").isEmpty();
        assertThat(TableSnapshot.of(dynamo)).as("stored").isEqualTo(before);
    }

    /** The customer's text reaches bot-b's number through Meta's signed webhook, opening the window. */
    private void customerWrites(String customer, String wamid) {
        String webhook = Webhooks.envelope(PHONE_B, "\"contacts\":[{\"profile\":{\"name\":\"Cliente\"},\"wa_id\":\""
                + customer + "\"}],\"messages\":[{\"from\":\"" + customer + "\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"text\":{\"body\":\"Oi\"},\"type\":\"text\"}]");
        Webhooks.post(gateway.port(), webhook).statusCode(200);
    }

    /**
     * Every body Meta received for this customer, in order: messages to it, and marks on its message;
     * each send's identity (docs/queue.md), checked to be bot-b's, left out of the comparison.
     */
    private static List<JsonNode> metaReceived(String customer, String inbound) {
        return meta().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES_B))).stream().map(SendingFixture::json)
                .filter(body -> body.path("to").asText().equals(customer)
                        || body.path("message_id").asText().equals(inbound))
                .map(body -> {
                    if (body.has("biz_opaque_callback_data")) {
                        assertThat(body.path("biz_opaque_callback_data").asText()).startsWith("wagw:" + Bots.B + ":");
                        ((com.fasterxml.jackson.databind.node.ObjectNode) body).remove("biz_opaque_callback_data");
                    }
                    return body;
                })
                .toList();
    }

    private static JsonNode fixture(String name, String customer, String inbound) {
        try (var in = BlipDocumentedEnvelopesTest.class.getResourceAsStream(FIXTURES + "/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json(text.replace("$CUSTOMER", customer).replace("$INBOUND", inbound));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
