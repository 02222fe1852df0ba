package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.functions.WorkRouter;
import net.wagw.local.LocalGateway;
import net.wagw.queue.QueueConnection;
import net.wagw.queue.SqsClients;
import net.wagw.queue.SqsWorkQueue;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import net.wagw.testing.WorkQueueDrain;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Meta is answered once the events are stored and queued, whatever the bot does; the bot gets
 * them from the queue afterwards (docs/queue.md): after an outage of days, in order per customer;
 * after the process that answered Meta is gone; and with the queue itself down, Meta is answered
 * 5xx (nothing acknowledged that was not kept) and its retry goes through once the queue is back.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class ForwardingFromTheQueueTest {
    private static final String MESSAGES_A = "/bot-a/messages";

    @Inject
    LocalGateway gateway;
    @Inject
    WorkQueueDrain drain;
    @Inject
    TestClock clock;
    @Inject
    WorkRouter router;
    @Inject
    QueueConnection queueConnection;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void emptyQueue() {
        drain.purge();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        WireMockResource.server().stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void aBotDownForThreeDaysGetsEveryMessageAfterwardsInOrderPerCustomer() {
        botAnswers(503);
        long t = now();
        List<String> maria = List.of("wamid.OUT3D.M1", "wamid.OUT3D.M2", "wamid.OUT3D.M3");
        List<String> joao = List.of("wamid.OUT3D.J1", "wamid.OUT3D.J2");
        for (int i = 0; i < 3; i++) {
            Webhooks.post(gateway.port(), Webhooks.text(maria.get(i), "5531966101001", "Maria", t + i, "m" + i))
                    .statusCode(200);
            if (i < 2) {
                Webhooks.post(gateway.port(), Webhooks.text(joao.get(i), "5531966101002", "João", t + i, "j" + i))
                        .statusCode(200);
            }
        }

        for (int hour = 0; hour < 72; hour++) {
            clock.advance(Duration.ofHours(1));
            drain.drain();
        }
        botAnswers(200);
        clock.advance(Duration.ofMinutes(16)); // past the longest backoff
        drain.drain();

        assertThat(takenInOrder(maria)).containsExactlyElementsOf(maria);
        assertThat(takenInOrder(joao)).containsExactlyElementsOf(joao);
    }

    @Test
    void aWebhookAckedWhileTheBotIsSlowIsForwardedByAFreshDispatchAfterTheAnsweringProcessIsGone() {
        WireMockResource.server().stubFor(post(urlPathEqualTo(MESSAGES_A))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        Webhooks.post(gateway.port(), Webhooks.text("wamid.ACK.1", "5531966102001", "Ana", now(), "oi")).statusCode(200);
        assertThat(bodiesTo("wamid.ACK.1")).as("nothing waited for the bot").isEmpty();

        // what a process started after this one would do: its own client, its own queue reader
        WireMockResource.server().stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
        try (SqsClient fresh = SqsClients.build(queueConnection)) {
            SqsWorkQueue queue = new SqsWorkQueue(fresh, queueConnection, Clock.systemUTC());
            for (int round = 0; round < 5 && bodiesTo("wamid.ACK.1").isEmpty(); round++) {
                queue.poll(10, Duration.ofSeconds(1), router);
            }
        }
        assertThat(bodiesTo("wamid.ACK.1")).hasSize(1);
    }

    @Test
    void withTheQueueDownMetaIsAnswered5xxAndItsRetryIsForwardedOnceTheQueueIsBack() {
        botAnswers(200);
        String payload = Webhooks.text("wamid.QDOWN.1", "5531966103001", "Rui", now(), "olá");
        ElasticMqResource.stopQueue();
        try {
            int status = Webhooks.post(gateway.port(), payload).extract().statusCode();
            assertThat(status).as("nothing acknowledged that was not queued").isGreaterThanOrEqualTo(500);
        } finally {
            ElasticMqResource.restartQueue();
        }

        Webhooks.post(gateway.port(), payload).statusCode(200); // Meta's retry: no restart of wagw
        Webhooks.post(gateway.port(), payload).statusCode(200); // and a duplicate of it
        drain.drain();

        assertThat(bodiesTo("wamid.QDOWN.1")).hasSize(1);
    }

    private void botAnswers(int status) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(status)));
    }

    /** The ids of {@code ids} in the order the bot first took them (answered 200). */
    private List<String> takenInOrder(List<String> ids) {
        return WireMockResource.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(MESSAGES_A) && e.getResponse().getStatus() == 200)
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> read(e.getRequest().getBodyAsString()))
                .filter(ids::contains).distinct().toList();
    }

    private List<String> bodiesTo(String wamid) {
        return WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(MESSAGES_A))).stream()
                .map(r -> read(r.getBodyAsString())).filter(wamid::equals).toList();
    }

    private String read(String body) {
        try {
            return json.readTree(body).path("id").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
