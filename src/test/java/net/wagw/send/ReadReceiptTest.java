package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static net.wagw.send.SendingFixture.META_MESSAGES_A;
import static net.wagw.send.SendingFixture.meta;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.inbound.Webhooks;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WireMockResource;

/** {@code POST /notifications} with {@code consumed}: blue ticks at Meta (docs/contracts.md §3.4). */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class ReadReceiptTest {
    @Inject
    LocalGateway gateway;

    @BeforeEach
    void reset() {
        meta().resetAll();
    }

    /** Only a message that came to the bot is marked read (docs/contracts.md §3.4): the customer writes first. */
    private void customerWrote(String wamid) {
        Webhooks.post(gateway.port(), Webhooks.text(wamid, "5531988889999", "Maria",
                java.time.Instant.now().getEpochSecond(), "oi")).statusCode(200);
    }

    @Test
    void aConsumedNotificationMarksTheInboundMessageReadAtMeta() {
        customerWrote("wamid.IN1");
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).willReturn(okJson("{\"success\":true}")));

        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"wamid.IN1\",\"to\":\"5531988889999@wa.gw.msging.net\",\"event\":\"consumed\"}")
                .post("/notifications").then().statusCode(202).body("id", equalTo("wamid.IN1"));

        meta().verify(1, postRequestedFor(urlPathEqualTo(META_MESSAGES_A)).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.IN1\"}")));
    }

    @Test
    void aReceivedNotificationNeedsNothingFromMeta() {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"wamid.IN2\",\"event\":\"received\"}")
                .post("/notifications").then().statusCode(202);

        meta().verify(0, postRequestedFor(urlPathEqualTo(META_MESSAGES_A)));
    }

    @Test
    void whenMetaIsDownTheBotIsToldToTryAgain() {
        customerWrote("wamid.IN3");
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(SendingFixture.metaError(131016, "Service unavailable"))));

        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"wamid.IN3\",\"event\":\"consumed\"}")
                .post("/notifications").then().statusCode(503).body("reason.code", equalTo(81));
    }
}
