package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.local.LocalGateway;
import net.wagw.testing.WorkQueueDrain;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bots as data (README "Bots"): added, changed and disabled through the admin routes while the
 * gateway runs, served once each function's copy of the bots table is older than its age (60 s in
 * tests, moved past with the test clock), and the admin routes closed to anyone without the admin
 * key.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class BotLifecycleTest {
    private static final String ADMIN_KEY = "test-admin-key";
    private static final Duration PAST_THE_CACHE_AGE = Duration.ofSeconds(61);

    @Inject
    LocalGateway gateway;
    @Inject
    BotDirectory bots;
    @Inject
    TestClock clock;
    @Inject
    DynamoDbClient dynamo;

    @BeforeEach
    void fresh() {
        clock.reset();
        WireMockResource.server().resetRequests();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValidatableResponse admin(String method, String path, String body) {
        var request = given().port(gateway.port()).header("X-Wagw-Admin-Key", ADMIN_KEY);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path).then();
    }

    private ValidatableResponse verify(String authorization) {
        return given().port(gateway.port()).header("Authorization", authorization)
                .get("/accounts/+5531988887777").then();
    }

    @Test
    void aBotAddedToTheTableWhileTheGatewayRunsIsServedAfterTheCacheAgeWithoutARestart() {
        String key = Bots.key("bot-new", "bot-new-key");
        bots.reread(); // this process's copy, read now: the bot is added after it
        admin("PUT", "/admin/bots/bot-new", "{\"accessKeySha256\":\"" + sha256("bot-new-key") + "\","
                + "\"verificationQuota\":5}").statusCode(200).body("id", equalTo("bot-new")).body("enabled", equalTo(true));

        verify(key).statusCode(401);

        clock.advance(PAST_THE_CACHE_AGE);
        verify(key).statusCode(200).body("identity", equalTo("5531988887777@wa.gw.msging.net"));
        admin("GET", "/admin/bots/bot-new", null).statusCode(200).body("verificationQuota", equalTo(5));
    }

    @Test
    void aDisabledBotIsRefused401AndItsWebhooksAreAcknowledgedAndKeptNotForwardedUntilItIsEnabledAgain() {
        WireMockServer wiremock = WireMockResource.server();
        wiremock.stubFor(post(urlPathEqualTo("/bot-d/messages")).willReturn(aResponse().withStatus(200)));
        String bot = "{\"accessKeySha256\":\"" + sha256("bot-d-key") + "\",\"phoneNumberId\":\"1110009\","
                + "\"messagesUrl\":\"" + wiremock.baseUrl() + "/bot-d/messages\","
                + "\"notificationsUrl\":\"" + wiremock.baseUrl() + "/bot-d/notifications\","
                // a configuration key of the test profile: the secret source here is the configuration
                + "\"callbackSecretRef\":\"wagw.bots.bot-a.callback-secret\"";
        admin("PUT", "/admin/bots/bot-d", bot + "}").statusCode(200);
        admin("DELETE", "/admin/bots/bot-d", null).statusCode(200).body("enabled", equalTo(false));
        bots.reread(); // as every function does once its copy is older than the cache age (see the test above)
        assertThat(bots.find("bot-d")).hasValueSatisfying(record -> assertThat(record.enabled()).isFalse());

        verify(Bots.key("bot-d", "bot-d-key")).statusCode(401).body("reason.code", equalTo(31));
        long now = clock.instant().getEpochSecond();
        String webhook = Webhooks.envelope("1110009", "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"5531977770001\"}],"
                + "\"messages\":[{\"from\":\"5531977770001\",\"id\":\"wamid.DISABLED1\",\"timestamp\":\"" + now
                + "\",\"text\":{\"body\":\"Oi\"},\"type\":\"text\"}]");
        Webhooks.post(gateway.port(), webhook).statusCode(200);
        WorkQueueDrain.drainQueue();

        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/bot-d/messages")))).as("forwarded").isEmpty();
        List<Map<String, AttributeValue>> kept = TableSnapshot.of(dynamo).get("deliveries")
                .stream().filter(item -> item.get("pk").s().equals("bot-d#message:wamid.DISABLED1")).toList();
        assertThat(kept).as("the message, kept for the bot").hasSize(1);
        clock.advance(Duration.ofMinutes(10));

        admin("PUT", "/admin/bots/bot-d", bot + ",\"enabled\":true}").statusCode(200);
        bots.reread();
        WorkQueueDrain.drainQueue();
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo("/bot-d/messages"))))
                .as("delivered once the bot is enabled again").hasSize(1);
    }

    @Test
    void adminRoutesRefuseMissingCredentialsBotKeysAndAWrongAdminKey() {
        given().port(gateway.port()).get("/admin/bots").then().statusCode(401).body("reason.code", equalTo(31));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/admin/bots").then().statusCode(401);
        given().port(gateway.port()).header("X-Wagw-Admin-Key", "bot-a-test-key").get("/admin/bots").then()
                .statusCode(401);
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"accessKeySha256\":\"" + sha256("x") + "\"}").put("/admin/bots/intruder").then().statusCode(401);
        admin("GET", "/admin/bots/intruder", null).statusCode(404);

        admin("GET", "/admin/bots", null).statusCode(200).body("items.id", org.hamcrest.Matchers.hasItems(Bots.A, Bots.B));
    }

    @Test
    void aBadBotIsRefusedWithItsReasonAndNothingIsWritten() {
        admin("PUT", "/admin/bots/bot-bad", "{\"accessKeySha256\":\"not-hex\"}").statusCode(400)
                .body("reason.code", equalTo(21)).body("reason.description", org.hamcrest.Matchers.containsString("64 hex digits"));
        admin("PUT", "/admin/bots/bot-bad", "{\"accessKeySha256\":\"" + sha256("k") + "\",\"messagesUrl\":\"ftp://x\"}")
                .statusCode(400).body("reason.description", org.hamcrest.Matchers.containsString("messagesUrl"));
        admin("PUT", "/admin/bots/bot-bad", "{\"accessKeySha256\":\"" + sha256("k") + "\",\"phoneNumberId\":\"1110001\"}")
                .statusCode(409).body("reason.description", org.hamcrest.Matchers.containsString("bot-a"));
        admin("GET", "/admin/bots/bot-bad", null).statusCode(404);
    }
}
