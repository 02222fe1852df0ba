package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static net.wagw.send.SendingFixture.META_MESSAGES_A;
import static net.wagw.send.SendingFixture.NOTIFICATIONS_A;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.customerWrote;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.metaError;
import static net.wagw.send.SendingFixture.notificationsAbout;
import static net.wagw.send.SendingFixture.requests;
import static net.wagw.send.SendingFixture.send;
import static net.wagw.send.SendingFixture.sentOk;
import static net.wagw.send.SendingFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import net.wagw.testing.WorkQueueDrain;

/**
 * The SQS-compatible server down while a send needs it (docs/queue.md "When the queue is down"):
 * nothing acknowledged that was not queued, and the bot's retry of the same envelope is accepted
 * and sent once the server is back, with no restart of wagw. ElasticMQ is stopped and started by
 * the test.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class QueueOutageTest {
    @Inject
    LocalGateway gateway;
    @Inject
    WindowStore windows;
    @Inject
    TestClock clock;
    @Inject
    WorkQueueDrain drain;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSendMetaDeferredWhileTheQueueIsDownIsNotAcceptedAndTheBotsRetryIsSentOnceItIsBack() {
        String digits = "5531966104001";
        customerWrote(windows, clock, Bots.A, "+" + digits, Duration.ofHours(1));
        botAccepts();
        // Meta asks for a retry (500), so the send needs the queue
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).withRequestBody(WireMock.matchingJsonPath("$.to",
                WireMock.equalTo(digits))).willReturn(aResponse().withStatus(500)
                        .withBody(metaError(131000, "Something went wrong"))));
        ElasticMqResource.stopQueue();
        int first;
        try {
            first = send(gateway.port(), Bots.A_KEY, text("q-1", digits + "@wa.gw.msging.net", "later"))
                    .extract().statusCode();
        } finally {
            ElasticMqResource.restartQueue();
        }
        assertThat(first).as("not acknowledged while it could not be kept").isGreaterThanOrEqualTo(500);
        assertThat(notificationsAbout(NOTIFICATIONS_A, "q-1")).as("not told accepted").isEmpty();

        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).withRequestBody(WireMock.matchingJsonPath("$.to",
                WireMock.equalTo(digits))).willReturn(okJson(sentOk("wamid.Q1", digits))));
        send(gateway.port(), Bots.A_KEY, text("q-1", digits + "@wa.gw.msging.net", "later")).statusCode(202);
        clock.advance(Duration.ofMinutes(1));
        drain.drain();
        clock.advance(Duration.ofMinutes(1));
        drain.drain();

        assertThat(requests(META_MESSAGES_A, "to", digits)).as("Meta's 500, then the queued retry").hasSize(2);
        assertThat(notificationsAbout(NOTIFICATIONS_A, "q-1")).extracting(n -> n.path("event").asText())
                .containsExactly("accepted");
    }
}
