package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.customerWrote;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
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
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Bad messages: a 4xx with a reason, nothing sent to Meta, nothing stored. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class SendBadInputTest {
    private static final String CUSTOMER = "5531977002001";

    @Inject
    LocalGateway gateway;
    @Inject
    WindowStore windows;
    @Inject
    TestClock clock;
    @Inject
    DynamoDbClient dynamo;

    private Map<String, List<Map<String, AttributeValue>>> before;

    @BeforeEach
    void openWindowAndSnapshot() {
        meta().resetAll();
        botAccepts();
        customerWrote(windows, clock, Bots.A, "+" + CUSTOMER, Duration.ofMinutes(5));
        before = TableSnapshot.of(dynamo);
    }

    @AfterEach
    void nothingSentNothingStored() {
        meta().verify(0, anyRequestedFor(urlMatching("/v23.0/.*")));
        assertThat(TableSnapshot.of(dynamo)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "empty text | `{\"id\":\"b1\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"\"}` | 400 | 64",
            "no content | `{\"id\":\"b2\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"text/plain\"}` | 400 | 21",
            "unknown type | `{\"id\":\"b3\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"application/x-hologram\",\"content\":{}}` | 415 | 71",
            "11 select options | `{\"id\":\"b4\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"application/vnd.lime.select+json\","
                    + "\"content\":{\"text\":\"Pick\",\"options\":[{\"text\":\"1\"},{\"text\":\"2\"},{\"text\":\"3\"},{\"text\":\"4\"},"
                    + "{\"text\":\"5\"},{\"text\":\"6\"},{\"text\":\"7\"},{\"text\":\"8\"},{\"text\":\"9\"},{\"text\":\"10\"},{\"text\":\"11\"}]}}` | 400 | 64",
            "template without name | `{\"id\":\"b5\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"application/json\","
                    + "\"content\":{\"type\":\"template\",\"template\":{\"language\":{\"code\":\"pt_BR\"}}}}` | 400 | 64",
            "to that is not a node | `{\"id\":\"b6\",\"to\":\"" + CUSTOMER + "\",\"type\":\"text/plain\",\"content\":\"hi\"}` | 400 | 25",
            "to another domain | `{\"id\":\"b7\",\"to\":\"" + CUSTOMER + "@telegram.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"hi\"}` | 400 | 25",
            "no to | `{\"id\":\"b8\",\"type\":\"text/plain\",\"content\":\"hi\"}` | 400 | 21",
            "to a group the bot does not have | `{\"id\":\"b9\",\"to\":\"g-123@groups.wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"hi\"}` | 404 | 67",
            "not an envelope | `[\"hi\"]` | 400 | 21",
            "a metadata value that is an object | `{\"id\":\"b10\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"text/plain\","
                    + "\"content\":\"hi\",\"metadata\":{\"#wa.context.id\":{\"id\":\"wamid.X\"}}}` | 400 | 21",
            "a metadata value that is a list | `{\"id\":\"b11\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"text/plain\","
                    + "\"content\":\"hi\",\"metadata\":{\"#wa.context.id\":[\"wamid.X\"]}}` | 400 | 21",
    })
    void aBadMessageIsRefusedWithAReason(String name, String envelope, int status, int code) {
        send(gateway.port(), Bots.A_KEY, envelope).statusCode(status).body("reason.code", equalTo(code));
    }

    @Test
    void aFiveMegabyteBodyIsRefused413Unread() {
        String huge = "{\"id\":\"big\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\""
                + "x".repeat(5 * 1024 * 1024) + "\"}";
        send(gateway.port(), Bots.A_KEY, huge).statusCode(400).body("reason.code", equalTo(21))
                .body("reason.description", containsString("the limit is 1048576"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        io.restassured.RestAssured.given().port(gateway.port()).header("Authorization", Bots.A_KEY)
                .contentType(ContentType.JSON).body("hello").post("/messages")
                .then().statusCode(400).body("reason.code", equalTo(21));
    }

    @Test
    void aNotificationWithoutIdOrWithAnUnknownEventIsRefused() {
        io.restassured.RestAssured.given().port(gateway.port()).header("Authorization", Bots.A_KEY)
                .contentType(ContentType.JSON).body("{\"event\":\"consumed\"}").post("/notifications")
                .then().statusCode(400).body("reason.code", equalTo(21));
        io.restassured.RestAssured.given().port(gateway.port()).header("Authorization", Bots.A_KEY)
                .contentType(ContentType.JSON).body("{\"id\":\"wamid.X\",\"event\":\"exploded\"}").post("/notifications")
                .then().statusCode(400).body("reason.code", equalTo(21));
    }

    @Test
    void withoutTheBotKeyNothingIsSent() {
        send(gateway.port(), Bots.key(Bots.A, "nope"), "{\"id\":\"k1\",\"to\":\"" + CUSTOMER
                + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"hi\"}").statusCode(401);
    }
}
