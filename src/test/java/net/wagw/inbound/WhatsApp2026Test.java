package net.wagw.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.Template;
import net.wagw.domain.send.TemplateCatalog;
import net.wagw.domain.send.UsageCounter;
import net.wagw.domain.window.WindowStore;
import net.wagw.local.LocalGateway;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.store.TableNames;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TemplateSyncClaims;
import net.wagw.testing.WireMockResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * WhatsApp as it is in 2026 (docs/contracts.md §3.4, §4, §7): customers without phone numbers,
 * statuses before their sends, priced statuses, template and account events, echoes, calls.
 */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class WhatsApp2026Test {
    private static final PhoneNumbers NUMBERS = new PhoneNumbers(new LibPhoneNumberPlan());
    private static final String MESSAGES_A = "/bot-a/messages";
    private static final String NOTIFICATIONS_A = "/bot-a/notifications";
    private static final String META_MESSAGES = "/v23.0/1110001/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LocalGateway gateway;
    @Inject
    WindowStore windows;
    @Inject
    OptIns optIns;
    @Inject
    TemplateCatalog catalog;
    @Inject
    UsageCounter usage;
    @Inject
    net.wagw.domain.contact.Contacts contacts;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    TableNames names;

    @BeforeEach
    void reset() {
        var server = WireMockResource.server();
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(NOTIFICATIONS_A)).willReturn(aResponse().withStatus(200)));
    }

    /** The other classes on this app find bot A's catalog empty and its sync unclaimed, as they left it. */
    @AfterEach
    void emptyTheCatalog() {
        catalog.replace(Bots.A, List.of());
        TemplateSyncClaims.release(dynamo, names, Bots.A);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String messageFrom(String wamid, String from, String userId, String username, long at, String text) {
        String contact = "{\"profile\":{\"name\":\"Ana\"" + (username == null ? "" : ",\"username\":\"" + username + "\"")
                + "}" + (from == null ? "" : ",\"wa_id\":\"" + from + "\"") + ",\"user_id\":\"" + userId + "\"}";
        return Webhooks.envelope(Webhooks.PHONE_A, "\"contacts\":[" + contact + "],\"messages\":[{"
                + (from == null ? "" : "\"from\":\"" + from + "\",") + "\"from_user_id\":\"" + userId + "\",\"id\":\""
                + wamid + "\",\"timestamp\":\"" + at + "\",\"text\":{\"body\":\"" + text + "\"},\"type\":\"text\"}]");
    }

    private static String field(String field, String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"2220001\",\"changes\":[{\"value\":" + value
                + ",\"field\":\"" + field + "\"}]}]}";
    }

    /** As Meta sends a template's or the account's events: the entry's {@code time} tells identical ones apart. */
    private static String field(String field, String value, long entryTime) {
        return field(field, value).replace("\"id\":\"2220001\",", "\"id\":\"2220001\",\"time\":" + entryTime + ",");
    }

    /** What the bot was posted: dispatch forwards from the queue, so it is drained first. */
    private static List<JsonNode> posted(String path) {
        net.wagw.testing.WorkQueueDrain.drainQueue();
        return WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(r -> read(r.getBodyAsString())).toList();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void metaSends(String wamid) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(META_MESSAGES)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\"}],\"messages\":[{\"id\":\"" + wamid
                        + "\"}]}")));
    }

    private io.restassured.response.ValidatableResponse send(String id, String to, String type, String content) {
        return given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"to\":\"" + to + "\",\"type\":\"" + type + "\",\"content\":" + content + "}")
                .post("/messages").then();
    }

    @Test
    void aCustomerKnownOnlyByBsuidIsTheirOwnNodeIsAnsweredThroughRecipientAndKeepsItAllWhenTheirPhoneAppears() {
        String bsuid = "BR.77001502576394655843";
        Webhooks.post(gateway.port(), messageFrom("wamid.B1", null, bsuid, "@ana", now() - 20, "oi")).statusCode(200);
        JsonNode inbound = posted(MESSAGES_A).stream().filter(m -> m.path("id").asText().equals("wamid.B1"))
                .findFirst().orElseThrow();
        assertThat(inbound.path("from").asText()).isEqualTo(bsuid + "@wa.gw.msging.net");
        assertThat(inbound.path("metadata").path("#wa.bsuid").asText()).isEqualTo(bsuid);
        assertThat(inbound.path("metadata").path("#wa.username").asText()).isEqualTo("@ana");

        metaSends("wamid.OUT.B1");
        send("bsuid-1", bsuid + "@wa.gw.msging.net", "text/plain", "\"olá\"").statusCode(202);
        JsonNode toMeta = read(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES))).get(0)
                .getBodyAsString());
        assertThat(toMeta.path("recipient").asText()).isEqualTo(bsuid);
        assertThat(toMeta.has("to")).isFalse();

        optIns.consent(Bots.A, new ContactKey(bsuid), "web", null, null);
        Webhooks.post(gateway.port(), messageFrom("wamid.B2", "5531966077001", bsuid, null, now() - 10, "meu número"))
                .statusCode(200);
        ContactKey phone = NUMBERS.parse("+5531966077001").contactKey();
        assertThat(windows.lastInbound(Bots.A, phone)).isPresent()
                .isEqualTo(windows.lastInbound(Bots.A, new ContactKey(bsuid)));
        assertThat(optIns.current(Bots.A, phone)).isEqualTo(optIns.current(Bots.A, new ContactKey(bsuid))).isPresent();
        assertThat(contacts.find(Bots.A, phone)).isEqualTo(contacts.find(Bots.A, new ContactKey(bsuid)))
                .hasValueSatisfying(c -> assertThat(c.bsuid()).isEqualTo(bsuid));

        WireMockResource.server().resetRequests();
        send("bsuid-2", "5531966077001@wa.gw.msging.net", "text/plain", "\"de novo\"").statusCode(202);
        JsonNode second = read(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES))).get(0)
                .getBodyAsString());
        assertThat(second.path("to").asText()).isEqualTo("5531966077001");
    }

    @Test
    void aWaIdMetaReportedIsSendableWhateverLibphonenumberSaysAndOneNeverSeenIsRefused() {
        // 999 is no country code libphonenumber knows; Meta named this customer, so Meta can reach them
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.WAID1", "99912345678", "Zé", now() - 30, "oi")).statusCode(200);
        metaSends("wamid.OUT.W1");

        send("waid-1", "99912345678@wa.gw.msging.net", "text/plain", "\"olá\"").statusCode(202);
        JsonNode toMeta = read(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES))).get(0)
                .getBodyAsString());
        assertThat(toMeta.path("to").asText()).isEqualTo("99912345678");

        WireMockResource.server().resetRequests();
        send("waid-2", "99912345679@wa.gw.msging.net", "text/plain", "\"olá\"").statusCode(400)
                .body("reason.code", org.hamcrest.Matchers.equalTo(25));
        assertThat(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES)))).isEmpty();
    }

    @Test
    void userChangedUserIdKeepsTheWindowAndOptInOnTheNewId() {
        String old = "BR.88001502576394655843";
        String renewed = "BR.88009999999999999999";
        Webhooks.post(gateway.port(), messageFrom("wamid.U1", null, old, null, now() - 30, "oi")).statusCode(200);
        optIns.consent(Bots.A, new ContactKey(old), "web", null, null);
        String system = Webhooks.envelope(Webhooks.PHONE_A, "\"messages\":[{\"from_user_id\":\"" + old
                + "\",\"id\":\"wamid.U2\",\"timestamp\":\"" + now() + "\",\"type\":\"system\",\"system\":{\"body\":"
                + "\"User changed\",\"type\":\"user_changed_user_id\",\"user_id\":\"" + renewed + "\"}}]");
        Webhooks.post(gateway.port(), system).statusCode(200);

        assertThat(windows.lastInbound(Bots.A, new ContactKey(renewed))).isPresent()
                .isEqualTo(windows.lastInbound(Bots.A, new ContactKey(old)));
        assertThat(optIns.current(Bots.A, new ContactKey(renewed)).orElseThrow().active()).isTrue();
    }

    @Test
    void garbageInEveryIdAndTypeIsAcknowledgedAndKeptForTheBot() {
        String garbage = Webhooks.envelope(Webhooks.PHONE_A, "\"contacts\":[{\"wa_id\":{\"x\":1},\"user_id\":[1]}],"
                + "\"messages\":[{\"from\":\"<script>\",\"id\":\"wamid.G1\",\"timestamp\":\"" + now()
                + "\",\"type\":{\"weird\":true}},{\"id\":\"" + "x".repeat(3000) + "\",\"timestamp\":\"1\"},"
                + "{\"from\":\"" + "9".repeat(3000) + "\",\"id\":\"wamid.G3\",\"timestamp\":\"" + now() + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"hi\"}}],\"statuses\":[{\"id\":42,\"status\":\"teleported\",\"timestamp\":\"x\"},"
                + "{\"id\":\"" + "s".repeat(3000) + "\",\"status\":\"sent\",\"timestamp\":\"" + now() + "\"},"
                + "{\"id\":\"wamid.G4\",\"status\":\"sent\",\"timestamp\":\"" + now() + "\",\"recipient_id\":\""
                + "9".repeat(3000) + "\",\"biz_opaque_callback_data\":\"" + "c".repeat(3000) + "\"}]");
        Webhooks.post(gateway.port(), garbage).statusCode(200);
        Webhooks.post(gateway.port(), field("a_field_from_2030", "{\"anything\":[1,2,3]}")).statusCode(200);

        List<String> ids = posted(MESSAGES_A).stream().map(m -> m.path("id").asText()).toList();
        assertThat(ids).contains("wamid.G1", "wamid.G3");
        assertThat(posted(MESSAGES_A)).filteredOn(m -> m.path("type").asText().equals(
                "application/vnd.wagw.whatsapp-event+json")).extracting(m -> m.path("content").path("field").asText())
                .contains("unprocessable", "a_field_from_2030");
    }

    @Test
    void aMessagesChangeWithoutItsNumberIsKeptForTheBotsOfItsBusinessAccount() {
        String noNumber = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"2220001\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[{\"from\":\"5531966079001\","
                + "\"id\":\"wamid.NONUMBER.1\",\"timestamp\":\"" + now() + "\",\"type\":\"text\",\"text\":{\"body\":"
                + "\"sem número\"}}]},\"field\":\"messages\"}]}]}";
        Webhooks.post(gateway.port(), noNumber).statusCode(200);

        assertThat(posted(MESSAGES_A)).filteredOn(m -> m.path("content").path("field").asText().equals("unprocessable"))
                .anyMatch(m -> m.path("content").path("value").path("item").path("id").asText()
                        .equals("wamid.NONUMBER.1"));
    }

    @Test
    void aStatusBeforeItsSendsRecordIsAppliedWhenTheRecordLandsAndToldOnceInOrder() throws Exception {
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.E1", "5531966078001", "Rui", now() - 30, "oi")).statusCode(200);
        // Meta takes the send and its statuses overtake its answer: they come while wagw still waits for it
        WireMockResource.server().stubFor(post(urlPathEqualTo(META_MESSAGES)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\"}],\"messages\":[{\"id\":"
                        + "\"wamid.OUT.E1\"}]}").withFixedDelay(500)));
        java.util.concurrent.CompletableFuture<Integer> sent = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> send("early-1", "5531966078001@wa.gw.msging.net", "text/plain", "\"olá\"").extract().statusCode());
        for (int waited = 0; WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES))).isEmpty()
                && waited < 5_000; waited += 10) {
            Thread.sleep(10);
        }
        Webhooks.post(gateway.port(), Webhooks.status("wamid.OUT.E1", "delivered", "5531966078001", now(),
                "wagw:" + Bots.A + ":early-1")).statusCode(200);
        Webhooks.post(gateway.port(), Webhooks.status("wamid.OUT.E1", "sent", "5531966078001", now(),
                "wagw:" + Bots.A + ":early-1")).statusCode(200);
        assertThat(sent.get()).isEqualTo(202);

        List<String> events = posted(NOTIFICATIONS_A).stream().filter(n -> n.path("id").asText().equals("early-1"))
                .map(n -> n.path("event").asText()).toList();
        assertThat(events).containsExactly("accepted", "received");
    }

    @Test
    void pricingGoesIntoTheNotificationAndIsCountedOncePerMessage() {
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.P1", "5531966079001", "Bia", now() - 30, "oi")).statusCode(200);
        metaSends("wamid.OUT.P1");
        send("priced-1", "5531966079001@wa.gw.msging.net", "text/plain", "\"olá\"").statusCode(202);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long before = usage.between(Bots.A, today, today).stream().filter(u -> u.category().equals("service"))
                .mapToLong(UsageCounter.Usage::messages).sum();
        for (String status : List.of("sent", "delivered")) {
            Webhooks.post(gateway.port(), Webhooks.envelope(Webhooks.PHONE_A, "\"statuses\":[{\"id\":\"wamid.OUT.P1\","
                    + "\"status\":\"" + status + "\",\"timestamp\":\"" + now() + "\",\"recipient_id\":\"5531966079001\","
                    + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"regular\"},"
                    + "\"conversation\":{\"id\":\"c1\",\"origin\":{\"type\":\"service\"}}}]")).statusCode(200);
        }
        JsonNode dispatched = posted(NOTIFICATIONS_A).stream().filter(n -> n.path("id").asText().equals("priced-1")
                && n.path("event").asText().equals("dispatched")).findFirst().orElseThrow();
        assertThat(dispatched.path("metadata").path("#wa.pricing.category").asText()).isEqualTo("service");
        assertThat(dispatched.path("metadata").path("#wa.conversation.origin.type").asText()).isEqualTo("service");
        long after = usage.between(Bots.A, today, today).stream().filter(u -> u.category().equals("service"))
                .mapToLong(UsageCounter.Usage::messages).sum();
        assertThat(after - before).isEqualTo(1);
    }

    @Test
    void usageIsAnsweredPerDayForARangeAsARouteAndAsACommandAndABadRangeIsRefused() {
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.U1", "5531966079101", "Bia", now() - 30, "oi")).statusCode(200);
        metaSends("wamid.OUT.U1");
        send("usage-1", "5531966079101@wa.gw.msging.net", "text/plain", "\"olá\"").statusCode(202);
        Webhooks.post(gateway.port(), Webhooks.envelope(Webhooks.PHONE_A, "\"statuses\":[{\"id\":\"wamid.OUT.U1\","
                + "\"status\":\"sent\",\"timestamp\":\"" + now() + "\",\"recipient_id\":\"5531966079101\","
                + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"utility\",\"type\":\"regular\"}}]"))
                .statusCode(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long counted = usage.between(Bots.A, today, today).stream().filter(u -> u.category().equals("utility"))
                .mapToLong(UsageCounter.Usage::messages).sum();
        assertThat(counted).isPositive();

        JsonNode rest = read(given().port(gateway.port()).header("Authorization", Bots.A_KEY)
                .get("/usage?from=" + today.minusDays(2) + "&to=" + today).then().statusCode(200).extract().asString());
        assertThat(rest.path("itemType").asText()).isEqualTo("application/vnd.wagw.usage+json");
        assertThat(rest.path("items")).anyMatch(i -> i.path("day").asText().equals(today.toString())
                && i.path("category").asText().equals("utility") && i.path("type").asText().equals("regular")
                && i.path("messages").asLong() == counted);
        JsonNode command = read(given().port(gateway.port()).header("Authorization", Bots.A_KEY)
                .contentType(ContentType.JSON).body("{\"id\":\"u-1\",\"method\":\"get\",\"uri\":\"/usage?from=" + today
                        + "&to=" + today + "\"}").post("/commands").then().statusCode(200).extract().asString());
        assertThat(command.path("status").asText()).isEqualTo("success");
        assertThat(command.path("resource").path("items")).anyMatch(i -> i.path("category").asText().equals("utility")
                && i.path("messages").asLong() == counted);
        // yesterday alone has none of today's
        JsonNode yesterday = read(given().port(gateway.port()).header("Authorization", Bots.A_KEY)
                .get("/usage?from=" + today.minusDays(1) + "&to=" + today.minusDays(1)).then().statusCode(200).extract()
                .asString());
        assertThat(yesterday.path("items")).noneMatch(i -> i.path("day").asText().equals(today.toString()));

        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/usage?from=" + today + "&to="
                + today.minusDays(1)).then().statusCode(400).body("reason.code", org.hamcrest.Matchers.equalTo(21));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/usage?from=" + today.minusDays(200)
                + "&to=" + today).then().statusCode(400).body("reason.description",
                        org.hamcrest.Matchers.containsString("at most 93"));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/usage?from=yesterday").then()
                .statusCode(400).body("reason.description", org.hamcrest.Matchers.containsString("'from'"));
    }

    @Test
    void aTemplatePausedByWebhookIsRefusedBeforeMetaAndSentOnceReapprovedAndAnOlderChangeDoesNotUndoANewer() {
        catalog.replace(Bots.A, List.of(new Template("aviso", "pt_BR", "APPROVED", "UTILITY", java.util.Map.of())));
        optIns.consent(Bots.A, NUMBERS.parse("+5531966080001"), "web", null, null);
        String template = "{\"name\":\"aviso\",\"language\":{\"code\":\"pt_BR\"}}";
        String paused = "{\"event\":\"PAUSED\",\"message_template_id\":7,\"message_template_name\":\"aviso\","
                + "\"message_template_language\":\"pt_BR\",\"reason\":\"LOW_QUALITY\"}";
        long time = Instant.now().getEpochSecond();
        Webhooks.post(gateway.port(), field("message_template_status_update", paused, time)).statusCode(200);

        send("tpl-1", "5531966080001@wa.gw.msging.net", "application/json", "{\"type\":\"template\",\"template\":"
                + template + "}").statusCode(422);
        assertThat(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(META_MESSAGES)))).isEmpty();
        assertThat(posted(MESSAGES_A)).anyMatch(m -> m.path("content").path("field").asText()
                .equals("message_template_status_update"));

        Webhooks.post(gateway.port(), field("message_template_status_update", paused.replace("PAUSED", "APPROVED"),
                time + 60)).statusCode(200);
        metaSends("wamid.OUT.T1");
        send("tpl-2", "5531966080001@wa.gw.msging.net", "application/json", "{\"type\":\"template\",\"template\":"
                + template + "}").statusCode(202);

        // paused again: the same words as the first pause, a later delivery; then Meta's retry of it
        Webhooks.post(gateway.port(), field("message_template_status_update", paused, time + 120)).statusCode(200);
        Webhooks.post(gateway.port(), field("message_template_status_update", paused, time + 120)).statusCode(200);
        send("tpl-3", "5531966080001@wa.gw.msging.net", "application/json", "{\"type\":\"template\",\"template\":"
                + template + "}").statusCode(422);
        // a reinstatement Meta made before that pause, delivered after it (a retry): told, and the pause stands
        Webhooks.post(gateway.port(), field("message_template_status_update", paused.replace("PAUSED", "REINSTATED"),
                time + 90)).statusCode(200);
        send("tpl-4", "5531966080001@wa.gw.msging.net", "application/json", "{\"type\":\"template\",\"template\":"
                + template + "}").statusCode(422);
        assertThat(posted(MESSAGES_A)).filteredOn(m -> m.path("content").path("field").asText()
                .equals("message_template_status_update")).as("each delivery told once").hasSize(4);
    }

    @Test
    void anEchoReachesTheBotFromItsOwnNodeAndOpensNoWindowWhileACallOpensIt() {
        String customer = "5531966081001";
        ContactKey key = NUMBERS.parse("+" + customer).contactKey();
        Webhooks.post(gateway.port(), field("smb_message_echoes", "{\"messaging_product\":\"whatsapp\",\"metadata\":"
                + "{\"phone_number_id\":\"1110001\"},\"message_echoes\":[{\"from\":\"15550783881\",\"to\":\"" + customer
                + "\",\"id\":\"wamid.ECHO1\",\"timestamp\":\"" + now() + "\",\"type\":\"text\",\"text\":{\"body\":"
                + "\"respondi pelo app\"}}]}")).statusCode(200);
        JsonNode echo = posted(MESSAGES_A).stream().filter(m -> m.path("metadata").has("#wa.echo")).findFirst()
                .orElseThrow();
        assertThat(echo.path("from").asText()).isEqualTo("bot-a@msging.net");
        assertThat(echo.path("to").asText()).isEqualTo(customer + "@wa.gw.msging.net");
        assertThat(echo.path("content").asText()).isEqualTo("respondi pelo app");
        assertThat(windows.lastInbound(Bots.A, key)).isEmpty();

        Webhooks.post(gateway.port(), field("calls", "{\"messaging_product\":\"whatsapp\",\"metadata\":"
                + "{\"phone_number_id\":\"1110001\"},\"calls\":[{\"id\":\"wacid.1\",\"from\":\"" + customer
                + "\",\"to\":\"15550783881\",\"event\":\"connect\",\"direction\":\"USER_INITIATED\",\"timestamp\":\""
                + now() + "\"}]}")).statusCode(200);
        assertThat(windows.lastInbound(Bots.A, key)).isPresent();
        assertThat(posted(MESSAGES_A)).anyMatch(m -> m.path("content").path("field").asText().equals("calls")
                && m.path("from").asText().equals(customer + "@wa.gw.msging.net"));
    }

    @Test
    void anEchoWithABlankOrObjectIdIsAcknowledgedAndToldAsTheEventItIs() {
        String customer = "5531966081002";
        for (String id : new String[] { "\"\"", "{\"x\":1}" }) {
            Webhooks.post(gateway.port(), field("smb_message_echoes", "{\"messaging_product\":\"whatsapp\",\"metadata\":"
                    + "{\"phone_number_id\":\"1110001\"},\"message_echoes\":[{\"from\":\"15550783881\",\"to\":\"" + customer
                    + "\",\"id\":" + id + ",\"timestamp\":\"" + now() + "\",\"type\":\"text\",\"text\":{\"body\":"
                    + "\"sem id " + id.length() + "\"}}]}")).statusCode(200);
        }
        assertThat(posted(MESSAGES_A)).filteredOn(m -> m.path("content").path("field").asText().equals("smb_message_echoes")
                && m.path("content").path("value").path("text").path("body").asText().startsWith("sem id")).hasSize(2);
    }

    @Test
    void aMarketingStopInUserPreferencesRevokesMarketingWithHistoryAndAccountEventsAreToldToTheBot() {
        String customer = "5531966085001";
        ContactKey key = NUMBERS.parse("+" + customer).contactKey();
        optIns.consent(Bots.A, key, "web", null, List.of("MARKETING", "UTILITY"));

        Webhooks.post(gateway.port(), field("user_preferences", "{\"messaging_product\":\"whatsapp\",\"metadata\":"
                + "{\"phone_number_id\":\"1110001\"},\"contacts\":[{\"wa_id\":\"" + customer + "\",\"profile\":"
                + "{\"name\":\"Lia\"}}],\"user_preferences\":[{\"wa_id\":\"" + customer + "\",\"detail\":"
                + "\"User requested to stop marketing messages\",\"category\":\"marketing_messages\",\"value\":"
                + "\"stop\",\"timestamp\":" + now() + "}]}")).statusCode(200);
        Webhooks.post(gateway.port(), field("account_update", "{\"phone_number\":\"15550783881\",\"event\":"
                + "\"VERIFIED_ACCOUNT\"}")).statusCode(200);

        var current = optIns.current(Bots.A, key).orElseThrow();
        assertThat(current.categories()).containsExactly("UTILITY");
        assertThat(current.source()).isEqualTo("meta");
        assertThat(optIns.history(Bots.A, key)).hasSize(2);
        assertThat(posted(MESSAGES_A)).anyMatch(m -> m.path("content").path("field").asText().equals("user_preferences")
                && m.path("from").asText().equals(customer + "@wa.gw.msging.net"))
                .anyMatch(m -> m.path("content").path("field").asText().equals("account_update")
                        && m.path("content").path("facts").path("account.event").asText().equals("VERIFIED_ACCOUNT")
                        && m.path("from").asText().startsWith("postmaster@"));
    }

    @Test
    void consumedNamingAnotherBotsMessageIsRefusedAndNothingIsSent() {
        Webhooks.post(gateway.port(), Webhooks.text("wamid.IN.O1", "5531966082001", "Caio", now(), "oi")).statusCode(200);
        WireMockResource.server().resetRequests();
        given().port(gateway.port()).header("Authorization", Bots.B_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"wamid.IN.O1\",\"event\":\"consumed\"}").post("/notifications").then().statusCode(404);
        assertThat(WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo("/v23.0/1110002/messages"))))
                .isEmpty();
    }

    @Test
    void aHundredSendsOfAnUnknownTemplateSyncTheCatalogAtMostOnce() {
        catalog.replace(Bots.A, List.of(new Template("known", "pt_BR", "APPROVED", "UTILITY", java.util.Map.of())));
        TemplateSyncClaims.release(dynamo, names, Bots.A);
        WireMockResource.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/v23.0/2220001/message_templates")).willReturn(okJson("{\"data\":[{\"name\":\"known\","
                        + "\"language\":\"pt_BR\",\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"components\":[]}]}")));
        for (int i = 0; i < 100; i++) {
            send("unknown-" + i, "5531966083001@wa.gw.msging.net", "application/json",
                    "{\"type\":\"template\",\"template\":{\"name\":\"nope\",\"language\":{\"code\":\"pt_BR\"}}}")
                    .statusCode(422);
        }
        assertThat(WireMockResource.server().findAll(getRequestedFor(urlPathEqualTo("/v23.0/2220001/message_templates"))))
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void oversizedIdsAndTextsAreRefusedNamingTheFieldNeverAsAnOutage() {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"" + "i".repeat(3000) + "\",\"to\":\"5531966084001@wa.gw.msging.net\",\"type\":"
                        + "\"text/plain\",\"content\":\"x\"}").post("/messages").then().statusCode(400)
                .body("reason.description", org.hamcrest.Matchers.containsString("'id'"));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"phoneNumber\":\"+5531966084001\",\"source\":\"web\",\"text\":\"" + "t".repeat(500_000) + "\"}")
                .post("/opt-ins").then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400),
                        org.hamcrest.Matchers.is(413)));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).post("/dead-letters/" + "d".repeat(3000))
                .then().statusCode(400);
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/groups/" + "g".repeat(3000))
                .then().statusCode(400);
    }
}
