package net.wagw.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
import net.wagw.queue.SqsWorkQueue;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;

/**
 * {@code dispatch} exported alone, as its Lambda is: invoked with the SQS event of its event
 * source mapping (answering the partial batch failures) and with its backstop schedule's event.
 */
@QuarkusTest
@TestProfile(DispatchFunctionLambdaTest.ExportDispatch.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
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
    @Inject
    SqsWorkQueue queue;
    @Inject
    net.wagw.testing.WorkQueueDrain drain;

    @Test
    void anSqsBatchIsAnsweredWithTheMessagesToLeaveOnTheQueue() throws IOException {
        drain.purge();
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post("/bot-a/notifications").willReturn(ok()));
        server.stubFor(post("/bot-a/messages").willReturn(serverError()));
        var bot = bots.find(Bots.A).orElseThrow().bot();
        outbox.deliver(bot, "lambda-sqs-ok", Delivery.Target.NOTIFICATIONS, "{\"id\":\"lambda-sqs-ok\"}");
        outbox.deliver(bot, "lambda-sqs-down", Delivery.Target.MESSAGES, "{\"id\":\"lambda-sqs-down\"}");
        List<SqsWorkQueue.Received> batch = receiveAll(2);

        JsonNode answer = CommandsFunctionLambdaTest.invoke(lambdaPort, json, net.wagw.local.QueuePump.sqsEvent(json, batch).toString());

        String down = batch.stream().filter(m -> m.body().contains("lambda-sqs-down")).findFirst().orElseThrow()
                .messageId();
        assertThat(answer.path("batchItemFailures")).hasSize(1);
        assertThat(answer.path("batchItemFailures").path(0).path("itemIdentifier").asText()).isEqualTo(down);
        assertThat(answer.has("handled")).as("Lambda's answer holds only the failures").isFalse();
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/bot-a/notifications")))).hasSize(1);
        queue.delete(batch, List.of(down));
    }

    @Test
    void theBackstopScheduleTakesWhatWaitsOnTheQueueAndReadsNothingWhenIdle() throws IOException {
        drain.purge();
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post("/bot-a/notifications").inScenario("down")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(serverError()).willSetStateTo("up"));
        server.stubFor(post("/bot-a/notifications").inScenario("down").whenScenarioStateIs("up").willReturn(ok()));
        outbox.deliver(bots.find(Bots.A).orElseThrow().bot(), "lambda-dispatch-1", Delivery.Target.NOTIFICATIONS,
                "{\"id\":\"lambda-dispatch-1\",\"event\":\"accepted\"}");
        try {
            JsonNode first = CommandsFunctionLambdaTest.invoke(lambdaPort, json, SCHEDULED_EVENT);
            clock.advance(Duration.ofMinutes(1));
            JsonNode second = CommandsFunctionLambdaTest.invoke(lambdaPort, json, SCHEDULED_EVENT);
            JsonNode idle = CommandsFunctionLambdaTest.invoke(lambdaPort, json, SCHEDULED_EVENT);

            assertThat(first.path("handled").asInt()).isEqualTo(1);
            assertThat(second.path("handled").asInt()).isEqualTo(1);
            assertThat(idle.path("handled").asInt()).isZero();
            assertThat(server.findAll(postRequestedFor(urlEqualTo("/bot-a/notifications")))).hasSize(2);
        } finally {
            clock.reset();
        }
    }

    private List<SqsWorkQueue.Received> receiveAll(int count) {
        List<SqsWorkQueue.Received> all = new java.util.ArrayList<>();
        for (int round = 0; round < 20 && all.size() < count; round++) {
            all.addAll(queue.receive(10, Duration.ZERO));
        }
        assertThat(all).hasSize(count);
        return all;
    }
}
