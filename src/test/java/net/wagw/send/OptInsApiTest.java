package net.wagw.send;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WireMockResource;

/** {@code set}, {@code get}, {@code delete /opt-ins} as REST and as commands (docs/contracts.md §5). */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class OptInsApiTest {
    @Inject
    LocalGateway gateway;

    private RequestSpecification bot(String key) {
        return given().port(gateway.port()).header("Authorization", key).contentType(ContentType.JSON);
    }

    @Test
    void anOptInIsRecordedWithWhoWhenSourceTextAndCategoriesAndReadBack() {
        bot(Bots.A_KEY).body("{\"phoneNumber\":\"+5531977003001\",\"source\":\"checkout-form\","
                + "\"text\":\"I want order updates on WhatsApp\",\"categories\":[\"utility\"]}")
                .post("/opt-ins").then().statusCode(201)
                .body("identity", equalTo("5531977003001@wa.gw.msging.net"))
                .body("status", equalTo("active"))
                .body("categories", contains("UTILITY"))
                .body("source", equalTo("checkout-form"))
                .body("updatedAt", notNullValue());

        bot(Bots.A_KEY).get("/opt-ins/+5531977003001").then().statusCode(200)
                .body("phoneNumber", equalTo("+5531977003001"))
                .body("source", equalTo("checkout-form"))
                .body("text", equalTo("I want order updates on WhatsApp"))
                .body("updatedAt", notNullValue())
                .body("history", hasSize(1))
                .body("history[0].by", equalTo("bot-a"));
    }

    @Test
    void anOptInAppliesToEveryFormOfTheNumberAndARevocationIsKeptInTheHistory() {
        bot(Bots.A_KEY).body("{\"identity\":\"5531977003002@wa.gw.msging.net\",\"source\":\"chat\"}")
                .post("/opt-ins").then().statusCode(201);

        bot(Bots.A_KEY).get("/opt-ins/553177003002@wa.gw.msging.net").then().statusCode(200)
                .body("status", equalTo("active"));
        bot(Bots.A_KEY).delete("/opt-ins/+553177003002").then().statusCode(204);

        bot(Bots.A_KEY).get("/opt-ins/+5531977003002").then().statusCode(200)
                .body("status", equalTo("revoked"))
                .body("history.status", contains("active", "revoked"))
                .body("history[1].source", equalTo("api"));
    }

    @Test
    void optInsWorkAsLimeCommands() {
        String set = "{\"id\":\"oc-1\",\"to\":\"postmaster@wa.gw.msging.net\",\"method\":\"set\",\"uri\":\"/opt-ins\","
                + "\"type\":\"application/vnd.wagw.opt-in+json\",\"resource\":{\"phoneNumber\":\"+5531977003003\","
                + "\"source\":\"ivr\"}}";
        bot(Bots.A_KEY).body(set).post("/commands").then().statusCode(200)
                .body("status", equalTo("success"))
                .body("type", equalTo("application/vnd.wagw.opt-in+json"))
                .body("resource.status", equalTo("active"));

        bot(Bots.A_KEY).body("{\"id\":\"oc-2\",\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/opt-ins/%2B5531977003003\"}")
                .post("/commands").then().statusCode(200)
                .body("status", equalTo("success"))
                .body("resource.source", equalTo("ivr"));
        bot(Bots.A_KEY).body("{\"id\":\"oc-3\",\"method\":\"delete\",\"uri\":\"/opt-ins/5531977003003@wa.gw.msging.net\"}")
                .post("/commands").then().statusCode(200)
                .body("status", equalTo("success"));
        bot(Bots.A_KEY).get("/opt-ins/+5531977003003").then().body("status", equalTo("revoked"));
    }

    @Test
    void anotherBotDoesNotSeeAnOptIn() {
        bot(Bots.A_KEY).body("{\"phoneNumber\":\"+5531977003004\",\"source\":\"web\"}").post("/opt-ins")
                .then().statusCode(201);

        bot(Bots.B_KEY).get("/opt-ins/+5531977003004").then().statusCode(404).body("reason.code", equalTo(67));
    }

    @Test
    void anOptInWithoutSourceOrWithAnUnknownCategoryOrCustomerIsRefused() {
        bot(Bots.A_KEY).body("{\"phoneNumber\":\"+5531977003005\"}").post("/opt-ins")
                .then().statusCode(400).body("reason.code", equalTo(64)).body("reason.description", containsString("source"));
        bot(Bots.A_KEY).body("{\"phoneNumber\":\"+5531977003005\",\"source\":\"web\",\"categories\":[\"SPAM\"]}")
                .post("/opt-ins").then().statusCode(400).body("reason.code", equalTo(64));
        bot(Bots.A_KEY).body("{\"phoneNumber\":\"5531977003005\",\"source\":\"web\"}").post("/opt-ins")
                .then().statusCode(400).body("reason.code", equalTo(25));
        bot(Bots.A_KEY).get("/opt-ins/+5531977003005").then().statusCode(404);
    }
}
