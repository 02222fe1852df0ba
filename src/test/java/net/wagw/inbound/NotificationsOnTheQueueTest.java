package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.DeliveryStore;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import net.wagw.testing.WorkQueueDrain;

/**
 * Notifications ride on the queue and are stored only when the bot does not take their first try
 * (docs/storage.md): the write that decided each one (a status moved forward, a send taken) makes
 * it once, so racing copies of a status and a bot's repeated send still tell the bot once, and a
 * notification the bot refused is kept and delivered once it is back.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class NotificationsOnTheQueueTest {
    private static final String NOTIFICATIONS_A = "/bot-a/notifications";
    private static final String META_MESSAGES_A = "/v23.0/1110001/messages";

    @Inject
    LocalGateway gateway;
    @Inject
    WorkQueueDrain drain;
    @Inject
    TestClock clock;
    @Inject
    software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;
    @Inject
    net.wagw.store.TableNames names;
    private DeliveryStore deliveries;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void emptyQueue() {
        deliveries = new net.wagw.store.DynamoDeliveryStore(dynamo, names);
        drain.purge();
        botNotificationsAnswer(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        botNotificationsAnswer(200);
    }

    @Test
    void racingCopiesOfOneStatusTellTheBotOnce() throws Exception {
        String customer = "5531966077001";
        sendInsideTheWindow("nq-race", customer, "wamid.NQ.RACE");
        String status = Webhooks.status("wamid.NQ.RACE", "delivered", customer, Instant.now().getEpochSecond());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Webhooks.post(gateway.port(), status).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        drain.drain();
        assertThat(events("nq-race")).containsExactly("accepted", "received");
    }

    @Test
    void aSendTheBotRepeatsIsToldAcceptedOnce() {
        String customer = "5531966077002";
        sendInsideTheWindow("nq-again", customer, "wamid.NQ.AGAIN");
        drain.drain();
        send("nq-again", customer); // the repeat queues "accepted" again, in case the first queueing failed
        drain.drain();
        assertThat(events("nq-again")).containsExactly("accepted");
    }

    @Test
    void aNotificationTheBotRefusedIsKeptAndDeliveredOnceWhenTheBotIsBack() {
        String customer = "5531966077003";
        botNotificationsAnswer(503);
        sendInsideTheWindow("nq-later", customer, "wamid.NQ.LATER");
        drain.drain();
        Delivery kept = deliveries.find(Bots.A, "notification:nq-later:accepted").orElseThrow();
        assertThat(kept.state()).isEqualTo(Delivery.State.PENDING);
        assertThat(kept.attempts()).isEqualTo(1);
        botNotificationsAnswer(200);
        clock.advance(Duration.ofMinutes(1)); // past the first backoff
        drain.drain();
        drain.drain();
        assertThat(deliveries.find(Bots.A, "notification:nq-later:accepted").orElseThrow().state())
                .isEqualTo(Delivery.State.DELIVERED);
        List<JsonNode> posted = posted("nq-later");
        assertThat(posted).hasSize(2); // the refused try and the one the bot took
        assertThat(posted.get(0)).isEqualTo(posted.get(1));
    }

    private void sendInsideTheWindow(String id, String customer, String wamid) {
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN." + id, customer, "Maria",
                Instant.now().getEpochSecond() - 30, "oi")).statusCode(200);
        WireMockResource.server().stubFor(post(urlPathEqualTo(META_MESSAGES_A))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.to",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(customer)))
                .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\""
                        + customer + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        send(id, customer);
    }

    private void send(String id, String customer) {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"to\":\"" + customer + "@wa.gw.msging.net\",\"type\":\"text/plain\","
                        + "\"content\":\"hello\"}")
                .post("/messages").then().statusCode(202);
    }

    private List<String> events(String id) {
        return posted(id).stream().map(n -> n.path("event").asText()).toList();
    }

    private List<JsonNode> posted(String id) {
        return WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(NOTIFICATIONS_A))).stream()
                .map(r -> read(r.getBodyAsString())).filter(n -> n.path("id").asText().equals(id)).toList();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void botNotificationsAnswer(int status) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).willReturn(aResponse().withStatus(status)));
    }
}
