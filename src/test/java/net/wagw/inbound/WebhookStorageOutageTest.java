package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import net.wagw.local.LocalGateway;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WireMockResource;

/**
 * DynamoDB goes away while Meta delivers: Meta is answered 5xx (so it retries), and once the
 * database is back the retry is stored and forwarded exactly once. Its own application and
 * dynalite (a profile of its own), since it takes the database down.
 */
@QuarkusTest
@TestProfile(WebhookStorageOutageTest.Own.class)
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class WebhookStorageOutageTest {
    public static class Own implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wagw.queue.send-rate-per-second", "80");
        }
    }

    @Inject
    LocalGateway gateway;

    @Test
    void withDynamoDbDownMetaGets5xxAndItsRetryIsForwardedOnceWhenItIsBack() {
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/bot-a/messages")).willReturn(aResponse().withStatus(200)));
        String payload = Webhooks.text("wamid.IN.O1", "5531966007001", "Olga", Instant.now().getEpochSecond(), "hello?");

        DynaliteResource.stopDatabase();
        try {
            int status = Webhooks.post(gateway.port(), payload).extract().statusCode();
            assertThat(status).isGreaterThanOrEqualTo(500);
            net.wagw.testing.WorkQueueDrain.drainQueue();
            server.verify(0, postRequestedFor(urlPathEqualTo("/bot-a/messages")));
        } finally {
            DynaliteResource.restartDatabase();
        }

        Webhooks.post(gateway.port(), payload).statusCode(200);
        Webhooks.post(gateway.port(), payload).statusCode(200);

        net.wagw.testing.WorkQueueDrain.drainQueue();
        server.verify(1, postRequestedFor(urlPathEqualTo("/bot-a/messages")));
    }
}
