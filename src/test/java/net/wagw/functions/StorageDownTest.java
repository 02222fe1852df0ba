package net.wagw.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.ElasticMqResource;

/** With DynamoDB unreachable, a bot is told to try again (503 / failure 61), never given a guess. */
@QuarkusTest
@TestProfile(StorageDownTest.NoDynamo.class)
@WithTestResource(ElasticMqResource.class)
class StorageDownTest {
    public static class NoDynamo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wagw.dynamodb.endpoint", "http://127.0.0.1:" + closedPort());
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    LocalGateway gateway;

    @Test
    void restVerificationAnswers503WithReason61AndNoStackTrace() {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/accounts/+5531988889999")
                .then().statusCode(503)
                .body("reason.code", equalTo(61))
                .body("reason.description", containsString("Try again"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at software.amazon")));
    }

    @Test
    void commandVerificationAnswersAFailure61() {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"down\",\"method\":\"get\",\"uri\":\"/accounts/+5531988889999\"}").post("/commands")
                .then().statusCode(200)
                .body("id", equalTo("down"))
                .body("status", equalTo("failure"))
                .body("reason.code", equalTo(61));
    }
}
