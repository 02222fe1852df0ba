package net.wagw.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bad input of every kind: a clear reason, the right status (REST) or a LIME failure (commands),
 * and nothing written to any table.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
class BadInputTest {
    @Inject
    LocalGateway gateway;
    @Inject
    DynamoDbClient dynamo;

    private Map<String, List<Map<String, AttributeValue>>> before;

    @BeforeEach
    void snapshot() {
        before = TableSnapshot.of(dynamo);
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(TableSnapshot.of(dynamo)).isEqualTo(before);
    }

    private RequestSpecification bot() {
        return given().port(gateway.port()).header("Authorization", Bots.A_KEY);
    }

    private ValidatableResponse command(String body) {
        return bot().contentType(ContentType.JSON).body(body).post("/commands").then().statusCode(200)
                .body("status", equalTo("failure"))
                .body("from", equalTo("postmaster@wa.gw.msging.net"))
                .body("$", not(hasKey("resource")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5531988889999     | must start with '+'",
            "+55319888ABCD     | only digits may follow the '+'",
            "+5531             | is not",
            "+5531988889999123 | at most 15",
            "%20               | must start with '+'",
            "+                 | only digits may follow the '+'",
    })
    void anInvalidNumberIsRefusedWith400AndReason25BothWays(String msisdn, String why) {
        bot().urlEncodingEnabled(false).get("/accounts/" + msisdn).then().statusCode(400)
                .body("reason.code", equalTo(25))
                .body("reason.description", containsString(why));
        command("{\"id\":\"n\",\"method\":\"get\",\"uri\":\"/accounts/" + msisdn + "\"}")
                .body("id", equalTo("n"))
                .body("reason.code", equalTo(25))
                .body("reason.description", containsString(why));
    }

    @Test
    void anEmptyNumberNamesNoResource() {
        bot().get("/accounts/").then().statusCode(404).body("reason.code", equalTo(62));
        command("{\"id\":\"e\",\"method\":\"get\",\"uri\":\"/accounts/\"}").body("reason.code", equalTo(62));
    }

    @Test
    void aBodyThatIsNotJsonIsAFailure21() {
        command("get /accounts/+5531988889999").body("reason.code", equalTo(21))
                .body("reason.description", containsString("not JSON"));
    }

    @Test
    void anEmptyBodyIsAFailure21() {
        command("").body("reason.code", equalTo(21));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1,2]                                         | must be a JSON object",
            "\"get\"                                       | must be a JSON object",
            "{\"foo\":1}                                   | has no method",
            "{\"id\":\"1\",\"uri\":\"/accounts/+5531988889999\"} | has no method",
            "{\"id\":\"1\",\"method\":\"get\"}             | has no uri",
            "{\"id\":{\"a\":1},\"method\":\"get\",\"uri\":\"/accounts/+5531988889999\"} | id must be a string",
            "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"accounts/+5531988889999\"} | must be lime://wa.gw.msging.net/",
    })
    void jsonThatIsNotACommandEnvelopeIsAFailure21(String body, String why) {
        command(body).body("reason.code", equalTo(21)).body("reason.description", containsString(why));
    }

    @Test
    void aMethodLimeDoesNotKnowIsAFailure21() {
        command("{\"id\":\"m\",\"method\":\"fetch\",\"uri\":\"/accounts/+5531988889999\"}")
                .body("id", equalTo("m"))
                .body("reason.code", equalTo(21))
                .body("reason.description", containsString("'fetch' is not a LIME command method"));
    }

    @Test
    void aLimeMethodTheResourceDoesNotSupportIsAFailure63() {
        command("{\"id\":\"d\",\"method\":\"delete\",\"uri\":\"/accounts/+5531988889999\"}")
                .body("reason.code", equalTo(63))
                .body("reason.description", containsString("use get"));
        command("{\"id\":\"d\",\"method\":\"merge\",\"uri\":\"/accounts/+5531988889999\"}")
                .body("reason.code", equalTo(63));
    }

    @Test
    void anUnknownResourceIsAFailure62() {
        command("{\"id\":\"u\",\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/contacts/+5531988889999\"}")
                .body("reason.code", equalTo(62));
        bot().get("/contacts/+5531988889999").then().statusCode(404).body("reason.code", equalTo(62));
    }

    @Test
    void theDispatcherCannotBeReachedThroughItself() {
        command("{\"id\":\"s\",\"method\":\"set\",\"uri\":\"/commands\"}").body("reason.code", equalTo(62));
    }

    @Test
    void aUriOfAnotherDomainIsAFailure62() {
        command("{\"id\":\"o\",\"method\":\"get\",\"uri\":\"lime://msging.net/accounts/+5531988889999\"}")
                .body("reason.code", equalTo(62))
                .body("reason.description", containsString("another domain"));
    }

    @Test
    void aCommandToAnotherNodeIsAFailure42() {
        command("{\"id\":\"t\",\"to\":\"postmaster@crm.msging.net\",\"method\":\"get\",\"uri\":\"/accounts/+5531988889999\"}")
                .body("reason.code", equalTo(42));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"id\":\"big\",\"method\":\"get\",\"uri\":\"/accounts/+5531988889999\",\"resource\":\""
                + "x".repeat(1_100_000) + "\"}";
        command(huge).body("reason.code", equalTo(21))
                .body("reason.description", containsString("the limit is 1048576"))
                .body("$", not(hasKey("id")));
    }

    @Test
    void aBodyOfAnotherContentTypeIsAFailure71() {
        bot().contentType("text/plain").body("{\"id\":\"ct\",\"method\":\"get\",\"uri\":\"/accounts/+5531988889999\"}")
                .post("/commands").then().statusCode(200)
                .body("status", equalTo("failure"))
                .body("reason.code", equalTo(71))
                .body("reason.description", containsString("application/json"));
    }

    @Test
    void aCommandWithoutIdIsAnsweredWithOneTheGatewayMade() {
        bot().contentType(ContentType.JSON).body("{\"method\":\"get\",\"uri\":\"/accounts/5531\"}").post("/commands")
                .then().statusCode(200).body("id", notNullValue()).body("reason.code", equalTo(25));
    }
}
