package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WorkQueueDrain;
import net.wagw.testing.WireMockResource;

/**
 * BLiP's dialect end to end (docs/contracts.md §3.3, §3.5): a menu answered by a tap, collections
 * sent item by item once, the typing indicator, each through {@code POST /messages}, Meta
 * (WireMock) and Meta's signed webhooks.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class BlipDialectTest {
    private static final String META = "/v23.0/1110001/messages";
    private static final String MESSAGES_A = "/bot-a/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LocalGateway gateway;

    @BeforeEach
    void reset() {
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo("/bot-a/notifications")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aTapOnOptionTwoReachesTheBotAsAReplyToTheSelectWithTheOptionsTypedValue() {
        String customer = "5531966008001";
        customerWrites(customer, "wamid.IN.SEL.0");
        metaSends("wamid.OUT.SEL.1");
        send("""
                {"id": "menu-8001", "to": "%s@wa.gw.msging.net", "type": "application/vnd.lime.select+json",
                 "content": {"text": "What now?", "options": [{"order": 1, "text": "Pizza"},
                   {"order": 2, "text": "Juice", "type": "application/json", "value": {"drink": "juice", "size": 2}},
                   {"order": 3, "text": "Water"}]}}""".formatted(customer)).statusCode(202);
        String optionTwo = metaReceived(customer).get(0).path("interactive").path("action").path("buttons").get(1)
                .path("reply").path("id").asText();

        Webhooks.post(gateway.port(), Webhooks.envelope(Webhooks.PHONE_A, """
                "messages": [{"from": "%s", "id": "wamid.IN.SEL.2", "timestamp": "%d", "type": "interactive",
                 "context": {"from": "15550783881", "id": "wamid.OUT.SEL.1"},
                 "interactive": {"type": "button_reply", "button_reply": {"id": %s, "title": "Juice"}}}]"""
                .formatted(customer, now(), JSON.valueToTree(optionTwo)))).statusCode(200);

        JsonNode reply = delivered("wamid.IN.SEL.2");
        assertThat(reply.path("type").asText()).isEqualTo("application/vnd.lime.reply+json");
        assertThat(reply.path("content")).isEqualTo(tree("""
                {"replied": {"type": "application/json", "value": {"drink": "juice", "size": 2}},
                 "inReplyTo": {"id": "menu-8001", "type": "application/vnd.lime.select+json", "direction": "sent"}}"""));
    }

    @Test
    void aCollectionOfThreeIsThreeSendsInOrderAndItsRepeatSendsNothing() {
        String customer = "5531966008002";
        customerWrites(customer, "wamid.IN.COL.0");
        metaSends("wamid.OUT.COL");
        String collection = """
                {"id": "col-8002", "to": "%s@wa.gw.msging.net", "type": "application/vnd.lime.collection+json",
                 "content": {"itemType": "text/plain", "items": ["One", "Two", "Three"]}}""".formatted(customer);

        send(collection).statusCode(202).body("id", equalTo("col-8002"));
        send(collection).statusCode(202).body("id", equalTo("col-8002"));

        assertThat(metaReceived(customer)).extracting(body -> body.path("text").path("body").asText())
                .containsExactly("One", "Two", "Three");
    }

    @Test
    void eachItemOfACollectionIsReportedByTheEnvelopeIdAndItsIndex() {
        String customer = "5531966008006";
        customerWrites(customer, "wamid.IN.ITEMS.0");
        for (int i = 0; i < 3; i++) {
            WireMockResource.server().stubFor(post(urlPathEqualTo(META)).inScenario("items")
                    .whenScenarioStateIs(i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "item" + i)
                    .willSetStateTo("item" + (i + 1)).willReturn(okJson(
                            "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.OUT.ITEM." + i + "\"}]}")));
        }
        send("""
                {"id": "col-8006", "to": "%s@wa.gw.msging.net", "type": "application/vnd.lime.collection+json",
                 "content": {"itemType": "text/plain", "items": ["One", "Two", "Three"]}}""".formatted(customer))
                .statusCode(202).body("id", equalTo("col-8006"));

        Webhooks.post(gateway.port(), Webhooks.status("wamid.OUT.ITEM.1", "delivered", customer, now())).statusCode(200);
        WorkQueueDrain.drainQueue();

        List<String> told = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo("/bot-a/notifications")))
                .stream().map(r -> tree(r.getBodyAsString())).filter(n -> n.path("id").asText().startsWith("col-8006"))
                .map(n -> n.path("id").asText() + " " + n.path("event").asText()).toList();
        assertThat(told).containsExactlyInAnyOrder("col-8006:0 accepted", "col-8006:1 accepted", "col-8006:2 accepted",
                "col-8006:1 received");
    }

    @Test
    void aCollectionWhoseThirdItemBreaksARuleSendsNothingAndKeepsNothing() {
        String customer = "5531966008003";
        customerWrites(customer, "wamid.IN.BAD.0");
        metaSends("wamid.OUT.BAD");

        send("""
                {"id": "col-8003", "to": "%s@wa.gw.msging.net", "type": "application/vnd.lime.collection+json",
                 "content": {"itemType": "application/vnd.lime.container+json", "items": [
                   {"type": "text/plain", "value": "One"}, {"type": "text/plain", "value": "Two"},
                   {"type": "application/vnd.lime.web-link+json", "value": {"uri": ""}}]}}""".formatted(customer))
                .statusCode(400).body("reason.code", equalTo(64));

        assertThat(metaReceived(customer)).isEmpty();
        // the id was not taken: a good message under it is sent
        send("""
                {"id": "col-8003", "to": "%s@wa.gw.msging.net", "type": "text/plain", "content": "Fixed"}"""
                .formatted(customer)).statusCode(202);
        assertThat(metaReceived(customer)).hasSize(1);
    }

    @Test
    void composingShowsTheTypingIndicatorOnTheCustomersLatestMessage() {
        String customer = "5531966008004";
        customerWrites(customer, "wamid.IN.TYPE.1");
        metaSends("wamid.ignored");

        send("""
                {"id": "typing-8004", "to": "%s@wa.gw.msging.net", "type": "application/vnd.lime.chatstate+json",
                 "content": {"state": "composing"}}""".formatted(customer)).statusCode(202);

        List<JsonNode> bodies = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META))).stream()
                .map(r -> tree(r.getBodyAsString())).filter(b -> b.path("message_id").asText().equals("wamid.IN.TYPE.1"))
                .toList();
        assertThat(bodies).containsExactly(tree("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.IN.TYPE.1",
                 "typing_indicator": {"type": "text"}}"""));
    }

    @Test
    void composingToACustomerWhoNeverWroteIsRefusedAndSendsNothing() {
        send("""
                {"id": "typing-8005", "to": "5531966008005@wa.gw.msging.net",
                 "type": "application/vnd.lime.chatstate+json", "content": {"state": "composing"}}""")
                .statusCode(422).body("reason.code", equalTo(66));

        assertThat(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META))).stream()
                .filter(r -> tree(r.getBodyAsString()).has("typing_indicator"))).isEmpty();
    }

    // helpers ----------------------------------------------------------------------------------

    private void customerWrites(String customer, String wamid) {
        Webhooks.post(gateway.port(), Webhooks.text(wamid, customer, "Cliente", now(), "Oi")).statusCode(200);
    }

    private static void metaSends(String wamid) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(META)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
    }

    private ValidatableResponse send(String envelope) {
        return given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body(envelope).post("/messages").then();
    }

    private static List<JsonNode> metaReceived(String to) {
        return WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META))).stream()
                .map(r -> tree(r.getBodyAsString())).filter(b -> b.path("to").asText().equals(to)).toList();
    }

    private static JsonNode delivered(String wamid) {
        WorkQueueDrain.drainQueue(); // dispatch, as the queue's consumer runs it
        List<JsonNode> bodies = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(MESSAGES_A))).stream()
                .map(r -> tree(r.getBodyAsString())).filter(b -> b.path("id").asText().equals(wamid)).toList();
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
