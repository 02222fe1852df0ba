package net.wagw.performance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.inbound.InboundService;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.local.LocalGateway;
import net.wagw.local.WhatsAppSimulator;
import net.wagw.store.AwsCallCounter;
import net.wagw.store.TableNames;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.SimulatorQuiet;
import net.wagw.testing.TemplateSyncClaims;
import net.wagw.testing.WireMockResource;
import net.wagw.testing.WorkQueueDrain;
import net.wagw.whatsapp.MetaSignature;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB calls per operation, counted by the client's own interceptor ({@link AwsCallCounter}):
 * each operation may make at most its budget, so a change that adds a call fails here. The budgets
 * are what each operation makes (docs/storage.md has the table, and why each call is there).
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class DynamoDbCallBudgetTest {
    private static final String PHONE_A = "1110001";
    private static final String META_MESSAGES_A = "/v23.0/" + PHONE_A + "/messages";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Inject
    LocalGateway gateway;
    @Inject
    WhatsAppSimulator simulator;
    @Inject
    AwsCallCounter calls;
    @Inject
    ScheduledFunctions scheduled;
    @Inject
    WorkQueueDrain drain;
    @Inject
    TemplateCatalog catalog;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    TableNames names;
    @Inject
    InboundService inbound;
    @Inject
    BotDirectory bots;

    @BeforeEach
    void metaAndTheBotAnswer() throws InterruptedException {
        // the counter sees every call in this JVM: what the simulator still plays for an earlier test
        // (its delayed status webhooks) must have landed before anything is counted
        SimulatorQuiet.await(simulator);
        drain.purge();
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/bot-a/messages")).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo("/bot-a/notifications")).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(META_MESSAGES_A)).willReturn(okJson("{\"messaging_product\":\"whatsapp\","
                + "\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],\"messages\":[{\"id\":\"wamid.BUDGET\"}]}")));
        server.stubFor(get(urlPathEqualTo("/v23.0/2220001/message_templates")).willReturn(okJson("{\"data\":[{\"name\":"
                + "\"order_update\",\"language\":\"pt_BR\",\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"id\":\"1\","
                + "\"components\":[{\"type\":\"BODY\",\"text\":\"Pedido {{1}} saiu\"}]}],\"paging\":{\"cursors\":{}}}")));
    }

    /** The other classes on this app find bot A's catalog empty and its sync unclaimed, as they left it. */
    @AfterEach
    void emptyTheCatalog() {
        catalog.replace(Bots.A, List.of());
        TemplateSyncClaims.release(dynamo, names, Bots.A);
    }

    @Test
    void verifyMakesAtMostTwoCalls() {
        assertBudget("verify", 2, () -> bot().get("/accounts/+" + number()).then().statusCode(200));
    }

    @Test
    void anOptInMakesTwoCalls() {
        // the history item and the current consent; the 201 is answered from what was written
        assertBudget("opt-in", 2, () -> optIn(number()));
    }

    @Test
    void anOptOutMakesTwoCalls() {
        String customer = number();
        optIn(customer);
        assertBudget("opt-out", 2, () -> bot().delete("/opt-ins/+" + customer).then().statusCode(204));
    }

    @Test
    void aSendInsideTheWindowMakesThreeCalls() {
        String customer = number();
        inbound(customer, "wamid.SW." + RUN + customer);
        metaAnswersWith("wamid.SW1." + RUN + customer, customer);
        send("warm-" + customer, customer, text());
        drain.drain();
        metaAnswersWith("wamid.SW2." + RUN + customer, customer);
        // the customer's item, the idempotent create, the outcome that also tracks it (the wa_id Meta
        // answers is the one stored: not written again)
        assertBudget("session send", 3, () -> send("s-" + customer, customer, text()));
    }

    @Test
    void aTemplateSendMakesThreeCallsWithTheCatalogCached() {
        String warm = number();
        optIn(warm);
        send("warm-" + warm, warm, template()); // the catalog's first sync is not the send's
        String customer = number();
        optIn(customer);
        metaAnswersWith("wamid.TS1." + RUN + customer, customer);
        send("warm-" + customer, customer, template()); // Meta's wa_id learned
        drain.drain();
        metaAnswersWith("wamid.TS2." + RUN + customer, customer);
        assertBudget("template send", 3, () -> send("t-" + customer, customer, template()));
    }

    @Test
    void aFirstTemplateSendToACustomerMakesFourCallsWithTheWaIdMetaNames() {
        String warm = number();
        optIn(warm);
        send("warm-" + warm, warm, template());
        String customer = number();
        optIn(customer);
        drain.drain();
        metaAnswersWith("wamid.FT." + RUN + customer, customer);
        // as any send, and the wa_id Meta names written once, under the key the send read (its own)
        assertBudget("first template send", 4, () -> send("ft-" + customer, customer, template()));
    }

    @Test
    void anInboundMessageMakesTwoCalls() {
        String customer = number();
        // the customer's item (contact and window in one write), the store-once delivery
        assertBudget("inbound message", 2, () -> inbound(customer, "wamid.IN." + RUN + customer));
    }

    @Test
    void anInboundMessageOfAKnownCustomerMakesTwoCalls() {
        String customer = number();
        inbound(customer, "wamid.KN1." + RUN + customer);
        drain.drain();
        assertBudget("inbound message, known customer", 2, () -> inbound(customer, "wamid.KN2." + RUN + customer));
    }

    @Test
    void aDuplicateWebhookOnTheFunctionThatKeptItMakesNoCall() {
        String customer = number();
        String wamid = "wamid.DUP." + RUN + customer;
        inbound(customer, wamid);
        drain.drain();
        // queued again, nothing read
        assertBudget("duplicate webhook", 0, () -> inbound(customer, wamid));
    }

    @Test
    void aDuplicateWebhookOnAFunctionThatDidNotKeepItMakesOneCall() {
        String customer = number();
        String wamid = "wamid.DUP2." + RUN + customer;
        inbound(customer, wamid);
        drain.drain();
        inbound.forgetKept(); // as a function that did not keep it (another warm function, a cold one)
        // the store-once write tells the repeat: tried already, so its effects were applied; queued again
        assertBudget("duplicate webhook, another function", 1, () -> inbound(customer, wamid));
        assertThat(drain.drain()).as("queued again; its try posts nothing twice").isEqualTo(1);
        assertThat(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo("/bot-a/messages")))
                .stream().filter(r -> r.getBodyAsString().contains(wamid)).count()).isEqualTo(1);
    }

    @Test
    void aStatusMakesOneCall() {
        String customer = number();
        inbound(customer, "wamid.ST." + RUN + customer);
        String wamid = "wamid.BUDGET." + RUN + customer;
        metaAnswersWith(wamid);
        send("st-" + customer, customer, text());
        drain.drain();
        // the message item its callback data names, moved forward by one conditional update; its
        // notification rides on the queue
        assertBudget("status", 1, () -> webhook(delivered(wamid, customer, "st-" + customer)));
    }

    @Test
    void aStatusNamingNoEnvelopeMakesTwoCalls() {
        String customer = number();
        inbound(customer, "wamid.SN." + RUN + customer);
        String wamid = "wamid.BUDGET3." + RUN + customer;
        metaAnswersWith(wamid);
        send("sn-" + customer, customer, text());
        drain.drain();
        // the message found through the "wamid" index, then moved forward
        assertBudget("status naming no envelope", 2, () -> webhook(delivered(wamid, customer, null)));
    }

    @Test
    void aPricedStatusMakesTwoCallsAndTheNextPricedOneOne() {
        String customer = number();
        inbound(customer, "wamid.PS." + RUN + customer);
        String wamid = "wamid.PRICED." + RUN + customer;
        metaAnswersWith(wamid);
        send("ps-" + customer, customer, text());
        drain.drain();
        // moved forward and marked billed in one write; the day's counter
        assertBudget("priced status", 2, () -> webhook(priced(wamid, customer, "sent", "ps-" + customer)));
        // moved forward; already billed, so nothing is counted
        assertBudget("next priced status", 1, () -> webhook(priced(wamid, customer, "delivered", "ps-" + customer)));
    }

    private static String priced(String wamid, String customer, String status, String envelopeId) {
        return envelope("\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + customer + "\","
                + callbackData(envelopeId) + "\"pricing\":{"
                + "\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"regular\"}}]");
    }

    @Test
    void aRepeatedStatusMakesTwoCalls() {
        String customer = number();
        inbound(customer, "wamid.RS." + RUN + customer);
        String wamid = "wamid.BUDGET2." + RUN + customer;
        metaAnswersWith(wamid);
        send("rs-" + customer, customer, text());
        String status = delivered(wamid, customer, "rs-" + customer);
        webhook(status);
        drain.drain();
        // the refused update, and the read that tells a late status from one of a message not tracked yet
        assertBudget("repeated status", 2, () -> webhook(status));
    }

    @Test
    void aDispatchOfOneDeliveryMakesTwoCalls() {
        String customer = number();
        inbound(customer, "wamid.DD." + RUN + customer);
        assertBudget("dispatch of one delivery", 2, () -> assertThat(drain.drain()).isEqualTo(1));
    }

    @Test
    void anIdleBackstopRoundReadsNothing() {
        drain.drain();
        assertBudget("idle backstop round", 0, () -> scheduled.dispatch(null));
    }

    @Test
    void anIdleSweepOfAnUnchangedCatalogReadsItAndWritesNothing() {
        scheduled.sweep(null);
        // bot-a's catalog (one template) is read and found unchanged; bot-b's answers 404 here
        assertBudget("idle sweep (1 template)", 1, () -> scheduled.sweep(null));
    }

    /** @param envelopeId the send's envelope id, echoed as Meta echoes the send's callback data; null: none */
    private static String delivered(String wamid, String customer, String envelopeId) {
        return envelope("\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"delivered\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\"," + callbackData(envelopeId) + "\"recipient_id\":\"" + customer
                + "\"}]");
    }

    private static String callbackData(String envelopeId) {
        return envelopeId == null ? "" : "\"biz_opaque_callback_data\":\"wagw:" + Bots.A + ":" + envelopeId + "\",";
    }

    private void metaAnswersWith(String wamid) {
        metaAnswersWith(wamid, "x");
    }

    /** Meta takes the next send as {@code wamid}, naming the customer {@code waId}. */
    private void metaAnswersWith(String wamid, String waId) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(META_MESSAGES_A)).willReturn(okJson("{\"messaging_product\":"
                + "\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"id\":\""
                + wamid + "\"}]}")));
    }

    private void assertBudget(String operation, int budget, Runnable run) {
        // the bots' table is read once a minute of the clock, which runs in real time here: not an
        // operation's call, so read it before the window rather than by chance inside it
        bots.reread();
        Map<String, Long> before = calls.snapshot();
        run.run();
        Map<String, Long> made = new TreeMap<>();
        calls.snapshot().forEach((op, count) -> {
            long delta = count - before.getOrDefault(op, 0L);
            if (delta > 0) {
                made.put(op, delta);
            }
        });
        long total = made.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("DynamoDB calls, %s: %d %s%n", operation, total, made);
        assertThat(total).as("DynamoDB calls of %s: %s", operation, made).isLessThanOrEqualTo(budget);
        if (budget > 0) {
            // an operation given calls makes some: none counted would be a counter that sees nothing
            assertThat(total).as("DynamoDB calls of %s counted", operation).isPositive();
        }
    }

    /** A customer no other test writes to (no other test uses 5531947...): a paired or alias key costs calls. */
    private static String number() {
        return "5531947" + String.format("%06d",
                (NUMBERS.incrementAndGet() + (int) (System.nanoTime() % 1000) * 1000) % 1_000_000);
    }

    private io.restassured.specification.RequestSpecification bot() {
        return given().port(gateway.port()).header("Authorization", Bots.A_KEY);
    }

    private void optIn(String customer) {
        bot().contentType(ContentType.JSON).body("{\"phoneNumber\":\"+" + customer + "\",\"source\":\"web\"}")
                .post("/opt-ins").then().statusCode(201);
    }

    private void send(String id, String customer, String content) {
        bot().contentType(ContentType.JSON).body("{\"id\":\"" + id + "\",\"to\":\"" + customer + "@wa.gw.msging.net\","
                + content + "}").post("/messages").then().statusCode(202);
    }

    private static String text() {
        return "\"type\":\"text/plain\",\"content\":\"oi\"";
    }

    private static String template() {
        return "\"type\":\"application/json\",\"content\":{\"type\":\"template\",\"template\":{\"name\":\"order_update\","
                + "\"language\":{\"code\":\"pt_BR\",\"policy\":\"deterministic\"},\"components\":[{\"type\":\"body\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"42\"}]}]}}";
    }

    private void inbound(String customer, String wamid) {
        webhook(envelope("\"contacts\":[{\"profile\":{\"name\":\"Maria\"},\"wa_id\":\"" + customer + "\"}],\"messages\":[{"
                + "\"from\":\"" + customer + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"text\":{\"body\":\"oi\"},\"type\":\"text\"}]"));
    }

    private static String envelope(String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"2220001\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + PHONE_A + "\"}," + value + "},\"field\":\"messages\"}]}]}";
    }

    private void webhook(String payload) {
        given().port(gateway.port()).header("X-Hub-Signature-256", MetaSignature.of(payload, "test-app-secret"))
                .contentType(ContentType.JSON).body(payload).post("/webhooks/whatsapp").then().statusCode(200);
    }
}
