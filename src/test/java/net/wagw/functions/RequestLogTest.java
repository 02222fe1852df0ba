package net.wagw.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import net.wagw.local.LocalGateway;
import net.wagw.local.WhatsAppSimulator;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.SimulatorQuiet;
import net.wagw.testing.WireMockResource;

/** Each request writes one log line with its fields and nothing private; metrics leave as valid EMF lines. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class RequestLogTest {
    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    ObjectMapper json;
    @Inject
    Metrics metrics;
    @Inject
    LocalGateway gateway;
    @Inject
    WhatsAppSimulator simulator;
    @Inject
    HttpGateway http;

    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final List<String> emf = new CopyOnWriteArrayList<>();
    private final Consumer<String> emfListener = emf::add;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // the MDC is read when asked; copied here, on the logging thread, before the fields are removed
            ExtLogRecord line = (ExtLogRecord) record;
            line.copyAll();
            lines.add(line);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        // an earlier test's status webhooks, still on their way from the simulator, would log lines too
        SimulatorQuiet.await(simulator);
        Logger.getLogger(RequestLog.CATEGORY).addHandler(capture);
        metrics.listen(emfListener);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(RequestLog.CATEGORY).removeHandler(capture);
        metrics.unlisten(emfListener);
    }

    @Test
    void aLambdaRequestWritesExactlyOneLineWithItsFieldsAndNoSecretNumberOrBody() throws IOException {
        String command = "{\"id\":\"log-1\",\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/accounts/+5531944449876\"}";
        String event = CommandsFunctionLambdaTest.event("post-command-base64.json").replace("__BODY__",
                Base64.getEncoder().encodeToString(command.getBytes(StandardCharsets.UTF_8)));

        CommandsFunctionLambdaTest.invoke(lambdaPort, json, event);

        List<ExtLogRecord> requests = lines.stream().filter(r -> "request".equals(r.getMdc("kind"))).toList();
        assertThat(requests).hasSize(1);
        ExtLogRecord line = requests.get(0);
        Map<String, String> fields = line.getMdcCopy();
        assertThat(fields).containsEntry("route", "POST /commands").containsEntry("function", "commands")
                .containsEntry("bot", Bots.A).containsEntry("status", "200").containsEntry("apiRequestId", "CXb5dgmWoAMEVxR=")
                .containsKey("latencyMs");
        assertThat(fields.get("lambdaRequestId")).as("the Lambda request id").isNotBlank();
        String written = line.getFormattedMessage() + " " + fields;
        assertThat(written).doesNotContain("5531944449876", "bot-a-test-key", "Ym90LWE6Ym90LWEtdGVzdC1rZXk=", "log-1",
                "lime://", "accounts/");
    }

    @Test
    void aRefusalWritesItsReasonCodeAndCountsItAsValidEmf() throws IOException {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"log-window\",\"to\":\"5531944448765@wa.gw.msging.net\",\"type\":\"text/plain\","
                        + "\"content\":\"Oi\"}")
                .post("/messages").then().statusCode(422);

        ExtLogRecord line = lines.stream().filter(r -> "request".equals(r.getMdc("kind"))).reduce((a, b) -> b).orElseThrow();
        assertThat(line.getMdcCopy()).containsEntry("route", "POST /messages").containsEntry("status", "422")
                .containsEntry("reason", "66");
        assertThat(line.getFormattedMessage()).isEqualTo("POST /messages bot=bot-a -> 422 reason=66 "
                + line.getMdc("latencyMs") + "ms");
        assertThat(line.getFormattedMessage() + line.getMdcCopy()).doesNotContain("5531944448765", "Oi\"");

        List<JsonNode> parsed = new ArrayList<>();
        for (String text : emf) {
            JsonNode node = json.readTree(text);
            assertEmf(node);
            parsed.add(node);
        }
        assertThat(parsed).anySatisfy(n -> {
            assertThat(n.path("Sends").asInt()).isEqualTo(1);
            assertThat(n.path("Outcome").asText()).isEqualTo("refused");
        });
        assertThat(parsed).anySatisfy(n -> assertThat(n.path("WindowRefusals").asInt()).isEqualTo(1));
        assertThat(parsed).anySatisfy(n -> {
            assertThat(n.path("Refusals").asInt()).isEqualTo(1);
            assertThat(n.path("Reason").asText()).isEqualTo("66");
        });
    }

    @Test
    void thePrimingRequestAtInitIsLoggedButCountsNoRefusalWhileTheSameRequestServedIs() {
        APIGatewayV2HTTPEvent.RequestContext.Http get = new APIGatewayV2HTTPEvent.RequestContext.Http();
        get.setMethod("GET");
        get.setPath("/accounts/+5531944440001");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(get);
        APIGatewayV2HTTPEvent keyless = new APIGatewayV2HTTPEvent();
        keyless.setRouteKey(Route.GET_ACCOUNT.routeKey());
        keyless.setRawPath(get.getPath());
        keyless.setHeaders(Map.of());
        keyless.setRequestContext(context);

        assertThat(http.prime("verify", keyless).getStatusCode()).isEqualTo(401);
        assertThat(unauthorized()).as("metrics of the priming request").isZero();
        assertThat(lines).anySatisfy(line -> assertThat(line.getMdcCopy()).containsEntry("status", "401"));

        assertThat(http.handle("verify", keyless).getStatusCode()).isEqualTo(401);
        assertThat(unauthorized()).as("metrics of the same request served").isEqualTo(1);
    }

    /** Metric lines counting a request refused for its key (reason 31). */
    private long unauthorized() {
        return emf.stream().filter(text -> text.contains("\"Refusals\"") && text.contains("\"Reason\":\"31\"")).count();
    }

    @Test
    void aMetaErrorCodeInARefusalBecomesADimensionOfTheSend() {
        assertThat(Metrics.metaCode("Meta refused it: (#132001) Template name does not exist")).isEqualTo("132001");
        assertThat(Metrics.metaCode("no code here")).isNull();
    }

    /**
     * The embedded metric format's rules (AWS CloudWatch user guide, "Specification: Embedded metric
     * format"): a root object with {@code _aws.Timestamp} (epoch millis) and {@code CloudWatchMetrics},
     * each directive with a Namespace, Dimensions (arrays of at most 30 names of top-level string
     * members) and Metrics (names of top-level numeric members).
     */
    private static void assertEmf(JsonNode line) {
        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("%s", line).isTrue();
        assertThat(aws.path("CloudWatchMetrics").isArray() && aws.path("CloudWatchMetrics").size() > 0).isTrue();
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            assertThat(directive.path("Namespace").asText()).isEqualTo(Metrics.NAMESPACE);
            for (JsonNode set : directive.path("Dimensions")) {
                assertThat(set.size()).isLessThanOrEqualTo(30);
                set.forEach(d -> assertThat(line.path(d.asText()).isTextual()).as("dimension %s in %s", d, line).isTrue());
            }
            assertThat(directive.path("Metrics").size()).isPositive();
            directive.path("Metrics").forEach(m -> {
                assertThat(line.path(m.path("Name").asText()).isNumber()).as("metric %s in %s", m, line).isTrue();
                assertThat(m.path("Unit").asText()).isEqualTo("Count");
            });
        }
    }
}
