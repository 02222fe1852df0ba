package net.wagw.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

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
import net.wagw.testing.S3rverResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import net.wagw.whatsapp.MetaSignature;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Media that lasts (docs/contracts.md §11) through the whole gateway, S3 being a real s3rver. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
@WithTestResource(S3rverResource.class)
class MediaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_A = "1110001";
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

    @Inject
    LocalGateway gateway;
    @Inject
    TestClock clock;
    @Inject
    BotDirectory bots;

    private WireMockServer meta;

    @BeforeEach
    void reset() {
        meta = WireMockResource.server();
        meta.resetAll();
        meta.stubFor(post(urlPathEqualTo("/bot-a/messages")).willReturn(aResponse().withStatus(200)));
        meta.stubFor(post(urlPathEqualTo("/bot-a/notifications")).willReturn(aResponse().withStatus(200)));
        meta.stubFor(post(urlPathEqualTo("/bot-b/notifications")).willReturn(aResponse().withStatus(200)));
        clock.reset();
    }

    @Test
    void anInboundImageIsCopiedAndTheBotGetsTheSameBytesAndTypeAfterMetaForgotIt() {
        metaHas("4001", "image/jpeg", JPEG);
        webhook(image("wamid.M1", "4001")).statusCode(200);

        HeadObjectResponse copy = awaitCopy("media/bot-a/4001");
        assertThat(copy.contentLength()).isEqualTo(JPEG.length);
        assertThat(copy.contentType()).isEqualTo("image/jpeg");
        metaForgot("4001");

        byte[] got = given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/media/4001")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(got).isEqualTo(JPEG);
        JsonNode forwarded = forwardedTo("/bot-a/messages", "wamid.M1");
        assertThat(forwarded.path("content").path("uri").asText()).endsWith("/media/4001");
    }

    @Test
    void aDownloadMetaFailsTwiceIsRetriedUntilCopiedAndTheUriServesItThroughout() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/4002")).willReturn(okJson(info("4002", "image/jpeg", JPEG.length))));
        meta.stubFor(get(urlPathEqualTo("/cdn/4002")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        meta.stubFor(get(urlPathEqualTo("/cdn/4002")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        meta.stubFor(get(urlPathEqualTo("/cdn/4002")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200).withBody(JPEG)));

        webhook(image("wamid.M2", "4002")).statusCode(200);
        assertThat(forwardedTo("/bot-a/messages", "wamid.M2")).isNotNull();

        awaitCopy("media/bot-a/4002");
        assertThat(meta.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/cdn/4002")))).hasSizeGreaterThanOrEqualTo(3);
        metaForgot("4002");
        assertThat(given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/media/4002")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(JPEG);
    }

    @Test
    void anotherBotIsToldTheMediaDoesNotExistAndNoKeyIsUnauthorized() {
        metaHas("4003", "image/jpeg", JPEG);
        webhook(image("wamid.M3", "4003")).statusCode(200);
        awaitCopy("media/bot-a/4003");

        String otherBots = given().port(gateway.port()).header("Authorization", Bots.B_KEY).get("/media/4003")
                .then().statusCode(404).extract().path("reason.description");
        String nobodys = given().port(gateway.port()).header("Authorization", Bots.B_KEY).get("/media/4999")
                .then().statusCode(404).extract().path("reason.description");
        assertThat(otherBots.replace("4003", "ID")).isEqualTo(nobodys.replace("4999", "ID"));
        given().port(gateway.port()).get("/media/4003").then().statusCode(401);
    }

    @Test
    void aCopyIsNeverServedPastTheRetention() {
        metaHas("4004", "image/jpeg", JPEG);
        webhook(image("wamid.M4", "4004")).statusCode(200);
        awaitCopy("media/bot-a/4004");

        clock.advance(Duration.ofDays(30).plusMinutes(1));

        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/media/4004").then().statusCode(404);
        assertThat(awaitCopy("media/bot-a/4004")).isNotNull();
    }

    @Test
    void whileS3IsDownTheMessageStillReachesTheBotAndTheCopyHappensLater() {
        metaHas("4005", "audio/ogg", "OggS-opus-bytes".getBytes());
        S3rverResource.stopStorage();
        try {
            webhook(audio("wamid.M5", "4005")).statusCode(200);
            assertThat(forwardedTo("/bot-a/messages", "wamid.M5").path("content").path("type").asText())
                    .isEqualTo("audio/ogg; codecs=opus");
            // the uri works meanwhile, from Meta
            assertThat(given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/media/4005")
                    .then().statusCode(200).extract().asByteArray()).isEqualTo("OggS-opus-bytes".getBytes());
        } finally {
            S3rverResource.restartStorage();
        }
        assertThat(awaitCopy("media/bot-a/4005").contentType()).isEqualTo("audio/ogg");
    }

    @Test
    void anUploadGoesToMetaAsMultipartAndASendWithItsUriGoesByMediaIdOnce() throws Exception {
        meta.stubFor(post(urlPathEqualTo("/v23.0/" + PHONE_A + "/media")).willReturn(okJson("{\"id\":\"8801\"}")));
        meta.stubFor(post(urlPathEqualTo("/v23.0/" + PHONE_A + "/messages")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"5531977002001\",\"wa_id\":\"5531977002001\"}],"
                        + "\"messages\":[{\"id\":\"wamid.OUT.1\"}]}")));
        webhook(text("wamid.M6", "5531977002001")).statusCode(200);
        Instant before = clock.instant();

        JsonNode answer = upload(Bots.A_KEY, "image/jpeg", JPEG, "up-1").statusCode(201).extract().as(JsonNode.class);
        JsonNode again = upload(Bots.A_KEY, "image/jpeg", JPEG, "up-1").statusCode(201).extract().as(JsonNode.class);

        assertThat(answer.path("id").asText()).isEqualTo("8801");
        assertThat(answer.path("uri").asText()).isEqualTo("https://wagw.test/media/8801");
        assertThat(Instant.parse(answer.path("expires").asText())).isBetween(before.plus(Duration.ofDays(30)),
                clock.instant().plus(Duration.ofDays(30)));
        assertThat(again).isEqualTo(answer);
        meta.verify(1, postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_A + "/media"))
                .withHeader("Authorization", equalTo("Bearer test-access-token"))
                .withAnyRequestBodyPart(aMultipart().withName("messaging_product").withBody(equalTo("whatsapp")))
                .withAnyRequestBodyPart(aMultipart().withName("type").withBody(equalTo("image/jpeg")))
                .withAnyRequestBodyPart(aMultipart().withName("file").withHeader("Content-Type", equalTo("image/jpeg"))
                        .withBody(binaryEqualTo(JPEG))));
        try (S3Client s3 = S3rverResource.client()) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(S3rverResource.BUCKET).key("media/bot-a/8801")).asByteArray())
                    .isEqualTo(JPEG);
        }
        assertThat(given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/media/8801")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(JPEG);

        send(Bots.A_KEY, "out-1", "5531977002001", answer.path("uri").asText()).statusCode(202);

        List<JsonNode> sent = meta.findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_A + "/messages"))).stream()
                .map(r -> read(r.getBodyAsString())).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("image")).isEqualTo(read("{\"id\":\"8801\",\"caption\":\"Your receipt\"}"));
    }

    @Test
    void badUploadsAreRefusedWithAReasonAndNothingReachesMeta() {
        upload(Bots.A_KEY, "image/jpeg", new byte[0], "bad-1").statusCode(400)
                .body("reason.description", org.hamcrest.Matchers.containsString("empty"));
        upload(Bots.A_KEY, "application/x-msdownload", JPEG, "bad-2").statusCode(415)
                .body("reason.code", org.hamcrest.Matchers.equalTo(71));
        upload(Bots.A_KEY, "image/webp", new byte[500 * 1024 + 1], "bad-3").statusCode(413)
                .body("reason.description", org.hamcrest.Matchers.containsString("at most 512000"));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).body(JPEG).post("/media").then().statusCode(415);
        meta.verify(0, postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_A + "/media")));
    }

    @Test
    void aSendWithTheUriOfAnotherBotsUploadIsRefusedAndNothingIsSent() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110002/media")).willReturn(okJson("{\"id\":\"8802\"}")));
        String uri = upload(Bots.B_KEY, "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "b-1").log().ifValidationFails().statusCode(201)
                .extract().path("uri");
        webhook(text("wamid.M7", "5531977002002")).statusCode(200);

        send(Bots.A_KEY, "out-2", "5531977002002", uri).statusCode(400)
                .body("reason.description", org.hamcrest.Matchers.containsString("POST /media"));
        meta.verify(0, postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_A + "/messages")));
    }

    @Test
    void aFileTooLargeForALambdaAnswerOrUnknownToMetaIsRefusedWithAReason() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/4222")).willReturn(okJson("{\"url\":\"" + meta.baseUrl()
                + "/cdn/4222\",\"mime_type\":\"video/mp4\",\"file_size\":16000000,\"id\":\"4222\"}")));
        webhook(video("wamid.M8", "4222")).statusCode(200);
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/media/4222")
                .then().statusCode(422).body("reason.description", org.hamcrest.Matchers.containsString("6 MB"));
    }

    // ---------------------------------------------------------------------------------------------

    private void metaHas(String id, String type, byte[] bytes) {
        meta.stubFor(get(urlPathEqualTo("/v23.0/" + id)).willReturn(okJson(info(id, type, bytes.length))));
        meta.stubFor(get(urlPathEqualTo("/cdn/" + id)).willReturn(aResponse().withStatus(200).withBody(bytes)));
    }

    private String info(String id, String type, int size) {
        return "{\"messaging_product\":\"whatsapp\",\"url\":\"" + meta.baseUrl() + "/cdn/" + id + "\",\"mime_type\":\""
                + type + "\",\"sha256\":\"x\",\"file_size\":" + size + ",\"id\":\"" + id + "\"}";
    }

    /** Meta's media ids expire: after that it answers 404 for them. */
    private void metaForgot(String id) {
        String gone = "{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}";
        meta.stubFor(get(urlPathEqualTo("/v23.0/" + id)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(gone)));
        meta.stubFor(get(urlPathEqualTo("/cdn/" + id)).willReturn(aResponse().withStatus(404)));
    }

    /**
     * The copy, once stored: the queue's consumer run as Lambda's mapping would, with the clock
     * moved on so that a copy waiting for its retry comes due. Each wait is bounded.
     */
    private HeadObjectResponse awaitCopy(String key) {
        try (S3Client s3 = S3rverResource.client()) {
            for (int i = 0; i < 300; i++) {
                try {
                    return s3.headObject(r -> r.bucket(S3rverResource.BUCKET).key(key));
                } catch (S3Exception notYet) {
                    WorkQueueDrain.drainQueue();
                    clock.advance(Duration.ofSeconds(20));
                    sleep(50);
                }
            }
        }
        throw new AssertionError("no copy at " + key);
    }

    private JsonNode forwardedTo(String path, String wamid) {
        for (int i = 0; i < 100; i++) {
            var found = meta.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(r -> read(r.getBodyAsString()))
                    .filter(n -> wamid.equals(n.path("id").asText())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            WorkQueueDrain.drainQueue(); // dispatch, as the queue's consumer would run it
            sleep(50);
        }
        throw new AssertionError(wamid + " never reached " + path);
    }

    private ValidatableResponse webhook(String payload) {
        return given().port(gateway.port()).header("X-Hub-Signature-256", MetaSignature.of(payload, "test-app-secret"))
                .contentType("application/json").body(payload).post("/webhooks/whatsapp").then();
    }

    private ValidatableResponse upload(String key, String type, byte[] bytes, String id) {
        return given().port(gateway.port()).header("Authorization", key).contentType(type).body(bytes)
                .queryParam("id", id).post("/media").then();
    }

    private ValidatableResponse send(String key, String id, String to, String uri) {
        return given().port(gateway.port()).header("Authorization", key).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"to\":\"" + to + "@wa.gw.msging.net\",\"type\":"
                        + "\"application/vnd.lime.media-link+json\",\"content\":{\"type\":\"image/jpeg\",\"uri\":\"" + uri
                        + "\",\"text\":\"Your receipt\"}}")
                .post("/messages").then();
    }

    private String image(String wamid, String mediaId) {
        return message(wamid, "5531977001001", "\"type\":\"image\",\"image\":{\"mime_type\":\"image/jpeg\",\"sha256\":\"x\","
                + "\"id\":\"" + mediaId + "\",\"caption\":\"A photo\"}");
    }

    private String audio(String wamid, String mediaId) {
        return message(wamid, "5531977001001", "\"type\":\"audio\",\"audio\":{\"mime_type\":\"audio/ogg; codecs=opus\","
                + "\"sha256\":\"x\",\"id\":\"" + mediaId + "\",\"voice\":true}");
    }

    private String video(String wamid, String mediaId) {
        return message(wamid, "5531977001001", "\"type\":\"video\",\"video\":{\"mime_type\":\"video/mp4\",\"sha256\":\"x\","
                + "\"id\":\"" + mediaId + "\"}");
    }

    private String text(String wamid, String from) {
        return message(wamid, from, "\"type\":\"text\",\"text\":{\"body\":\"Oi\"}");
    }

    private String message(String wamid, String from, String body) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"2220001\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + PHONE_A + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + from
                + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + clock.instant().getEpochSecond() + "\"," + body + "}]},\"field\":\"messages\"}]}]}";
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
