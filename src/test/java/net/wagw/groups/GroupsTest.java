package net.wagw.groups;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import net.wagw.local.LocalGateway;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.WireMockResource;
import net.wagw.whatsapp.MetaSignature;

/** Groups on the Cloud API's Groups API, end to end against WireMock as Meta (docs/contracts.md §6). */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class GroupsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGES_A = "/bot-a/messages";

    @Inject
    LocalGateway gateway;

    private WireMockServer meta;

    @BeforeEach
    void reset() {
        meta = WireMockResource.server();
        meta.resetAll();
        meta.stubFor(post(urlPathEqualTo(MESSAGES_A)).willReturn(aResponse().withStatus(200)));
        meta.stubFor(post(urlPathEqualTo("/bot-a/notifications")).willReturn(aResponse().withStatus(200)));
    }

    private RequestSpecification bot(String key) {
        return given().port(gateway.port()).header("Authorization", key).contentType(ContentType.JSON);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String groupsWebhook(String field, String element) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"1110001\"},\"groups\":[" + element + "]},\"field\":\"" + field + "\"}]}]}";
    }

    private void webhook(String payload, int status) {
        given().port(gateway.port()).header("X-Hub-Signature-256", MetaSignature.of(payload, "test-app-secret"))
                .contentType("application/json").body(payload).post("/webhooks/whatsapp").then().statusCode(status);
    }

    private List<JsonNode> botMessages(String fromGroup) {
        net.wagw.testing.WorkQueueDrain.drainQueue();
        return meta.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_A))).stream().map(r -> read(r.getBodyAsString()))
                .filter(m -> m.path("from").asText().equals(fromGroup)).toList();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a group through the API and completes it with the lifecycle webhook; returns wagw's id. */
    private String activeGroup(String request, String metaId, String name) {
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/groups")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"request_id\":\"" + request + "\"}")));
        String id = bot(Bots.A_KEY).body("{\"name\":\"" + name + "\"}").post("/groups").then().statusCode(201)
                .extract().path("id");
        webhook(groupsWebhook("group_lifecycle_update", "{\"timestamp\":\"" + now() + "\",\"group_id\":\"" + metaId
                + "\",\"type\":\"group_create\",\"request_id\":\"" + request + "\",\"subject\":\"" + name
                + "\",\"invite_link\":\"https://chat.whatsapp.com/" + request + "\"}"), 200);
        return id;
    }

    @Test
    void aGroupIsPendingUntilMetasLifecycleWebhookMakesItActiveAndTheBotIsTold() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/groups")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"request_id\":\"REQ1\"}")));

        String id = bot(Bots.A_KEY).body("{\"name\":\"  Suporte VIP  \",\"description\":\"Clientes VIP\","
                + "\"joinApprovalMode\":\"approval_required\"}").post("/groups")
                .then().statusCode(201)
                .body("status", equalTo("pending"))
                .body("name", equalTo("Suporte VIP"))
                .extract().path("id");
        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/1110001/groups")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"subject\":\"Suporte VIP\",\"description\":\"Clientes VIP\","
                        + "\"join_approval_mode\":\"approval_required\"}")));
        bot(Bots.A_KEY).get("/groups/" + id).then().statusCode(200)
                .body("identity", equalTo(id + "@groups.wa.gw.msging.net")).body("status", equalTo("pending"));

        webhook(groupsWebhook("group_lifecycle_update", "{\"timestamp\":\"" + now() + "\",\"group_id\":\"G-META-1\","
                + "\"type\":\"group_create\",\"request_id\":\"REQ1\",\"subject\":\"Suporte VIP\","
                + "\"invite_link\":\"https://chat.whatsapp.com/ABC\",\"join_approval_mode\":\"approval_required\"}"), 200);

        bot(Bots.A_KEY).get("/groups/" + id).then().statusCode(200)
                .body("status", equalTo("active"))
                .body("inviteLink", equalTo("https://chat.whatsapp.com/ABC"));
        List<JsonNode> told = botMessages(id + "@groups.wa.gw.msging.net");
        assertThat(told).hasSize(1);
        assertThat(told.get(0).path("type").asText()).isEqualTo("application/vnd.wagw.group-event+json");
        assertThat(told.get(0).path("content").path("event").asText()).isEqualTo("created");
        assertThat(told.get(0).path("content").path("group").path("status").asText()).isEqualTo("active");
    }

    @Test
    void aGroupMetaFailedToCreateEndsFailedAndTheBotIsTold() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/groups")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"request_id\":\"REQ-FAIL\"}")));
        String id = bot(Bots.A_KEY).body("{\"name\":\"Doomed\"}").post("/groups").then().statusCode(201)
                .extract().path("id");

        webhook(groupsWebhook("group_lifecycle_update", "{\"timestamp\":\"" + now() + "\",\"type\":\"group_create\","
                + "\"request_id\":\"REQ-FAIL\",\"errors\":[{\"code\":131000,\"title\":\"Something went wrong\","
                + "\"error_data\":{\"details\":\"Group could not be created\"}}]}"), 200);

        bot(Bots.A_KEY).get("/groups/" + id).then().body("status", equalTo("failed"))
                .body("failure", containsString("131000"));
        List<JsonNode> told = botMessages(id + "@groups.wa.gw.msging.net");
        assertThat(told).extracting(m -> m.path("content").path("event").asText()).containsExactly("failed");
    }

    @Test
    void aGroupNamedByItsIdentityIsTheGroupEveryPathAndCommandNames() {
        String id = activeGroup("REQ-IDENTITY", "G-META-ID", "Named");
        String identity = id + "@groups.wa.gw.msging.net";
        meta.stubFor(get(urlPathEqualTo("/v23.0/G-META-ID/invite_link")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"invite_link\":\"https://chat.whatsapp.com/NAMED\"}")));

        bot(Bots.A_KEY).get("/groups/" + identity + "/invite-link").then().statusCode(200)
                .body("uri", equalTo("https://chat.whatsapp.com/NAMED"));
        bot(Bots.A_KEY).get("/groups/" + identity).then().statusCode(200).body("identity", equalTo(identity));
        bot(Bots.A_KEY).body("{\"id\":\"gi\",\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/groups/" + identity
                + "/invite-link\"}").post("/commands").then().statusCode(200)
                .body("resource.uri", equalTo("https://chat.whatsapp.com/NAMED"));
    }

    @Test
    void theInviteLinkIsReadAndResetAtMetasPathsAndAParticipantIsRemovedWithMetasBody() {
        String id = activeGroup("REQ2", "G-META-2", "Links");
        meta.stubFor(get(urlPathEqualTo("/v23.0/G-META-2/invite_link")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"invite_link\":\"https://chat.whatsapp.com/CURRENT\"}")));
        meta.stubFor(post(urlPathEqualTo("/v23.0/G-META-2/invite_link")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"invite_link\":\"https://chat.whatsapp.com/NEW\"}")));
        meta.stubFor(delete(urlPathEqualTo("/v23.0/G-META-2/participants")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\"}")));

        bot(Bots.A_KEY).get("/groups/" + id + "/invite-link").then().statusCode(200)
                .body("uri", equalTo("https://chat.whatsapp.com/CURRENT"));
        bot(Bots.A_KEY).body("{\"id\":\"il\",\"method\":\"set\",\"uri\":\"/groups/" + id + "/invite-link\"}")
                .post("/commands").then().statusCode(200)
                .body("type", equalTo("application/vnd.lime.web-link+json"))
                .body("resource.uri", equalTo("https://chat.whatsapp.com/NEW"));
        bot(Bots.A_KEY).delete("/groups/" + id + "/participants/5531977009001@wa.gw.msging.net").then().statusCode(204);

        meta.verify(getRequestedFor(urlPathEqualTo("/v23.0/G-META-2/invite_link")));
        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/G-META-2/invite_link"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\"}")));
        meta.verify(deleteRequestedFor(urlPathEqualTo("/v23.0/G-META-2/participants")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"participants\":[{\"user\":\"5531977009001\"}]}")));
    }

    @Test
    void joinRequestsAreListedApprovedAndRejectedAtMeta() {
        String id = activeGroup("REQ3", "G-META-3", "Approval");
        meta.stubFor(get(urlPathEqualTo("/v23.0/G-META-3/join_requests")).willReturn(okJson(
                "{\"data\":[{\"join_request_id\":\"JR1\",\"wa_id\":\"5531977009002\",\"creation_timestamp\":1755548877}]}")));
        meta.stubFor(post(urlPathEqualTo("/v23.0/G-META-3/join_requests")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"approved_join_requests\":[\"JR1\"]}")));
        meta.stubFor(delete(urlPathEqualTo("/v23.0/G-META-3/join_requests")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"rejected_join_requests\":[\"JR2\"]}")));

        bot(Bots.A_KEY).get("/groups/" + id + "/join-requests").then().statusCode(200)
                .body("items[0].id", equalTo("JR1")).body("items[0].identity", equalTo("5531977009002@wa.gw.msging.net"));
        bot(Bots.A_KEY).body("{\"approve\":[\"JR1\"],\"reject\":[\"JR2\"]}").post("/groups/" + id + "/join-requests")
                .then().statusCode(200);

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/G-META-3/join_requests")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"join_requests\":[\"JR1\"]}")));
        meta.verify(deleteRequestedFor(urlPathEqualTo("/v23.0/G-META-3/join_requests")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"join_requests\":[\"JR2\"]}")));
    }

    @Test
    void aJoinRequestAnswerWithABadIdIsRefusedBeforeMetaHearsOfEither() {
        String id = activeGroup("REQ3B", "G-META-3B", "Approval");
        meta.resetRequests();

        for (String answer : List.of("{\"approve\":[\"JR1\"],\"reject\":[{\"id\":\"JR2\"}]}",
                "{\"approve\":[\"JR1\"],\"reject\":[\"\"]}", "{\"approve\":[\"JR1\"],\"reject\":[\"JR1\"]}")) {
            bot(Bots.A_KEY).body(answer).post("/groups/" + id + "/join-requests").then().statusCode(400)
                    .body("reason.code", equalTo(64));
        }

        meta.verify(0, anyRequestedFor(urlPathEqualTo("/v23.0/G-META-3B/join_requests")));
    }

    @Test
    void aGroupMessageReachesTheBotFromGroupsWithItsGroupAndAuthor() {
        String id = activeGroup("REQ4", "G-META-4", "Chat");
        String payload = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\",\"phone_number_id\":"
                + "\"1110001\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"5531977009003\"}],\"messages\":[{"
                + "\"from\":\"5531977009003\",\"group_id\":\"G-META-4\",\"id\":\"wamid.GIN.1\",\"timestamp\":\"" + now()
                + "\",\"text\":{\"body\":\"Bom dia, grupo\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";

        webhook(payload, 200);

        List<JsonNode> received = botMessages("groups@wa.gw.msging.net");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("content").asText()).isEqualTo("Bom dia, grupo");
        assertThat(received.get(0).path("metadata").path("#wa.group").asText()).isEqualTo(id + "@groups.wa.gw.msging.net");
        assertThat(received.get(0).path("metadata").path("#wa.author").asText()).isEqualTo("5531977009003@wa.gw.msging.net");
    }

    @Test
    void aMessageToAnActiveGroupGoesWithRecipientTypeGroupAndNeedsNoWindow() {
        String id = activeGroup("REQ5", "G-META-5", "Send");
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/messages")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.GOUT.1\"}]}")));

        bot(Bots.A_KEY).body("{\"id\":\"g-1\",\"to\":\"" + id + "@groups.wa.gw.msging.net\",\"type\":\"text/plain\","
                + "\"content\":\"Olá a todos\"}").post("/messages").then().statusCode(202);

        meta.verify(postRequestedFor(urlPathEqualTo("/v23.0/1110001/messages")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"group\",\"to\":\"G-META-5\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"Olá a todos\"},"
                        + "\"biz_opaque_callback_data\":\"wagw:bot-a:g-1\"}")));
    }

    @Test
    void groupsRefuseWhatTheyCannotTake() {
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/groups")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"request_id\":\"REQ6\"}")));
        String pending = bot(Bots.A_KEY).body("{\"name\":\"Not yet\"}").post("/groups").then().extract().path("id");
        String active = activeGroup("REQ7", "G-META-7", "Active");
        meta.resetRequests();

        bot(Bots.A_KEY).body("{\"id\":\"g-2\",\"to\":\"" + pending + "@groups.wa.gw.msging.net\",\"type\":\"text/plain\","
                + "\"content\":\"hi\"}").post("/messages").then().statusCode(409).body("reason.code", equalTo(66));
        bot(Bots.B_KEY).body("{\"id\":\"g-3\",\"to\":\"" + active + "@groups.wa.gw.msging.net\",\"type\":\"text/plain\","
                + "\"content\":\"hi\"}").post("/messages").then().statusCode(404).body("reason.code", equalTo(67));
        bot(Bots.A_KEY).body("{\"id\":\"g-4\",\"to\":\"" + active + "@groups.wa.gw.msging.net\",\"type\":"
                + "\"application/vnd.lime.select+json\",\"content\":{\"text\":\"Pick\",\"options\":[{\"text\":\"A\"}]}}")
                .post("/messages").then().statusCode(422).body("reason.code", equalTo(66));
        bot(Bots.B_KEY).get("/groups/" + active).then().statusCode(404);

        meta.verify(0, anyRequestedFor(urlPathMatching("/v23.0/.*")));
    }

    @Test
    void badGroupInputIsRefusedAndNothingIsAskedOfMeta() {
        bot(Bots.A_KEY).body("{\"name\":\"   \"}").post("/groups").then().statusCode(400).body("reason.code", equalTo(64));
        bot(Bots.A_KEY).body("{\"name\":\"" + "x".repeat(129) + "\"}").post("/groups").then().statusCode(400)
                .body("reason.description", containsString("at most 128"));
        bot(Bots.A_KEY).body("{\"name\":\"ok\",\"description\":\"" + "d".repeat(2049) + "\"}").post("/groups")
                .then().statusCode(400).body("reason.description", containsString("at most 2048"));
        bot(Bots.A_KEY).body("{\"name\":\"ok\",\"joinApprovalMode\":\"whenever\"}").post("/groups").then().statusCode(400);
        bot(Bots.A_KEY).get("/groups/no-such-group").then().statusCode(404).body("reason.code", equalTo(67));
        bot(Bots.A_KEY).body("{\"id\":\"gx\",\"method\":\"get\",\"uri\":\"/groups/no-such-group\"}").post("/commands")
                .then().statusCode(200).body("status", equalTo("failure")).body("reason.code", equalTo(67));

        meta.verify(0, anyRequestedFor(anyUrl()).withUrl("/v23.0/1110001/groups"));
    }

    @Test
    void statusesOfAGroupMessageAreToldPerParticipantForwardOnly() {
        String id = activeGroup("REQ8", "G-META-8", "Statuses");
        meta.stubFor(post(urlPathEqualTo("/v23.0/1110001/messages")).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.GOUT.8\"}]}")));
        bot(Bots.A_KEY).body("{\"id\":\"g-8\",\"to\":\"" + id + "@groups.wa.gw.msging.net\",\"type\":\"text/plain\","
                + "\"content\":\"hi all\"}").post("/messages").then().statusCode(202);

        String[][] statuses = { { "P1", "delivered" }, { "P2", "read" }, { "P3", "delivered" }, { "P1", "read" },
                { "P2", "delivered" }, { "P3", "read" } };
        for (String[] s : statuses) {
            String participant = "55319770090" + s[0].substring(1) + "0";
            String field = s[0].equals("P2") ? "participant_recipient_id" : "recipient_participant_id";
            webhook("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{"
                    + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"1\",\"phone_number_id\":"
                    + "\"1110001\"},\"statuses\":[{\"id\":\"wamid.GOUT.8\",\"status\":\"" + s[1] + "\",\"timestamp\":\""
                    + now() + "\",\"recipient_id\":\"G-META-8\",\"recipient_type\":\"group\",\"" + field + "\":"
                    + participant + "}]},\"field\":\"messages\"}]}]}", 200);
        }

        net.wagw.testing.WorkQueueDrain.drainQueue();
        var told = meta.findAll(postRequestedFor(urlPathEqualTo("/bot-a/notifications"))).stream()
                .map(r -> read(r.getBodyAsString())).filter(n -> n.path("id").asText().equals("g-8"))
                .filter(n -> n.path("metadata").has("#wa.participant")).toList();
        assertThat(told).extracting(n -> n.path("metadata").path("#wa.participant").asText() + " "
                + n.path("event").asText()).containsExactlyInAnyOrder(
                        "5531977009010@wa.gw.msging.net received", "5531977009020@wa.gw.msging.net consumed",
                        "5531977009030@wa.gw.msging.net received", "5531977009010@wa.gw.msging.net consumed",
                        "5531977009030@wa.gw.msging.net consumed");
    }

    @Test
    void deletingAGroupAsksMetaAndTheLifecycleWebhookEndsIt() {
        String id = activeGroup("REQ9", "G-META-9", "Bye");
        meta.stubFor(delete(urlPathEqualTo("/v23.0/G-META-9")).willReturn(okJson("{\"success\":true}")));

        bot(Bots.A_KEY).delete("/groups/" + id).then().statusCode(202).body("status", equalTo("deleting"));
        webhook(groupsWebhook("group_lifecycle_update", "{\"timestamp\":\"" + now() + "\",\"group_id\":\"G-META-9\","
                + "\"type\":\"group_delete\"}"), 200);

        meta.verify(deleteRequestedFor(urlPathEqualTo("/v23.0/G-META-9")));
        bot(Bots.A_KEY).get("/groups/" + id).then().body("status", equalTo("deleted"));
        bot(Bots.A_KEY).get("/groups").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("deleted"));
    }

    @Test
    void participantChangesAreKeptOnTheGroupAndTheMisspelledFieldNameWorksToo() {
        String id = activeGroup("REQ10", "G-META-10", "People");

        webhook(groupsWebhook("group_participants_update", "{\"timestamp\":\"" + now() + "\",\"group_id\":\"G-META-10\","
                + "\"type\":\"group_participants_add\",\"added_participants\":[{\"input\":5531977009101,"
                + "\"wa_id\":5531977009101},{\"input\":\"5531977009102\",\"wa_id\":\"5531977009102\"}]}"), 200);
        webhook(groupsWebhook("group_participant_update", "{\"timestamp\":\"" + now() + "\",\"group_id\":\"G-META-10\","
                + "\"type\":\"group_participants_remove\",\"removed_participants\":[{\"input\":\"5531977009101\","
                + "\"wa_id\":\"5531977009101\"}]}"), 200);

        bot(Bots.A_KEY).get("/groups/" + id).then().statusCode(200)
                .body("participants", org.hamcrest.Matchers.contains("5531977009102@wa.gw.msging.net"));
        assertThat(botMessages(id + "@groups.wa.gw.msging.net")).extracting(m -> m.path("content").path("event").asText())
                .containsExactly("created", "participants", "participants");
    }
}
