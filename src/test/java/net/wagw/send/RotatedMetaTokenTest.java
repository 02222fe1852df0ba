package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static net.wagw.send.SendingFixture.META_MESSAGES_A;
import static net.wagw.send.SendingFixture.NOTIFICATIONS_A;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.customerWrote;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.metaError;
import static net.wagw.send.SendingFixture.notificationsAbout;
import static net.wagw.send.SendingFixture.send;
import static net.wagw.send.SendingFixture.sentOk;
import static net.wagw.send.SendingFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.secret.Secrets;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.SecretsManagerResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;

/**
 * Secrets read at run time from Secrets Manager (WireMock playing it): Meta's access token rotated
 * while the gateway runs. Meta refuses the held token with error 190; the gateway reads the secret
 * again, sends once more with the new token, and the send succeeds, with no restart.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
@WithTestResource(SecretsManagerResource.class)
class RotatedMetaTokenTest {
    @Inject
    LocalGateway gateway;
    @Inject
    Secrets secrets;
    @Inject
    WindowStore windows;
    @Inject
    TestClock clock;

    @Test
    void aRotatedTokenIsReadAgainOnTheFirst190AndTheSendIsRetriedOnceAndSucceeds() {
        meta().resetAll();
        botAccepts();
        assertThat(secrets.get("wagw.meta.access-token")).as("held before the rotation").contains("test-access-token");
        SecretsManagerResource.put("wagw.meta.access-token", "rotated-access-token");
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).withHeader("Authorization", equalTo("Bearer test-access-token"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(metaError(190, "Error validating access token: The session has been invalidated."))));
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).withHeader("Authorization", equalTo("Bearer rotated-access-token"))
                .willReturn(okJson(sentOk("wamid.ROTATED1", "5531988881901"))));
        customerWrote(windows, clock, Bots.A, "+5531988881901", Duration.ofMinutes(5));

        send(gateway.port(), Bots.A_KEY, text("rot-1", "5531988881901@wa.gw.msging.net", "Oi")).statusCode(202);

        assertThat(meta().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES_A))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer test-access-token", "Bearer rotated-access-token");
        assertThat(notificationsAbout(NOTIFICATIONS_A, "rot-1")).extracting(n -> n.path("event").asText())
                .contains("accepted").doesNotContain("failed");
        assertThat(SecretsManagerResource.server().findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("wagw.meta.access-token"))))
                .as("read at first use, then again after the 190").hasSize(2);
    }
}
