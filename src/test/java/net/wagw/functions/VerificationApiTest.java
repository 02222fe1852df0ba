package net.wagw.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Verification end to end: HTTP -> API Gateway event -> function -> DynamoDB (a real dynalite)
 * and back, both as REST and as a LIME command.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
class VerificationApiTest {
    @Inject
    LocalGateway gateway;
    @Inject
    Contacts contacts;
    @Inject
    PhoneNumbers numbers;
    @Inject
    DynamoDbClient dynamo;

    private RequestSpecification as(String authorization) {
        return given().port(gateway.port()).header("Authorization", authorization);
    }

    private static String command(String id, String method, String uri) {
        return "{\"id\":\"" + id + "\",\"to\":\"postmaster@wa.gw.msging.net\",\"method\":\"" + method
                + "\",\"uri\":\"" + uri + "\"}";
    }

    @Test
    void restVerificationAnswersTheAccountOfANumber() {
        as(Bots.A_KEY).get("/accounts/+5531977770001")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("identity", equalTo("5531977770001@wa.gw.msging.net"))
                .body("alternativeAccount", equalTo("5531977770001@wa.gw.msging.net"))
                .body("phoneNumber", equalTo("+5531977770001"))
                .body("source", equalTo("WhatsApp"))
                .body("$", not(hasKey("fullName")));
    }

    @Test
    void commandVerificationAnswersTheLimeCommandEnvelope() {
        String uri = "lime://wa.gw.msging.net/accounts/+5531977770002";
        as(Bots.A_KEY).contentType(ContentType.JSON).body(command("c-1", "get", uri)).post("/commands")
                .then().statusCode(200)
                .body("id", equalTo("c-1"))
                .body("from", equalTo("postmaster@wa.gw.msging.net"))
                .body("to", equalTo("bot-a@msging.net"))
                .body("method", equalTo("get"))
                .body("status", equalTo("success"))
                .body("type", equalTo("application/vnd.lime.account+json"))
                .body("resource.identity", equalTo("5531977770002@wa.gw.msging.net"))
                .body("resource.phoneNumber", equalTo("+5531977770002"))
                .body("metadata.'#command.uri'", equalTo(uri))
                .body("$", not(hasKey("reason")));
    }

    @Test
    void aCommandMayNameTheResourceByItsPathAlone() {
        as(Bots.A_KEY).contentType(ContentType.JSON).body(command("c-2", "get", "/accounts/+5531977770003"))
                .post("/commands")
                .then().statusCode(200)
                .body("status", equalTo("success"))
                .body("resource.identity", equalTo("5531977770003@wa.gw.msging.net"));
    }

    @Test
    void aRecordedWaIdIsAnsweredForBothMobileFormsOfTheNumber() {
        contacts.learnWaId(Bots.A, numbers.parse("+5531966660001"), "553166660001");

        as(Bots.A_KEY).get("/accounts/+5531966660001").then().statusCode(200)
                .body("identity", equalTo("553166660001@wa.gw.msging.net"))
                .body("alternativeAccount", equalTo("5531966660001@wa.gw.msging.net"));
        as(Bots.A_KEY).contentType(ContentType.JSON).body(command("c-3", "get", "/accounts/+553166660001"))
                .post("/commands").then().statusCode(200)
                .body("resource.identity", equalTo("553166660001@wa.gw.msging.net"));
    }

    @Test
    void aProfileNameLearnedFromAnInboundMessageIsAnsweredAsFullName() {
        contacts.learnFromInbound(Bots.A, "5215512340001", "Lupita");

        as(Bots.A_KEY).get("/accounts/+525512340001").then().statusCode(200)
                .body("identity", equalTo("5215512340001@wa.gw.msging.net"))
                .body("fullName", equalTo("Lupita"));
    }

    @Test
    void aWaIdLearnedFromASendKeepsTheProfileNameLearnedBefore() {
        contacts.learnFromInbound(Bots.A, "553166660002", "Joana");
        contacts.learnWaId(Bots.A, numbers.parse("+5531966660002"), "5531966660002");

        as(Bots.A_KEY).get("/accounts/+553166660002").then().statusCode(200)
                .body("identity", equalTo("5531966660002@wa.gw.msging.net"))
                .body("fullName", equalTo("Joana"));
    }

    @Test
    void botBCannotSeeWhatBotALearned() {
        contacts.learnFromInbound(Bots.A, "5491155550001", "Sofía");

        as(Bots.B_KEY).get("/accounts/+5491155550001").then().statusCode(200)
                .body("identity", equalTo("5491155550001@wa.gw.msging.net"))
                .body("$", not(hasKey("fullName")));
        as(Bots.A_KEY).get("/accounts/+541155550001").then().statusCode(200)
                .body("identity", equalTo("5491155550001@wa.gw.msging.net"))
                .body("fullName", equalTo("Sofía"));
    }

    @Test
    void pastTheDailyQuotaVerificationAnswers429WithReason85AndTheCommandAFailure85() {
        // bot-q may verify 2 numbers a day (application.properties)
        as(Bots.Q_KEY).get("/accounts/+5531955550001").then().statusCode(200);
        as(Bots.Q_KEY).get("/accounts/+5531955550002").then().statusCode(200);

        as(Bots.Q_KEY).get("/accounts/+5531955550003").then().statusCode(429)
                .body("reason.code", equalTo(85))
                .body("reason.description", org.hamcrest.Matchers.containsString("quota of 2 verifications"));
        as(Bots.Q_KEY).contentType(ContentType.JSON).body(command("q-1", "get", "/accounts/+5531955550003"))
                .post("/commands").then().statusCode(200)
                .body("id", equalTo("q-1"))
                .body("status", equalTo("failure"))
                .body("reason.code", equalTo(85));
        // another bot's quota is its own
        as(Bots.B_KEY).get("/accounts/+5531955550003").then().statusCode(200);
    }

    @Test
    void withoutAValidKeyNothingIsAnsweredButA401() {
        var before = TableSnapshot.of(dynamo);
        String[] wrong = { null, "", "Key", "Key !!!notbase64", Bots.key(Bots.A, "wrong-key"),
                Bots.key(Bots.A, "bot-b-test-key"), Bots.key("nobody", "bot-a-test-key"),
                "Basic " + Bots.A_KEY.substring(4), Bots.key(Bots.A, "") };
        for (String authorization : wrong) {
            RequestSpecification request = given().port(gateway.port());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get("/accounts/+5531977770009").then().statusCode(401)
                    .body("reason.code", equalTo(31))
                    .body("$", not(hasKey("identity")));
            request.contentType(ContentType.JSON).body(command("x", "get", "/accounts/+5531977770009"))
                    .post("/commands").then().statusCode(401).body("$", not(hasKey("resource")));
        }
        assertThat(TableSnapshot.of(dynamo)).isEqualTo(before);
    }

    @Test
    void theSchemeNameOfTheKeyIsCaseInsensitive() {
        as("key " + Bots.A_KEY.substring(4)).get("/accounts/+5531977770010").then().statusCode(200);
    }
}
