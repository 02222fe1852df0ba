package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.window.WindowStore;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;

/** Shared moves of the sending tests: Meta's answers, the bot's endpoint, customers' windows. */
final class SendingFixture {
    static final String META_MESSAGES_A = "/v23.0/1110001/messages";
    static final String META_MESSAGES_B = "/v23.0/1110002/messages";
    static final String NOTIFICATIONS_A = "/bot-a/notifications";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SendingFixture() {
    }

    static WireMockServer meta() {
        return WireMockResource.server();
    }

    static String sentOk(String wamid, String waId) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"" + waId
                + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
    }

    static String metaError(int code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + message
                + "\"},\"fbtrace_id\":\"AbCdEf\"}}";
    }

    static void metaAnswers(String path, int status, String body) {
        meta().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static void metaSends(String path, String wamid, String waId) {
        meta().stubFor(post(urlPathEqualTo(path)).willReturn(okJson(sentOk(wamid, waId))));
    }

    static void botAccepts() {
        meta().stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).willReturn(aResponse().withStatus(200)));
        meta().stubFor(post(urlPathEqualTo("/bot-b/notifications")).willReturn(aResponse().withStatus(200)));
    }

    static void stub(MappingBuilder mapping) {
        meta().stubFor(mapping);
    }

    /**
     * What Meta received for one recipient. Tests share one database, so dispatch may also retry
     * other tests' messages: each test looks only at its own recipient's and message's requests.
     */
    static List<JsonNode> metaReceived(String path, String to) {
        return requests(path, "to", to).stream().map(SendingFixture::json).toList();
    }

    /** Requests to a path whose JSON body has this value in this field. */
    static List<LoggedRequest> requests(String path, String field, String value) {
        if (path.startsWith("/bot-")) {
            net.wagw.testing.WorkQueueDrain.drainQueue(); // what the bot gets, dispatch delivers from the queue
        }
        return meta().findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(r -> json(r).path(field).asText().equals(value)).toList();
    }

    /** The notifications the bot received about one of its messages, in order. */
    static List<JsonNode> notificationsAbout(String botPath, String messageId) {
        return requests(botPath, "id", messageId).stream().map(SendingFixture::json).toList();
    }

    static JsonNode json(LoggedRequest request) {
        return json(request.getBodyAsString());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer wrote to the bot this long ago. */
    static void customerWrote(WindowStore windows, TestClock clock, String botId, String e164, Duration ago) {
        windows.recordInbound(botId, new PhoneNumbers(new LibPhoneNumberPlan()).parse(e164).contactKey(), clock.instant().minus(ago));
    }

    static ValidatableResponse send(int port, String authorization, String envelope) {
        return given().port(port).header("Authorization", authorization).contentType(ContentType.JSON).body(envelope)
                .post("/messages").then();
    }

    static String text(String id, String to, String body) {
        return "{\"id\":\"" + id + "\",\"to\":\"" + to + "\",\"type\":\"text/plain\",\"content\":\"" + body + "\"}";
    }

    static String template(String id, String to, String name, String language, String bodyParameters) {
        return "{\"id\":\"" + id + "\",\"to\":\"" + to + "\",\"type\":\"application/json\",\"content\":{\"type\":"
                + "\"template\",\"template\":{\"name\":\"" + name + "\",\"language\":{\"code\":\"" + language
                + "\",\"policy\":\"deterministic\"},\"components\":[{\"type\":\"body\",\"parameters\":["
                + bodyParameters + "]}]}}}";
    }
}
