package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.CallbackSignature;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.Hmac;
import net.wagw.testing.TableSnapshot;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import net.wagw.whatsapp.MetaSignature;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Meta's webhooks end to end: signature, store once, windows, opt-outs, forwarding, statuses, media. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class WebhookTest {
    private static final String MESSAGES_A = "/bot-a/messages";
    private static final String NOTIFICATIONS_A = "/bot-a/notifications";

    @Inject
    LocalGateway gateway;
    @Inject
    net.wagw.testing.WorkQueueDrain drain;
    @Inject
    WindowStore windows;
    @Inject
    OptIns optIns;
    @Inject
    TestClock clock;
    @Inject
    Outbox outbox;
    @Inject
    BotDirectory bots;
    @Inject
    DynamoDbClient dynamo;

    private Bot botA;

    @BeforeEach
    void reset() {
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).willReturn(aResponse().withStatus(200)));
        clock.reset();
        botA = bots.find(Bots.A).orElseThrow().bot();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static List<LoggedRequest> forwarded(String path, String id) {
        net.wagw.testing.WorkQueueDrain.drainQueue(); // dispatch forwards from the queue
        return WireMockResource.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(path))).stream().filter(r -> json(r.getBodyAsString()).path("id").asText().equals(id))
                .toList();
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        given().port(gateway.port()).queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(200).contentType(ContentType.TEXT).body(equalTo("1158201444"));
        given().port(gateway.port()).queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(403);
        given().port(gateway.port()).get("/webhooks/whatsapp").then().statusCode(403);
    }

    @Test
    void aCustomerMessageIsForwardedToTheBotAsALimeMessageSigned() {
        long sent = now() - 5;
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.T1", "5531966001001", "Maria", sent, "Oi, quero ajuda"))
                .statusCode(200);

        List<LoggedRequest> received = forwarded(MESSAGES_A, "wamid.IN.T1");
        assertThat(received).hasSize(1);
        JsonNode message = json(received.get(0).getBodyAsString());
        assertThat(message.path("from").asText()).isEqualTo("5531966001001@wa.gw.msging.net");
        assertThat(message.path("to").asText()).isEqualTo("bot-a@msging.net");
        assertThat(message.path("type").asText()).isEqualTo("text/plain");
        assertThat(message.path("content").asText()).isEqualTo("Oi, quero ajuda");
        assertThat(message.path("metadata").path("#wa.timestamp").asText()).isEqualTo(Long.toString(sent));
        assertThat(message.path("metadata").path("#wa.contact.name").asText()).isEqualTo("Maria");
        assertThat(message.path("metadata").path("#wa.phone_number_id").asText()).isEqualTo("1110001");
        assertThat(received.get(0).getHeader(CallbackSignature.HEADER)).isEqualTo(
                Hmac.sha256Header("bot-a-callback-secret", received.get(0).getBodyAsString()));
    }

    @Test
    void aMessageNamingAnIdTooLongToStoreStillReachesTheBot() {
        String customer = "5531966001090";
        String tooLong = "x".repeat(3000);
        String message = "{\"from\":\"" + customer + "\",\"id\":\"%s\",\"timestamp\":\"" + now() + "\",%s}";
        Webhooks.post(gateway.port(), Webhooks.envelope(Webhooks.PHONE_A, "\"contacts\":[{\"profile\":{\"name\":"
                + "\"Ana\"},\"wa_id\":\"" + customer + "\"}],\"messages\":["
                + message.formatted("wamid.IN.LONG1", "\"context\":{\"from\":\"15550783881\",\"id\":\"" + tooLong
                        + "\"},\"type\":\"text\",\"text\":{\"body\":\"respondendo\"}") + ","
                + message.formatted("wamid.IN.LONG2", "\"type\":\"image\",\"image\":{\"id\":\"" + tooLong
                        + "\",\"mime_type\":\"image/jpeg\"}") + ","
                + message.formatted("wamid.IN.LONG3", "\"type\":\"reaction\",\"reaction\":{\"message_id\":\""
                        + tooLong + "\",\"emoji\":\"\\uD83D\\uDC4D\"}") + "]")).statusCode(200);

        JsonNode reply = json(forwarded(MESSAGES_A, "wamid.IN.LONG1").get(0).getBodyAsString());
        assertThat(reply.path("type").asText()).as("no message to reply to").isEqualTo("text/plain");
        assertThat(reply.path("content").asText()).isEqualTo("respondendo");
        assertThat(forwarded(MESSAGES_A, "wamid.IN.LONG2")).as("the image, whose file cannot be fetched").hasSize(1);
        assertThat(forwarded(MESSAGES_A, "wamid.IN.LONG3")).as("the reaction").hasSize(1);
    }

    @Test
    void aWrongMissingOrReserialisedSignatureIs401AndNothingIsStored() {
        var before = TableSnapshot.of(dynamo);
        String payload = Webhooks.text("wamid.IN.S1", "5531966001002", "Ana", now(), "hello");
        given().port(gateway.port()).header("X-Hub-Signature-256", MetaSignature.of(payload, "another-secret"))
                .contentType("application/json").body(payload).post("/webhooks/whatsapp").then().statusCode(401);
        given().port(gateway.port()).contentType("application/json").body(payload).post("/webhooks/whatsapp")
                .then().statusCode(401);
        String reserialised = json(payload).toPrettyString();
        given().port(gateway.port()).header("X-Hub-Signature-256", MetaSignature.of(payload, Webhooks.APP_SECRET))
                .contentType("application/json").body(reserialised).post("/webhooks/whatsapp").then().statusCode(401);
        given().port(gateway.port()).header("X-Hub-Signature-256", "sha256=nothex").contentType("application/json")
                .body(payload).post("/webhooks/whatsapp").then().statusCode(401);

        assertThat(TableSnapshot.of(dynamo)).isEqualTo(before);
        assertThat(forwarded(MESSAGES_A, "wamid.IN.S1")).isEmpty();
    }

    @Test
    void fiftyConcurrentDeliveriesOfOnePayloadReachTheBotOnce() throws Exception {
        String payload = Webhooks.text("wamid.IN.C1", "5531966001003", "João", now(), "só uma vez");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                posts.add(() -> Webhooks.post(gateway.port(), payload).extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(forwarded(MESSAGES_A, "wamid.IN.C1")).hasSize(1);
    }

    @Test
    void outOfOrderMessagesNeverShortenTheWindow() {
        long later = now() - 60;
        long earlier = now() - 3600;
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.W1", "5531966001004", "Rui", later, "second")).statusCode(200);
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.W2", "5531966001004", "Rui", earlier, "first")).statusCode(200);

        assertThat(windows.lastInbound(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531966001004").contactKey()))
                .contains(Instant.ofEpochSecond(later));
    }

    @Test
    void aMessageFromTheCustomerOpensTheWindowForAFreeFormSend() {
        var meta = WireMockResource.server();
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/messages")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"553166001005\"}],"
                        + "\"messages\":[{\"id\":\"wamid.OUT.W3\"}]}")));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"win-1\",\"to\":\"5531966001005@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"hi\"}")
                .post("/messages").then().statusCode(422);

        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.W3", "553166001005", "Lia", now() - 10, "oi")).statusCode(200);

        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"win-1\",\"to\":\"5531966001005@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"hi\"}")
                .post("/messages").then().statusCode(202);
    }

    @Test
    void aStopKeywordRevokesTheOptInIsKeptInHistoryAndStillReachesTheBot() {
        var customer = new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531966001006");
        optIns.consent(Bots.A, customer, "web", null, null);

        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.K1", "5531966001006", "Bia", now(), "  Parár! ")).statusCode(200);

        var current = optIns.current(Bots.A, customer.contactKey()).orElseThrow();
        assertThat(current.active()).isFalse();
        assertThat(current.source()).isEqualTo("keyword");
        assertThat(current.text()).isEqualTo("  Parár! ");
        assertThat(optIns.history(Bots.A, customer.contactKey())).hasSize(2);
        assertThat(forwarded(MESSAGES_A, "wamid.IN.K1")).hasSize(1);
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"stop-1\",\"to\":\"5531966001006@wa.gw.msging.net\",\"type\":\"application/json\","
                        + "\"content\":{\"type\":\"template\",\"template\":{\"name\":\"promo\",\"language\":{\"code\":\"pt_BR\"}}}}")
                .post("/messages").then().statusCode(403).body("reason.code", equalTo(32));
    }

    @Test
    void aKeywordInsideASentenceIsNoOptOut() {
        var customer = new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531966001007");
        optIns.consent(Bots.A, customer, "web", null, null);

        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.K2", "5531966001007", "Caio", now(), "não quero parar"))
                .statusCode(200);

        assertThat(optIns.current(Bots.A, customer.contactKey()).orElseThrow().active()).isTrue();
    }

    @Test
    void statusesInEveryOrderReachTheBotAsAForwardOnlySequence() {
        String[][] orders = { { "sent", "delivered", "read" }, { "read", "sent", "delivered" },
                { "delivered", "read", "sent" }, { "delivered", "sent", "read" }, { "sent", "read", "delivered" } };
        var meta = WireMockResource.server();
        for (int i = 0; i < orders.length; i++) {
            String customer = "55319660020" + (10 + i);
            String wamid = "wamid.OUT.ST" + i;
            meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/messages"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.to",
                            com.github.tomakehurst.wiremock.client.WireMock.equalTo(customer)))
                    .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\""
                            + customer + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
            Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.ST" + i, customer, "X", now() - 30, "hi")).statusCode(200);
            given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                    .body("{\"id\":\"st-" + i + "\",\"to\":\"" + customer + "@wa.gw.msging.net\",\"type\":\"text/plain\","
                            + "\"content\":\"hello\"}")
                    .post("/messages").then().statusCode(202);
            for (String status : orders[i]) {
                Webhooks.post(gateway.port(), Webhooks.status(wamid, status, customer, now())).statusCode(200);
            }
            List<String> events = forwarded(NOTIFICATIONS_A, "st-" + i).stream()
                    .map(r -> json(r.getBodyAsString()).path("event").asText()).toList();
            List<String> rankOrder = List.of("accepted", "dispatched", "received", "consumed");
            assertThat(events).as("order %s", String.join(",", orders[i])).isSortedAccordingTo(
                    java.util.Comparator.comparingInt(rankOrder::indexOf)).doesNotHaveDuplicates()
                    .startsWith("accepted").endsWith("consumed");
        }
    }

    @Test
    void aFailedStatusIsToldWithMetasCodeAnd131050RevokesMarketing() {
        String customer = "5531966003001";
        var number = new PhoneNumbers(new LibPhoneNumberPlan()).parse("+" + customer);
        optIns.consent(Bots.A, number, "web", null, List.of("MARKETING"));
        WireMockResource.server().stubFor(post(urlPathEqualTo("/v23.0/1110001/messages")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"" + customer
                        + "\"}],\"messages\":[{\"id\":\"wamid.OUT.F1\"}]}")));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"f-1\",\"to\":\"" + customer + "@wa.gw.msging.net\",\"type\":\"application/json\","
                        + "\"content\":{\"type\":\"template\",\"template\":{\"name\":\"promo\",\"language\":{\"code\":\"pt_BR\"}}}}")
                .post("/messages").then().statusCode(202);

        Webhooks.post(gateway.port(), Webhooks.failed("wamid.OUT.F1", customer, now(), 131050,
                "Unable to deliver the message")).statusCode(200);

        List<JsonNode> told = forwarded(NOTIFICATIONS_A, "f-1").stream().map(r -> json(r.getBodyAsString())).toList();
        assertThat(told).extracting(n -> n.path("event").asText()).containsExactly("accepted", "failed");
        assertThat(told.get(1).path("reason").path("description").asText()).contains("(#131050)");
        assertThat(optIns.current(Bots.A, number.contactKey()).orElseThrow().active()).isFalse();
    }

    @Test
    void aStatusForAMessageWagwNeverSentIsKeptAndAcknowledgedRecentOrOld() {
        Webhooks.post(gateway.port(), Webhooks.status("wamid.NOBODY.1", "delivered", "5531966004001", now()))
                .statusCode(200);
        Webhooks.post(gateway.port(), Webhooks.status("wamid.NOBODY.2", "delivered", "5531966004001", now() - 3600))
                .statusCode(200);
    }

    @Test
    void anEventForAnotherBusinessNumberIsAcknowledgedAndNotForwarded() {
        String payload = Webhooks.envelope("999999", "\"messages\":[{\"from\":\"5531966005001\",\"id\":\"wamid.IN.U1\","
                + "\"timestamp\":\"" + now() + "\",\"text\":{\"body\":\"hi\"},\"type\":\"text\"}]");
        Webhooks.post(gateway.port(), payload).statusCode(200);

        assertThat(forwarded(MESSAGES_A, "wamid.IN.U1")).isEmpty();
    }

    @Test
    void aBotThatIsDownGetsEachMessageOnceWhenBackAndADeadLetterIfNever() {
        var server = WireMockResource.server();
        server.stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(503)));
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.D1", "5531966006001", "Eva", now(), "one")).statusCode(200);
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.D2", "5531966006002", "Ivo", now(), "two")).statusCode(200);
        drain.drain(); // the first tries, refused

        server.stubFor(post(urlPathEqualTo(MESSAGES_A)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.id",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("wamid.IN.D1")))
                .willReturn(aResponse().withStatus(200)));
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofHours(6));
            drain.drain();
        }

        List<LoggedRequest> first = forwarded(MESSAGES_A, "wamid.IN.D1");
        assertThat(first).hasSize(2); // refused once, taken once
        assertThat(outbox.deadLetters(botA, 100)).anySatisfy(d -> assertThat(d.id()).isEqualTo("message:wamid.IN.D2"));
        assertThat(outbox.deadLetters(botA, 100)).noneMatch(d -> d.id().equals("message:wamid.IN.D1"));

        // the bot lists its dead letters, comes back, and asks for one again
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/dead-letters").then().statusCode(200)
                .body("itemType", equalTo("application/vnd.wagw.dead-letter+json"))
                .body("items.find { it.id == 'message:wamid.IN.D2' }.attempts", org.hamcrest.Matchers.greaterThan(1))
                .body("items.find { it.id == 'message:wamid.IN.D2' }.lastError",
                        org.hamcrest.Matchers.containsString("503"));
        given().port(gateway.port()).header("Authorization", Bots.B_KEY).post("/dead-letters/message:wamid.IN.D2")
                .then().statusCode(404);
        server.stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
        int before = forwarded(MESSAGES_A, "wamid.IN.D2").size();
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"dl-1\",\"method\":\"set\",\"uri\":\"/dead-letters/message:wamid.IN.D2\"}")
                .post("/commands").then().statusCode(200).body("status", equalTo("success"));
        drain.drain();
        assertThat(forwarded(MESSAGES_A, "wamid.IN.D2")).hasSize(before + 1);
        assertThat(outbox.deadLetters(botA, 100)).noneMatch(d -> d.id().equals("message:wamid.IN.D2"));
    }
}
