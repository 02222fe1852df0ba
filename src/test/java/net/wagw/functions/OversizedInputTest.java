package net.wagw.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TableSnapshot;
import net.wagw.testing.WireMockResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Oversized ids, names and texts on every bot route, straight and as LIME commands (issue 14):
 * refused 4xx with a LIME reason code and a sentence (a command: a failure with both), never 5xx
 * (a bot would retry an outage forever), and nothing written to any table, nothing sent to Meta.
 * Prints how many answers were 5xx, for the fault suite's figures.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class OversizedInputTest {
    /** Past every id bound (512) yet inside a request line. */
    private static final String ID = "i".repeat(1500);
    private static final String NAME = "n".repeat(3000);
    private static final String TEXT = "t".repeat(500_000);
    private static final String CUSTOMER = "5531966085001@wa.gw.msging.net";
    private static final List<String> FIVE_HUNDREDS = new ArrayList<>();
    private static int asked;

    @Inject
    LocalGateway gateway;
    @Inject
    DynamoDbClient dynamo;

    private Map<String, List<Map<String, AttributeValue>>> before;

    /** Lists filtered by an oversized value find nothing: 200 and empty is an answer too. */
    private static final Set<Route> READS = Set.of(Route.GET_MESSAGE_TEMPLATES, Route.GET_DEAD_LETTERS,
            Route.LIST_GROUPS);

    /** One bad request: the route it is for, and the request. */
    record Case(Route route, String name, String method, String path, String body) {
        @Override
        public String toString() {
            return route + ": " + name;
        }
    }

    static Stream<Case> cases() {
        String group = "/groups/" + ID;
        return Stream.of(
                new Case(Route.GET_ACCOUNT, "msisdn", "GET", "/accounts/+" + "9".repeat(1500), null),
                new Case(Route.SET_OPT_IN, "text", "POST", "/opt-ins",
                        "{\"phoneNumber\":\"+5531966085001\",\"source\":\"web\",\"text\":\"" + TEXT + "\"}"),
                new Case(Route.SET_OPT_IN, "source", "POST", "/opt-ins",
                        "{\"phoneNumber\":\"+5531966085001\",\"source\":\"" + "s".repeat(5000) + "\",\"text\":\"yes\"}"),
                new Case(Route.SET_OPT_IN, "customer", "POST", "/opt-ins",
                        "{\"phoneNumber\":\"+" + "9".repeat(3000) + "\",\"source\":\"web\",\"text\":\"yes\"}"),
                new Case(Route.GET_OPT_IN, "customer", "GET", "/opt-ins/" + ID, null),
                new Case(Route.DELETE_OPT_IN, "customer", "DELETE", "/opt-ins/" + ID, null),
                new Case(Route.SEND_MESSAGE, "envelope id", "POST", "/messages",
                        "{\"id\":\"" + NAME + "\",\"to\":\"" + CUSTOMER + "\",\"type\":\"text/plain\",\"content\":\"x\"}"),
                new Case(Route.SEND_MESSAGE, "to", "POST", "/messages",
                        "{\"id\":\"o-2\",\"to\":\"" + NAME + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"x\"}"),
                new Case(Route.SEND_MESSAGE, "text", "POST", "/messages",
                        "{\"id\":\"o-3\",\"to\":\"" + CUSTOMER + "\",\"type\":\"text/plain\",\"content\":\"" + TEXT + "\"}"),
                new Case(Route.SEND_MESSAGE, "template name", "POST", "/messages", "{\"id\":\"o-4\",\"to\":\"" + CUSTOMER
                        + "\",\"type\":\"application/json\",\"content\":{\"type\":\"template\",\"template\":{\"name\":\""
                        + NAME + "\",\"language\":{\"code\":\"pt_BR\"}}}}"),
                new Case(Route.SEND_MESSAGE, "group id", "POST", "/messages",
                        "{\"id\":\"o-5\",\"to\":\"" + ID + "@groups.wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"x\"}"),
                new Case(Route.SEND_MESSAGE, "reply-to metadata", "POST", "/messages", "{\"id\":\"o-6\",\"to\":\"" + CUSTOMER
                        + "\",\"type\":\"text/plain\",\"content\":\"x\",\"metadata\":{\"#wa.context.id\":\"" + NAME + "\"}}"),
                new Case(Route.SEND_NOTIFICATION, "wamid", "POST", "/notifications",
                        "{\"id\":\"" + NAME + "\",\"to\":\"" + CUSTOMER + "\",\"event\":\"consumed\"}"),
                new Case(Route.GET_MESSAGE_TEMPLATES, "name", "GET", "/message-templates?name=" + NAME, null),
                new Case(Route.GET_USAGE, "dates", "GET", "/usage?from=" + ID + "&to=" + ID, null),
                new Case(Route.GET_DEAD_LETTERS, "limit", "GET", "/dead-letters?limit=" + "9".repeat(1500), null),
                new Case(Route.REDRIVE_DEAD_LETTER, "id", "POST", "/dead-letters/" + ID, ""),
                new Case(Route.UPLOAD_MEDIA, "media type", "POST", "/media", "bytes"),
                new Case(Route.CREATE_GROUP, "subject", "POST", "/groups", "{\"subject\":\"" + NAME + "\"}"),
                new Case(Route.CREATE_GROUP, "description", "POST", "/groups",
                        "{\"subject\":\"ok\",\"description\":\"" + TEXT + "\"}"),
                new Case(Route.CREATE_GROUP, "request id", "POST", "/groups",
                        "{\"id\":\"" + NAME + "\",\"subject\":\"ok\"}"),
                new Case(Route.LIST_GROUPS, "cursor", "GET", "/groups?after=" + ID, null),
                new Case(Route.GET_GROUP, "id", "GET", group, null),
                new Case(Route.DELETE_GROUP, "id", "DELETE", group, null),
                new Case(Route.GET_INVITE_LINK, "id", "GET", group + "/invite-link", null),
                new Case(Route.RESET_INVITE_LINK, "id", "POST", group + "/invite-link", ""),
                new Case(Route.REMOVE_PARTICIPANT, "ids", "DELETE", "/groups/g-1/participants/" + ID, null),
                new Case(Route.LIST_JOIN_REQUESTS, "id", "GET", group + "/join-requests", null),
                new Case(Route.ANSWER_JOIN_REQUESTS, "request ids", "POST", "/groups/g-1/join-requests",
                        "{\"approve\":[\"" + ID + "\"]}"),
                new Case(Route.GET_MEDIA, "id", "GET", "/media/" + ID, null),
                new Case(Route.COMMANDS, "command id", "POST", "/commands",
                        "{\"id\":\"" + NAME + "\",\"method\":\"get\",\"uri\":\"/groups/" + ID + "\"}"));
    }

    /** The same through {@code POST /commands}, for every route a bot can reach so. */
    static Stream<Case> commands() {
        return cases().filter(c -> c.route().viaCommands()).map(c -> {
            String uri = c.path().replace("\"", "\\\"");
            String resource = c.body() == null || c.body().isEmpty() ? "" : ",\"type\":\"application/json\","
                    + "\"resource\":" + c.body();
            String method = switch (c.method()) {
                case "GET" -> "get";
                case "DELETE" -> "delete";
                default -> "set";
            };
            return new Case(c.route(), c.name() + " (command)", "POST", "/commands",
                    "{\"id\":\"c-1\",\"method\":\"" + method + "\",\"uri\":\"" + uri + "\"" + resource + "}");
        });
    }

    @BeforeEach
    void snapshot() {
        WireMockResource.server().resetRequests();
        before = TableSnapshot.of(dynamo);
    }

    @AfterEach
    void nothingWrittenNothingSent() {
        assertThat(TableSnapshot.of(dynamo)).as("tables").isEqualTo(before);
        WireMockResource.server().verify(0, anyRequestedFor(urlMatching("/v23.0/.*")));
    }

    @AfterAll
    static void printFigure() {
        System.out.printf("5xx answers to bad input: %d of %d oversized requests%s%n", FIVE_HUNDREDS.size(), asked,
                FIVE_HUNDREDS.isEmpty() ? "" : " " + FIVE_HUNDREDS);
    }

    @Test
    void everyBotRouteHasAnOversizedCase() {
        Set<Route> covered = cases().map(Case::route).collect(Collectors.toSet());
        List<Route> botRoutes = Arrays.stream(Route.values()).filter(r -> !r.isMetas() && !r.isAdmin()).toList();

        assertThat(botRoutes).allMatch(covered::contains, "has a case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anOversizedValueIsRefused4xxWithAReasonAndNothingChanges(Case c) {
        Response answer = ask(c);
        if (c.route() == Route.COMMANDS) {
            assertCommandFailure(c, answer);
            return;
        }
        if (READS.contains(c.route()) && answer.statusCode() == 200) {
            assertThat(answer.jsonPath().getInt("total")).as(c + ": found nothing").isZero();
            return;
        }
        assertThat(answer.statusCode()).as(c + " answered " + answer.asString()).isBetween(400, 499);
        if (answer.contentType() != null && answer.contentType().contains("json")) {
            JsonPath body = answer.jsonPath();
            assertThat(body.getInt("reason.code")).as(c + ": a LIME reason code").isPositive();
            assertThat(body.getString("reason.description")).as(c + ": a sentence").isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anOversizedValueInACommandIsAFailureWithAReasonAndNothingChanges(Case c) {
        assertCommandFailure(c, ask(c));
    }

    private static void assertCommandFailure(Case c, Response answer) {
        assertThat(answer.statusCode()).as(c + " answered " + answer.asString()).isEqualTo(200);
        JsonPath body = answer.jsonPath();
        if (READS.contains(c.route()) && "success".equals(body.getString("status"))) {
            assertThat(body.getInt("resource.total")).as(c + ": found nothing").isZero();
            return;
        }
        assertThat(body.getString("status")).as(c + " answered " + answer.asString()).isEqualTo("failure");
        assertThat(body.getInt("reason.code")).as(c + ": a LIME reason code").isPositive();
        assertThat(body.getString("reason.description")).as(c + ": a sentence").isNotBlank()
                .doesNotContainIgnoringCase("try again");
    }

    private Response ask(Case c) {
        var request = given().port(gateway.port()).header("Authorization", Bots.A_KEY).urlEncodingEnabled(false);
        if (c.route() == Route.UPLOAD_MEDIA) {
            request = request.contentType("image/" + "x".repeat(3000));
        } else if (c.body() != null) {
            request = request.contentType("application/json").body(c.body());
        }
        Response answer = request.request(c.method(), c.path());
        asked++;
        if (answer.statusCode() >= 500 || answer.asString().contains("Try again")) {
            FIVE_HUNDREDS.add(c.toString());
        }
        return answer;
    }
}
