package net.wagw.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;

/** {@code dispatch} exported alone and invoked with EventBridge's scheduled event, as its Lambda is. */
@QuarkusTest
@TestProfile(DispatchFunctionLambdaTest.ExportDispatch.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(WireMockResource.class)
class DispatchFunctionLambdaTest {
    public static class ExportDispatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "dispatch");
        }
    }

    private static final String SCHEDULED_EVENT = "{\"version\":\"0\",\"id\":\"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"account\":\"123456789012\","
            + "\"time\":\"2026-11-25T12:00:00Z\",\"region\":\"us-east-1\",\"resources\":"
            + "[\"arn:aws:events:us-east-1:123456789012:rule/wagw-dispatch\"],\"detail\":{}}";

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    ObjectMapper json;
    @Inject
    Outbox outbox;
    @Inject
    BotDirectory bots;
    @Inject
    TestClock clock;

    @Test
    void aScheduledEventRetriesWhatIsDue() throws IOException {
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/bot-a/notifications")
                .inScenario("down").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()).willSetStateTo("up"));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/bot-a/notifications")
                .inScenario("down").whenScenarioStateIs("up")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));
        outbox.deliver(bots.find(Bots.A).orElseThrow().bot(), "lambda-dispatch-1", Delivery.Target.NOTIFICATIONS,
                "{\"id\":\"lambda-dispatch-1\",\"event\":\"accepted\"}");
        clock.advance(Duration.ofMinutes(1));
        try {
            JsonNode report = CommandsFunctionLambdaTest.invoke(lambdaPort, json, SCHEDULED_EVENT);

            assertThat(report.path("deliveries").asInt()).isEqualTo(1);
            assertThat(report.path("failures").asInt()).isZero();
            assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/bot-a/notifications")))).hasSize(2);
        } finally {
            clock.reset();
        }
    }
}
