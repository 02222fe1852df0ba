package net.wagw.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.wagw.local.LocalGateway;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.LocalDemo;

/** Every request example of docs/openapi.yaml, sent to the local gateway, is answered as the file says. */
@QuarkusTest
@TestProfile(LocalDemo.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
class OpenApiExamplesTest {
    @Inject
    LocalGateway gateway;

    @Test
    void everyRequestExampleIsAnsweredWithTheStatusTheFileSays() throws Exception {
        String key = "Key " + java.util.Base64.getEncoder().encodeToString(("demo:" + LocalDemo.ACCESS_KEY)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // as the file's description says: the customer has written within the last 24 hours
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531988889999\",\"name\":\"Maria\",\"text\":\"Oi\"}")
                .post("/_simulator/customer/messages").then().statusCode(200);
        var examples = OpenApiTest.requestExamples(OpenApiTest.openApi());
        // and wrote the messages that the notification examples mark read (only the bot's own are: docs/contracts.md §3.4)
        for (OpenApiTest.Example example : examples) {
            if (example.path().equals("/notifications") && example.value().hasNonNull("id")) {
                given().port(gateway.port()).contentType(ContentType.JSON)
                        .body("{\"from\":\"5531988889999\",\"id\":\"" + example.value().get("id").asText()
                                + "\",\"text\":\"Oi\"}")
                        .post("/_simulator/customer/messages").then().statusCode(200);
            }
        }
        List<String> wrong = new ArrayList<>();
        for (OpenApiTest.Example example : examples) {
            Response answer = given().port(gateway.port()).header("Authorization", key).contentType(ContentType.JSON)
                    .body(OpenApiTest.JSON.writeValueAsString(example.value()))
                    .request(example.method(), example.path());
            if (answer.statusCode() != example.expect()) {
                wrong.add(example.method() + " " + example.path() + " " + example.name() + ": expected "
                        + example.expect() + ", got " + answer.statusCode() + " " + answer.asString());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(examples).extracting(OpenApiTest.Example::expect).contains(202, 400, 403, 415, 422);
    }
}
