package net.wagw.performance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.local.LocalGateway;
import net.wagw.store.DynamoCallCounter;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.WireMockResource;
import net.wagw.whatsapp.MetaSignature;

/**
 * DynamoDB calls per operation, counted by the client's own interceptor ({@link DynamoCallCounter}):
 * each operation may make at most its budget, so a change that adds a call fails here. The budgets
 * are what each operation makes today; lower them as calls are merged (issue 11's minimums: send 3,
 * inbound message 2, status 1, duplicate webhook 1, idle dispatch and sweep 0).
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(WireMockResource.class)
class DynamoDbCallBudgetTest {
    private static final String PHONE_A = "1110001";
    private static final String META_MESSAGES_A = "/v23.0/" + PHONE_A + "/messages";
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Inject
    LocalGateway gateway;
    @Inject
    DynamoCallCounter calls;
    @Inject
    ScheduledFunctions scheduled;

    @BeforeEach
    void metaAndTheBotAnswer() {
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

    @Test
    void verifyMakesAtMostTwoCalls() {
        assertBudget("verify", 2, () -> bot().get("/accounts/+" + number()).then().statusCode(200));
    }

    @Test
    void anOptInMakesAtMostFourCalls() {
        assertBudget("opt-in", 4, () -> optIn(number()));
    }

    @Test
    void aSendInsideTheWindowMakesAtMostNineCalls() {
        String customer = number();
        inbound(customer, "wamid.SW." + RUN + customer);
        send("warm-" + customer, customer, text());
        assertBudget("session send", 9, () -> send("s-" + customer, customer, text()));
    }

    @Test
    void aTemplateSendMakesAtMostTenCalls() {
        String warm = number();
        optIn(warm);
        send("warm-" + warm, warm, template()); // the catalog's first sync is not the send's
        String customer = number();
        optIn(customer);
        assertBudget("template send", 10, () -> send("t-" + customer, customer, template()));
    }

    @Test
    void anInboundMessageMakesAtMostFourCalls() {
        String customer = number();
        // contact, window, the delivery stored, its first try's outcome (3 when the try is left to dispatch)
        assertBudget("inbound message", 4, () -> inbound(customer, "wamid.IN." + RUN + customer));
    }

    @Test
    void aDuplicateWebhookMakesAtMostThreeCalls() {
        String customer = number();
        String wamid = "wamid.DUP." + RUN + customer;
        inbound(customer, wamid);
        assertBudget("duplicate webhook", 3, () -> inbound(customer, wamid));
    }

    @Test
    void aStatusMakesAtMostThreeCalls() {
        String customer = number();
        inbound(customer, "wamid.ST." + RUN + customer);
        send("st-" + customer, customer, text());
        assertBudget("status", 3, () -> webhook(envelope("\"statuses\":[{\"id\":\"wamid.BUDGET\",\"status\":\"delivered\","
                + "\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + customer + "\"}]")));
    }

    @Test
    void anIdleDispatchRoundMakesAtMostTwoQueriesPerBot() {
        scheduled.dispatch(null);
        assertBudget("idle dispatch (3 bots)", 6, () -> scheduled.dispatch(null));
    }

    @Test
    void anIdleSweepOfAnUnchangedOneTemplateCatalogMakesAtMostTwoCalls() {
        scheduled.sweep(null);
        // bot-a's catalog (one template) is listed and rewritten; bot-b's answers 404 here
        assertBudget("idle sweep (1 template)", 2, () -> scheduled.sweep(null));
    }

    private void assertBudget(String operation, int budget, Runnable run) {
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
    }

    private static String number() {
        return "55319" + String.format("%08d", 66000000 + NUMBERS.incrementAndGet() + (int) (System.nanoTime() % 1000) * 1000);
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
