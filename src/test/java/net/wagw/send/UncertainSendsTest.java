package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static net.wagw.send.SendingFixture.META_MESSAGES_A;
import static net.wagw.send.SendingFixture.NOTIFICATIONS_A;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.customerWrote;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.notificationsAbout;
import static net.wagw.send.SendingFixture.requests;
import static net.wagw.send.SendingFixture.send;
import static net.wagw.send.SendingFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.send.OutboundMessage;
import net.wagw.domain.send.SendService;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.store.DynamoMessageStore;
import net.wagw.store.TableNames;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;
import net.wagw.testing.WorkQueueDrain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Meta answers that do not say whether it took the message (docs/queue.md): never sent again,
 * the bot told once, and no message left SENDING, over every retry round that follows.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class UncertainSendsTest {
    @Inject
    LocalGateway gateway;
    @Inject
    WindowStore windows;
    @Inject
    TestClock clock;
    @Inject
    WorkQueueDrain drain;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    TableNames names;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a2xxWithoutAMessageIdIsSentOnceAndTheBotToldFailedBecauseMetasAnswerWasUnclear() {
        assertSentOnceAndToldOnce("u-1", "+5531988889101", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\":\"whatsapp\"}"));
    }

    @Test
    void anHtmlPageWith200IsSentOnceAndTheBotToldFailedBecauseMetasAnswerWasUnclear() {
        assertSentOnceAndToldOnce("u-2", "+5531988889102", aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>"));
    }

    @Test
    void metaHangingAfterReadingTheRequestIsSentOnceAndTheBotToldFailedBecauseMetasAnswerWasUnclear() {
        // the read timeout is 1 s in tests: Meta has the request, wagw never learns what it did
        assertSentOnceAndToldOnce("u-3", "+5531988889103", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(SendingFixture.sentOk("wamid.U3", "5531988889103")).withFixedDelay(2500));
    }

    private void assertSentOnceAndToldOnce(String id, String number, ResponseDefinitionBuilder answer) {
        String digits = number.substring(1);
        customerWrote(windows, clock, Bots.A, number, Duration.ofHours(1));
        botAccepts();
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.to",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(digits)))
                .willReturn(answer));

        send(gateway.port(), Bots.A_KEY, text(id, digits + "@wa.gw.msging.net", "once only"))
                .statusCode(202).body("id", equalTo(id));
        // the bot sends the same envelope again: answered the same, nothing more sent
        send(gateway.port(), Bots.A_KEY, text(id, digits + "@wa.gw.msging.net", "once only")).statusCode(202);
        assertThat(stored(id).state()).isEqualTo(OutboundMessage.State.UNCERTAIN);

        for (int round = 0; round < 4; round++) {
            clock.advance(Duration.ofMinutes(5));
            drain.drain();
        }
        clock.advance(Duration.ofHours(25));
        drain.drain();

        assertThat(requests(META_MESSAGES_A, "to", digits)).as("requests at Meta").hasSize(1);
        List<JsonNode> told = notificationsAbout(NOTIFICATIONS_A, id);
        assertThat(told).extracting(n -> n.path("event").asText()).containsExactly("accepted", "failed");
        assertThat(told.get(1).path("reason").path("description").asText()).contains("Meta's answer was unclear");
        assertThat(stored(id).state()).isEqualTo(OutboundMessage.State.FAILED);
    }

    @Test
    void anUnclearAnswerSettledByASignedStatusNamingTheSendIsToldAsMetaSaysAndNeverFailed() {
        String id = "u-4";
        String digits = unclearAnswerTo(id, "5531988889104");
        String named = callbackDataSentTo(digits);
        assertThat(named).as("the send's identity, echoed by Meta in its statuses").contains(Bots.A).endsWith(":" + id);

        net.wagw.inbound.Webhooks.post(gateway.port(), statusNaming("1110001", "wamid.U4", "sent", digits, named))
                .statusCode(200);
        assertThat(stored(id).state()).isEqualTo(OutboundMessage.State.SENT);
        assertThat(stored(id).wamid()).isEqualTo("wamid.U4");
        // later statuses name the wamid only, as for any send
        net.wagw.inbound.Webhooks.post(gateway.port(), statusNaming("1110001", "wamid.U4", "delivered", digits, null))
                .statusCode(200);
        for (int round = 0; round < 4; round++) {
            clock.advance(Duration.ofMinutes(5));
            drain.drain();
        }

        assertThat(requests(META_MESSAGES_A, "to", digits)).as("requests at Meta").hasSize(1);
        assertThat(notificationsAbout(NOTIFICATIONS_A, id)).extracting(n -> n.path("event").asText())
                .containsExactly("accepted", "dispatched", "received");
    }

    @Test
    void aStatusOnAnotherBotsNumberNamingThisBotsUnclearSendSettlesNothing() {
        String id = "u-5";
        String digits = unclearAnswerTo(id, "5531988889105");
        String named = callbackDataSentTo(digits);

        // bot-b's number (1110002) names bot-a's send: acknowledged, and kept as bot-b's status only
        net.wagw.inbound.Webhooks.post(gateway.port(), statusNaming("1110002", "wamid.U5", "sent", digits, named))
                .statusCode(200);
        clock.advance(Duration.ofMinutes(11));
        drain.drain();

        assertThat(stored(id).state()).isEqualTo(OutboundMessage.State.FAILED);
        assertThat(notificationsAbout(NOTIFICATIONS_A, id)).extracting(n -> n.path("event").asText())
                .containsExactly("accepted", "failed");
    }

    /** A send Meta answers 2xx without a message id: left uncertain. @return the customer's digits */
    private String unclearAnswerTo(String id, String digits) {
        customerWrote(windows, clock, Bots.A, "+" + digits, Duration.ofHours(1));
        botAccepts();
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.to",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(digits)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messaging_product\":\"whatsapp\"}")));
        send(gateway.port(), Bots.A_KEY, text(id, digits + "@wa.gw.msging.net", "once only")).statusCode(202);
        assertThat(stored(id).state()).isEqualTo(OutboundMessage.State.UNCERTAIN);
        return digits;
    }

    /** What wagw sent Meta as the send's {@code biz_opaque_callback_data}. */
    private static String callbackDataSentTo(String digits) {
        return SendingFixture.json(requests(META_MESSAGES_A, "to", digits).get(0)).path("biz_opaque_callback_data")
                .asText();
    }

    private String statusNaming(String phoneNumberId, String wamid, String status, String recipient, String data) {
        return net.wagw.inbound.Webhooks.envelope(phoneNumberId, "\"statuses\":[{\"id\":\"" + wamid
                + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + clock.instant().getEpochSecond()
                + "\",\"recipient_id\":\"" + recipient + "\""
                + (data == null ? "" : ",\"biz_opaque_callback_data\":\"" + data + "\"") + "}]");
    }

    private OutboundMessage stored(String id) {
        return new DynamoMessageStore(dynamo, names).find(Bots.A, id).orElseThrow();
    }
}
