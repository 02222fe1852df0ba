package net.wagw.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;

/**
 * The {@code commands} function on the real Lambda event path: API Gateway's payload 2.0 JSON goes
 * through Quarkus' Lambda runtime (its mock event server in test mode) and Funqy to the function,
 * and the response object comes back as API Gateway reads it.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
class CommandsFunctionLambdaTest {
    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    ObjectMapper json;

    static String event(String name) {
        try (InputStream in = CommandsFunctionLambdaTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode invoke(int port, ObjectMapper json, String event) throws IOException {
        String response = given().port(port).contentType("application/json").body(event).post("/")
                .then().statusCode(200).extract().asString();
        return json.readTree(response);
    }

    @Test
    void aBase64EncodedCommandEventIsAnsweredWithTheCommandEnvelope() throws IOException {
        String command = "{\"id\":\"lambda-1\",\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/accounts/+5531944440002\"}";
        String event = event("post-command-base64.json").replace("__BODY__",
                Base64.getEncoder().encodeToString(command.getBytes(StandardCharsets.UTF_8)));

        JsonNode response = invoke(lambdaPort, json, event);

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("isBase64Encoded").asBoolean(true)).isFalse();
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/json");
        JsonNode envelope = json.readTree(response.path("body").asText());
        assertThat(envelope.path("id").asText()).isEqualTo("lambda-1");
        assertThat(envelope.path("status").asText()).isEqualTo("success");
        assertThat(envelope.path("resource").path("identity").asText()).isEqualTo("5531944440002@wa.gw.msging.net");
    }

    @Test
    void anEventForARouteOfAnotherFunctionIsNotServedHere() throws IOException {
        JsonNode response = invoke(lambdaPort, json, event("get-account.json"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(404);
        assertThat(json.readTree(response.path("body").asText()).path("reason").path("code").asInt()).isEqualTo(62);
    }
}
