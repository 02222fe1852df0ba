package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static net.wagw.send.SendingFixture.META_MESSAGES_A;
import static net.wagw.send.SendingFixture.NOTIFICATIONS_A;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.customerWrote;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.metaAnswers;
import static net.wagw.send.SendingFixture.metaError;
import static net.wagw.send.SendingFixture.metaReceived;
import static net.wagw.send.SendingFixture.metaSends;
import static net.wagw.send.SendingFixture.notificationsAbout;
import static net.wagw.send.SendingFixture.requests;
import static net.wagw.send.SendingFixture.send;
import static net.wagw.send.SendingFixture.sentOk;
import static net.wagw.send.SendingFixture.template;
import static net.wagw.send.SendingFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.delivery.CallbackSignature;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.SendService;
import net.wagw.domain.window.WindowStore;
import net.wagw.functions.WorkRouter;
import net.wagw.local.LocalGateway;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.queue.SqsWorkQueue;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.Hmac;
import net.wagw.testing.TestClock;
import net.wagw.testing.WireMockResource;

/** Sending end to end: bot -> gateway -> policy -> DynamoDB -> Meta (WireMock), and back to the bot. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class SendingTest {
    @Inject
    LocalGateway gateway;
    @Inject
    net.wagw.testing.WorkQueueDrain drain;
    @Inject
    SqsWorkQueue queue;
    @Inject
    WorkRouter router;
    @Inject
    WindowStore windows;
    @Inject
    TestClock clock;
    @Inject
    SendService sending;
    @Inject
    Outbox outbox;
    @Inject
    BotDirectory bots;
    @Inject
    OptIns optIns;
    @Inject
    Contacts contacts;

    private Bot botA;

    @BeforeEach
    void reset() {
        meta().resetAll();
        botAccepts();
        clock.reset();
        botA = bots.find(Bots.A).orElseThrow().bot();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void dispatch() {
        drain.drain();
    }

    @Test
    void aTextInsideTheWindowGoesToMetaAsItsDocumentedRequestAndTheBotIsToldAccepted() {
        customerWrote(windows, clock, Bots.A, "+5531988881001", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.T1", "5531988881001");

        send(gateway.port(), Bots.A_KEY, text("t-1", "5531988881001@wa.gw.msging.net", "Olá, tudo bem?"))
                .statusCode(202).body("id", equalTo("t-1"));

        meta().verify(1, postRequestedFor(urlPathEqualTo(META_MESSAGES_A))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer test-access-token"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"5531988881001\",\"type\":\"text\",\"text\":{\"preview_url\":false,"
                        + "\"body\":\"Olá, tudo bem?\"},\"biz_opaque_callback_data\":\"wagw:bot-a:t-1\"}")));
        List<JsonNode> told = notificationsAbout(NOTIFICATIONS_A, "t-1");
        assertThat(told).hasSize(1);
        assertThat(told.get(0).path("event").asText()).isEqualTo("accepted");
        assertThat(told.get(0).path("from").asText()).isEqualTo("5531988881001@wa.gw.msging.net");
        assertThat(told.get(0).path("to").asText()).isEqualTo("bot-a@msging.net");
    }

    @Test
    void notificationsAreSignedWithTheBotsCallbackSecret() {
        customerWrote(windows, clock, Bots.A, "+5531988881002", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.T2", "5531988881002");

        send(gateway.port(), Bots.A_KEY, text("t-2", "5531988881002@wa.gw.msging.net", "hi")).statusCode(202);

        var request = requests(NOTIFICATIONS_A, "id", "t-2").get(0);
        assertThat(request.getHeader(CallbackSignature.HEADER)).isEqualTo(
                Hmac.sha256Header("bot-a-callback-secret", request.getBodyAsString()));
        assertThat(request.getHeader(CallbackSignature.HEADER)).startsWith("sha256=").hasSize(7 + 64);
    }

    @Test
    void theWindowIsOpenAt23h59m59sAndClosedAt24h00m01s() {
        metaSends(META_MESSAGES_A, "wamid.W1", "5531988881003");
        customerWrote(windows, clock, Bots.A, "+5531988881003", Duration.ofHours(24).minusSeconds(1));
        send(gateway.port(), Bots.A_KEY, text("w-1", "5531988881003@wa.gw.msging.net", "in time")).statusCode(202);

        customerWrote(windows, clock, Bots.A, "+5531988881004", Duration.ofHours(24).plusSeconds(1));
        send(gateway.port(), Bots.A_KEY, text("w-2", "5531988881004@wa.gw.msging.net", "too late"))
                .statusCode(422)
                .body("reason.code", equalTo(66))
                .body("reason.description", containsString("Send a template"));

        assertThat(metaReceived(META_MESSAGES_A, "5531988881003")).hasSize(1);
        assertThat(metaReceived(META_MESSAGES_A, "5531988881004")).isEmpty();
    }

    @Test
    void aCustomerWhoNeverWroteGetsNoFreeFormMessageAndNothingIsStored() {
        send(gateway.port(), Bots.A_KEY, text("w-3", "5531988881005@wa.gw.msging.net", "hello?"))
                .statusCode(422).body("reason.code", equalTo(66));

        assertThat(metaReceived(META_MESSAGES_A, "5531988881005")).isEmpty();
        assertThat(notificationsAbout(NOTIFICATIONS_A, "w-3")).isEmpty();
        // the id was not taken: once the customer writes, the same id goes through
        customerWrote(windows, clock, Bots.A, "+5531988881005", Duration.ofMinutes(1));
        metaSends(META_MESSAGES_A, "wamid.W3", "5531988881005");
        send(gateway.port(), Bots.A_KEY, text("w-3", "5531988881005@wa.gw.msging.net", "hello?")).statusCode(202);
    }

    @Test
    void theWindowOpenedUnderOneMobileFormAppliesToTheOther() {
        customerWrote(windows, clock, Bots.A, "+553188881006", Duration.ofHours(2));
        metaSends(META_MESSAGES_A, "wamid.W4", "553188881006");

        send(gateway.port(), Bots.A_KEY, text("w-4", "5531988881006@wa.gw.msging.net", "hi")).statusCode(202);
    }

    @Test
    void aTemplateWithoutOptInIsRefused403WithReason32AndNotSent() {
        send(gateway.port(), Bots.A_KEY, template("o-1", "5531988882001@wa.gw.msging.net", "order_update", "pt_BR",
                "{\"type\":\"text\",\"text\":\"123\"}"))
                .statusCode(403).body("reason.code", equalTo(32))
                .body("reason.description", containsString("has not opted in"));

        assertThat(metaReceived(META_MESSAGES_A, "5531988882001")).isEmpty();
    }

    @Test
    void aTemplateAfterARevokedOptInIsRefused() {
        var customer = new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531988882002");
        optIns.consent(Bots.A, customer, "website", "I agree", null);
        optIns.revoke(Bots.A, customer.contactKey(), "api", null, Bots.A);

        send(gateway.port(), Bots.A_KEY, template("o-2", "5531988882002@wa.gw.msging.net", "order_update", "pt_BR",
                "{\"type\":\"text\",\"text\":\"123\"}"))
                .statusCode(403).body("reason.code", equalTo(32))
                .body("reason.description", containsString("revoked"));
        assertThat(metaReceived(META_MESSAGES_A, "5531988882002")).isEmpty();
    }

    @Test
    void anOptInGivenForTheNinthDigitNumberAppliesToTheTwelveDigitWaId() {
        optIns.consent(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531988882003"), "website", "I agree", null);
        metaSends(META_MESSAGES_A, "wamid.O3", "553188882003");

        send(gateway.port(), Bots.A_KEY, template("o-3", "553188882003@wa.gw.msging.net", "order_update", "pt_BR",
                "{\"type\":\"text\",\"text\":\"123\"}"))
                .statusCode(202);

        JsonNode sent = metaReceived(META_MESSAGES_A, "553188882003").get(0);
        assertThat(sent.path("type").asText()).isEqualTo("template");
        assertThat(sent.path("to").asText()).isEqualTo("553188882003");
        assertThat(sent.path("template").path("name").asText()).isEqualTo("order_update");
    }

    @Test
    void aLearnedWaIdIsWhatMetaIsSentTo() {
        contacts.learnWaId(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531988881007"), "553188881007");
        customerWrote(windows, clock, Bots.A, "+5531988881007", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.L1", "553188881007");

        send(gateway.port(), Bots.A_KEY, text("l-1", "5531988881007@wa.gw.msging.net", "hi")).statusCode(202);

        assertThat(metaReceived(META_MESSAGES_A, "553188881007")).hasSize(1);
        assertThat(metaReceived(META_MESSAGES_A, "5531988881007")).isEmpty();
    }

    @Test
    void theWaIdMetaAnswersIsLearnedForTheNumber() {
        customerWrote(windows, clock, Bots.A, "+5531988881008", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.L2", "553188881008");

        send(gateway.port(), Bots.A_KEY, text("l-2", "5531988881008@wa.gw.msging.net", "hi")).statusCode(202);

        assertThat(contacts.find(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531988881008")).orElseThrow().waId())
                .isEqualTo("553188881008");
    }

    @Test
    void theSameIdTwiceMakesOneMetaCallAndTheSameAnswer() {
        customerWrote(windows, clock, Bots.A, "+5531988883001", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.I1", "5531988883001");
        String envelope = text("i-1", "5531988883001@wa.gw.msging.net", "once");

        String first = send(gateway.port(), Bots.A_KEY, envelope).statusCode(202).extract().asString();
        String second = send(gateway.port(), Bots.A_KEY, envelope).statusCode(202).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(metaReceived(META_MESSAGES_A, "5531988883001")).hasSize(1);
        assertThat(notificationsAbout(NOTIFICATIONS_A, "i-1")).hasSize(1);
    }

    @Test
    void twentyConcurrentPostsOfOneIdMakeExactlyOneMetaCall() throws Exception {
        customerWrote(windows, clock, Bots.A, "+5531988883002", Duration.ofHours(1));
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(sentOk("wamid.I2", "5531988883002"))
                .withFixedDelay(200)));
        String envelope = text("i-2", "5531988883002@wa.gw.msging.net", "once, concurrently");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posts.add(() -> {
                    var response = send(gateway.port(), Bots.A_KEY, envelope).extract();
                    return response.statusCode() + " " + response.asString();
                });
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }
            assertThat(answers).allMatch(a -> a.equals("202 {\"id\":\"i-2\"}"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(metaReceived(META_MESSAGES_A, "5531988883002")).hasSize(1);
        assertThat(notificationsAbout(NOTIFICATIONS_A, "i-2")).hasSize(1);
    }

    @Test
    void anIdReusedForAnotherMessageIsRefused409() {
        customerWrote(windows, clock, Bots.A, "+5531988883003", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.I3", "5531988883003");
        send(gateway.port(), Bots.A_KEY, text("i-3", "5531988883003@wa.gw.msging.net", "first")).statusCode(202);

        send(gateway.port(), Bots.A_KEY, text("i-3", "5531988883003@wa.gw.msging.net", "second"))
                .statusCode(409).body("reason.code", equalTo(66));
        assertThat(metaReceived(META_MESSAGES_A, "5531988883003")).hasSize(1);
    }

    @Test
    void throttlingPairLimitServerErrorAndTimeoutAreRetriedUntilSentWithoutAFailedNotification() {
        customerWrote(windows, clock, Bots.A, "+5531988884001", Duration.ofHours(1));
        String scenario = "flaky";
        stubStep(scenario, Scenario.STARTED, "2", aResponse().withStatus(429).withBody(metaError(130429, "Rate limit hit")));
        stubStep(scenario, "2", "3", aResponse().withStatus(400).withBody(metaError(131056, "Pair rate limit hit")));
        stubStep(scenario, "3", "4", aResponse().withStatus(500).withBody(metaError(131000, "Something went wrong")));
        stubStep(scenario, "4", "done", aResponse().withStatus(200).withBody(sentOk("wamid.R1", "5531988884001")));

        send(gateway.port(), Bots.A_KEY, text("r-1", "5531988884001@wa.gw.msging.net", "retry me"))
                .statusCode(202).body("id", equalTo("r-1"));
        assertThat(requests(META_MESSAGES_A, "to", "5531988884001")).hasSize(1);

        clock.advance(Duration.ofSeconds(16)); // 130429: 1 s (and the number paused 1 s)
        dispatch();
        assertThat(requests(META_MESSAGES_A, "to", "5531988884001")).hasSize(2);

        clock.advance(Duration.ofSeconds(15)); // 131056 after 2 attempts waits 4^2 = 16 s: not yet
        dispatch();
        assertThat(requests(META_MESSAGES_A, "to", "5531988884001")).hasSize(2);
        clock.advance(Duration.ofSeconds(2));
        dispatch();
        assertThat(requests(META_MESSAGES_A, "to", "5531988884001")).hasSize(3);

        clock.advance(Duration.ofMinutes(2)); // 500
        dispatch();
        assertThat(requests(META_MESSAGES_A, "to", "5531988884001")).hasSize(4);
        clock.advance(Duration.ofHours(25));
        dispatch();
        assertThat(requests(META_MESSAGES_A, "to", "5531988884001")).hasSize(4);

        List<String> events = notificationsAbout(NOTIFICATIONS_A, "r-1").stream().map(n -> n.path("event").asText())
                .toList();
        assertThat(events).containsExactly("accepted");
    }

    private static void stubStep(String scenario, String state, String next,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.to",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("5531988884001")))
                .inScenario(scenario).whenScenarioStateIs(state)
                .willReturn(response.withHeader("Content-Type", "application/json")).willSetStateTo(next));
    }

    @Test
    void outsideTheWindowMetaSays131047AndTheBotIsAnswered422AndToldFailed() {
        customerWrote(windows, clock, Bots.A, "+5531988885001", Duration.ofHours(1));
        metaAnswers(META_MESSAGES_A, 400, metaError(131047, "Re-engagement message"));

        send(gateway.port(), Bots.A_KEY, text("d-1", "5531988885001@wa.gw.msging.net", "hi"))
                .statusCode(422).body("reason.code", equalTo(66))
                .body("reason.description", containsString("(#131047)"));

        assertFailedNotification("d-1", 66, "(#131047)");
    }

    @Test
    void anUndeliverableNumberIsAnswered422WithReason83AndTheBotToldFailed() {
        customerWrote(windows, clock, Bots.A, "+5531988885002", Duration.ofHours(1));
        metaAnswers(META_MESSAGES_A, 400, metaError(131026, "Message Undeliverable"));

        send(gateway.port(), Bots.A_KEY, text("d-2", "5531988885002@wa.gw.msging.net", "hi"))
                .statusCode(422).body("reason.code", equalTo(83))
                .body("reason.description", containsString("(#131026)"));

        assertFailedNotification("d-2", 83, "(#131026)");
    }

    @ParameterizedTest
    @CsvSource({ "5531988885010, 401, 190, 403, 87", "5531988885011, 400, 131049, 422, 81" })
    void aDefinitiveMetaErrorOfTheAccountOrOfACodeWithoutARuleIsAnswered4xxNot5xx(String customer, int httpStatus,
            int code, int answered, int reason) {
        customerWrote(windows, clock, Bots.A, "+" + customer, Duration.ofHours(1));
        metaAnswers(META_MESSAGES_A, httpStatus, metaError(code, "Refused"));

        send(gateway.port(), Bots.A_KEY, text("d-" + code, customer + "@wa.gw.msging.net", "hi"))
                .statusCode(answered).body("reason.code", equalTo(reason))
                .body("reason.description", containsString("(#" + code + ")"));
        // the same id again answers the same
        send(gateway.port(), Bots.A_KEY, text("d-" + code, customer + "@wa.gw.msging.net", "hi"))
                .statusCode(answered).body("reason.code", equalTo(reason));

        assertFailedNotification("d-" + code, reason, "(#" + code + ")");
    }

    @Test
    void aTemplateMetaDoesNotKnowIsAnswered422WithReason64AndTheBotToldFailed() {
        optIns.consent(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531988885003"), "website", null, null);
        metaAnswers(META_MESSAGES_A, 404, metaError(132001, "Template name does not exist in the translation"));

        send(gateway.port(), Bots.A_KEY, template("d-3", "5531988885003@wa.gw.msging.net", "no_such", "pt_BR",
                "{\"type\":\"text\",\"text\":\"1\"}"))
                .statusCode(422).body("reason.code", equalTo(64))
                .body("reason.description", containsString("(#132001)"));

        assertFailedNotification("d-3", 64, "(#132001)");
        // the same id again answers the same refusal and calls Meta no more
        send(gateway.port(), Bots.A_KEY, template("d-3", "5531988885003@wa.gw.msging.net", "no_such", "pt_BR",
                "{\"type\":\"text\",\"text\":\"1\"}")).statusCode(422).body("reason.code", equalTo(64));
        assertThat(metaReceived(META_MESSAGES_A, "5531988885003")).hasSize(1);
    }

    @Test
    void error131050RevokesTheMarketingOptInAndKeepsTheOthers() {
        var customer = new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531988885004");
        optIns.consent(Bots.A, customer, "website", null, List.of("MARKETING", "UTILITY"));
        metaAnswers(META_MESSAGES_A, 400, metaError(131050, "Unable to deliver the message"));

        send(gateway.port(), Bots.A_KEY, template("d-4", "5531988885004@wa.gw.msging.net", "promo", "pt_BR",
                "{\"type\":\"text\",\"text\":\"1\"}")).statusCode(422);

        var current = optIns.current(Bots.A, customer.contactKey()).orElseThrow();
        assertThat(current.active()).isTrue();
        assertThat(current.categories()).containsExactly("UTILITY");
        assertThat(current.source()).isEqualTo("meta");
    }

    @Test
    void aMessageStillFailingAfter24HoursEndsFailedAndTheBotIsTold() {
        customerWrote(windows, clock, Bots.A, "+5531988886001", Duration.ofHours(1));
        metaAnswers(META_MESSAGES_A, 503, metaError(131016, "Service unavailable"));
        send(gateway.port(), Bots.A_KEY, text("x-1", "5531988886001@wa.gw.msging.net", "doomed")).statusCode(202);

        clock.advance(Duration.ofHours(24));
        dispatch();

        List<JsonNode> told = notificationsAbout(NOTIFICATIONS_A, "x-1");
        assertThat(told).extracting(n -> n.path("event").asText()).containsExactly("accepted", "failed");
        assertThat(told.get(1).path("reason").path("code").asInt()).isEqualTo(86);
        assertThat(told.get(1).path("reason").path("description").asText()).contains("(#131016)");
    }

    @Test
    void aPendingMessageHandedToFourDispatchesAtOnceIsSentOnce() throws Exception {
        customerWrote(windows, clock, Bots.A, "+5531988886002", Duration.ofHours(1));
        metaAnswers(META_MESSAGES_A, 503, metaError(131016, "Service unavailable"));
        send(gateway.port(), Bots.A_KEY, text("x-2", "5531988886002@wa.gw.msging.net", "once")).statusCode(202);
        meta().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(sentOk("wamid.X2", "5531988886002"))
                .withFixedDelay(300)));
        clock.advance(Duration.ofMinutes(1));

        // SQS delivers at least once: the same work may reach dispatches running side by side
        List<SqsWorkQueue.Received> batch = queue.receive(10, Duration.ZERO);
        assertThat(batch).as("the retry is on the queue").isNotEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch together = new CountDownLatch(4);
            List<Callable<SqsWorkQueue.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> {
                    together.countDown();
                    together.await(30, TimeUnit.SECONDS);
                    return queue.process(batch, router);
                });
            }
            for (Future<SqsWorkQueue.Outcome> run : pool.invokeAll(runs)) {
                assertThat(run.get().handled()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        queue.delete(batch, List.of());
        assertThat(requests(META_MESSAGES_A, "to", "5531988886002")).as("the 503, then one send").hasSize(2);
    }

    @Test
    void aNotificationToABotThatIsDownArrivesOnceWhenItIsBackAndSigned() {
        customerWrote(windows, clock, Bots.A, "+5531988887001", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.N1", "5531988887001");
        meta().stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).inScenario("bot").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        meta().stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).inScenario("bot").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        send(gateway.port(), Bots.A_KEY, text("n-1", "5531988887001@wa.gw.msging.net", "hi")).statusCode(202);
        assertThat(requests(NOTIFICATIONS_A, "id", "n-1")).hasSize(1);

        dispatch(); // not due yet (10 s backoff)
        assertThat(requests(NOTIFICATIONS_A, "id", "n-1")).hasSize(1);
        clock.advance(Duration.ofSeconds(11));
        dispatch();
        clock.advance(Duration.ofHours(1));
        dispatch();

        var deliveries = requests(NOTIFICATIONS_A, "id", "n-1");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(1).getBodyAsString()).isEqualTo(deliveries.get(0).getBodyAsString());
        assertThat(deliveries.get(1).getHeader(CallbackSignature.HEADER)).isEqualTo(
                Hmac.sha256Header("bot-a-callback-secret", deliveries.get(1).getBodyAsString()));
    }

    @Test
    void aNotificationTheBotNeverTakesIsDeadLetteredAfterSevenDaysAndCanBeRedriven() {
        customerWrote(windows, clock, Bots.A, "+5531988887002", Duration.ofHours(1));
        metaSends(META_MESSAGES_A, "wamid.N2", "5531988887002");
        meta().stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).willReturn(aResponse().withStatus(500)));

        send(gateway.port(), Bots.A_KEY, text("n-2", "5531988887002@wa.gw.msging.net", "hi")).statusCode(202);
        for (int step = 0; step < 6 * 4; step++) {
            clock.advance(Duration.ofHours(6));
            dispatch();
        }
        assertThat(outbox.deadLetters(botA, 100)).as("still tried on day 6")
                .noneMatch(d -> d.id().equals("notification:n-2:accepted"));
        for (int step = 0; step < 5; step++) {
            clock.advance(Duration.ofHours(6));
            dispatch();
        }
        var dead = outbox.deadLetters(botA, 100);
        assertThat(dead).anySatisfy(d -> assertThat(d.id()).isEqualTo("notification:n-2:accepted"));
        int attempts = requests(NOTIFICATIONS_A, "id", "n-2").size();
        clock.advance(Duration.ofHours(2));
        dispatch();
        assertThat(requests(NOTIFICATIONS_A, "id", "n-2")).hasSize(attempts);

        botAccepts();
        assertThat(outbox.redrive(botA, "notification:n-2:accepted")).isPresent();
        dispatch();
        assertThat(requests(NOTIFICATIONS_A, "id", "n-2")).hasSize(attempts + 1);
        assertThat(outbox.deadLetters(botA, 100)).noneMatch(d -> d.id().equals("notification:n-2:accepted"));
    }

    private void assertFailedNotification(String id, int code, String text) {
        List<JsonNode> told = notificationsAbout(NOTIFICATIONS_A, id);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).path("event").asText()).isEqualTo("failed");
        assertThat(told.get(0).path("reason").path("code").asInt()).isEqualTo(code);
        assertThat(told.get(0).path("reason").path("description").asText()).contains(text);
    }
}
