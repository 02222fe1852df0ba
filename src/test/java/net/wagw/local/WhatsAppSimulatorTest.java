package net.wagw.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.SimulatorQuiet;
import net.wagw.testing.WireMockResource;

/** The local WhatsApp simulator answers the Cloud API send endpoint as Meta does. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class WhatsAppSimulatorTest {
    @Inject
    LocalGateway gateway;
    @Inject
    WhatsAppSimulator simulator;

    private RequestSpecification meta() {
        return given().port(gateway.port()).header("Authorization", "Bearer local-token").contentType(ContentType.JSON);
    }

    @Test
    void aTextSendIsAnsweredWithTheContactAndAWamidAndIsListed() {
        String wamid = meta()
                .body("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"5531988889999\","
                        + "\"type\":\"text\",\"text\":{\"body\":\"hello\"}}")
                .post("/_simulator/graph/v23.0/106540352242922/messages")
                .then().statusCode(200)
                .body("messaging_product", equalTo("whatsapp"))
                .body("contacts[0].input", equalTo("5531988889999"))
                .body("contacts[0].wa_id", equalTo("5531988889999"))
                .body("messages[0].id", startsWith("wamid."))
                .extract().path("messages[0].id");

        assertThat(simulator.sent()).anySatisfy(record -> {
            assertThat(record.path("wamid").asText()).isEqualTo(wamid);
            assertThat(record.path("phone_number_id").asText()).isEqualTo("106540352242922");
            assertThat(record.path("request").path("text").path("body").asText()).isEqualTo("hello");
        });
        given().port(gateway.port()).get("/_simulator/messages").then().statusCode(200)
                .body("find { it.wamid == '" + wamid + "' }.request.to", equalTo("5531988889999"));
    }

    @Test
    void aCustomerWritingInAGroupTheSimulatorNeverMadeIsRefusedAndNothingIsPosted() {
        SimulatorQuiet.await(simulator); // what earlier tests still have on its way is not this one's
        int before = simulator.webhooksPosted().size();
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531988889999\",\"text\":\"Oi grupo\",\"group\":\"SIMGROUPNOSUCH\"}")
                .post("/_simulator/customer/messages")
                .then().statusCode(400)
                .body("error.code", equalTo(100))
                .body("error.message", org.hamcrest.Matchers.containsString("SIMGROUPNOSUCH"));

        assertThat(simulator.webhooksPosted()).hasSize(before);
    }

    @Test
    void aSendWithoutAnAccessTokenIsRefusedLikeMetaWithCode190() {
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531988889999\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}")
                .post("/_simulator/graph/v23.0/106540352242922/messages")
                .then().statusCode(401)
                .body("error.code", equalTo(190))
                .body("error.type", equalTo("OAuthException"));
    }

    @Test
    void aSendWithoutMessagingProductOrRecipientOrWithAnUnknownTypeIsRefusedWithCode100() {
        int before = simulator.sent().size();
        meta().body("{\"to\":\"5531988889999\",\"type\":\"text\"}")
                .post("/_simulator/graph/v23.0/1/messages").then().statusCode(400).body("error.code", equalTo(100));
        meta().body("{\"messaging_product\":\"whatsapp\",\"type\":\"text\"}")
                .post("/_simulator/graph/v23.0/1/messages").then().statusCode(400).body("error.code", equalTo(100));
        meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531988889999\",\"type\":\"hologram\"}")
                .post("/_simulator/graph/v23.0/1/messages").then().statusCode(400).body("error.code", equalTo(100));

        assertThat(simulator.sent()).hasSize(before);
    }

    @Test
    void aPersonPlayingTheCustomerReachesTheBotThroughASignedWebhook() {
        var bot = WireMockResource.server();
        bot.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/bot-a/messages")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));

        String wamid = given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550099\",\"name\":\"Maria\",\"text\":\"Oi, tudo bem?\"}")
                .post("/_simulator/customer/messages")
                .then().statusCode(200).body("webhookStatus", equalTo(200)).extract().path("wamid");

        net.wagw.testing.WorkQueueDrain.drainQueue();
        var forwarded = bot.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/bot-a/messages"))).stream()
                .filter(r -> r.getBodyAsString().contains(wamid)).toList();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).getBodyAsString()).contains("\"content\":\"Oi, tudo bem?\"")
                .contains("\"from\":\"5531955550099@wa.gw.msging.net\"");
    }

    @Test
    void aTappedButtonArrivesAsItsOptionId() {
        var bot = WireMockResource.server();
        bot.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/bot-a/messages")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));

        String wamid = given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550098\",\"button\":{\"id\":\"yes\",\"title\":\"Sim\"}}")
                .post("/_simulator/customer/messages").then().statusCode(200).extract().path("wamid");

        net.wagw.testing.WorkQueueDrain.drainQueue();
        var forwarded = bot.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/bot-a/messages"))).stream()
                .filter(r -> r.getBodyAsString().contains(wamid)).toList();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).getBodyAsString()).contains("\"content\":\"yes\"")
                .contains("\"#wa.reply.title\":\"Sim\"");
    }

    @Test
    void theSimulatedGroupsApiAnswersLikeMetaAndAJoinByLinkIsSentAsAWebhook() {
        var before = java.util.Set.copyOf(simulator.groupIds());
        String requestId = meta().body("{\"messaging_product\":\"whatsapp\",\"subject\":\"Demo\"}")
                .post("/_simulator/graph/v23.0/1110001/groups")
                .then().statusCode(200).body("messaging_product", equalTo("whatsapp"))
                .extract().path("request_id");
        assertThat(requestId).startsWith("SIMREQ");
        // the group the simulator made answers its invite link at Meta's paths
        var made = simulator.groupIds().stream().filter(id -> !before.contains(id)).toList();
        assertThat(made).hasSize(1);
        String metaId = made.get(0);
        String link = meta().get("/_simulator/graph/v23.0/" + metaId + "/invite_link").then().statusCode(200)
                .extract().path("invite_link");
        String reset = meta().body("{\"messaging_product\":\"whatsapp\"}")
                .post("/_simulator/graph/v23.0/" + metaId + "/invite_link").then().statusCode(200)
                .extract().path("invite_link");
        assertThat(reset).startsWith("https://chat.whatsapp.com/").isNotEqualTo(link);
        given().port(gateway.port()).get("/_simulator/groups").then().statusCode(200)
                .body("find { it.group_id == '" + metaId + "' }.invite_link", equalTo(reset));

        // a join by the old link is refused; by the new one it becomes a participants webhook
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550097\",\"inviteLink\":\"" + link + "\"}")
                .post("/_simulator/customer/join").then().statusCode(400);
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550097\",\"inviteLink\":\"" + reset + "\"}")
                .post("/_simulator/customer/join").then()
                // the gateway never created this group (it was made at the simulator directly), so
                // it asks "Meta" to send the fresh event again: 503, passed on as 502
                .statusCode(502).body("group_id", equalTo(metaId)).body("webhookStatus", equalTo(503));
    }

    @Test
    void anUnknownTemplateIsRefusedWith132001LikeMeta() {
        meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550096\",\"type\":\"template\","
                + "\"template\":{\"name\":\"no_such\",\"language\":{\"code\":\"pt_BR\"}}}")
                .post("/_simulator/graph/v23.0/1110001/messages")
                .then().statusCode(404).body("error.code", equalTo(132001));
    }

    @Test
    void aFreeFormSendToACustomerWhoDidNotWriteFailsLaterWith131047LikeMeta() throws InterruptedException {
        String wamid = meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550095\",\"type\":\"text\","
                + "\"text\":{\"body\":\"hello?\"}}").post("/_simulator/graph/v23.0/1110001/messages")
                .then().statusCode(200).extract().path("messages[0].id");

        JsonNode failure = statusOf(wamid, "failed");
        assertThat(failure.path("errors").path(0).path("code").asInt()).isEqualTo(131047);
        assertThat(simulator.webhooksPosted()).extracting(w -> w.path("payload").path("entry").path(0).path("changes")
                .path(0).path("value").path("statuses").path(0)).filteredOn(st -> st.path("id").asText().equals(wamid))
                .extracting(st -> st.path("status").asText()).containsExactly("failed");
    }

    @Test
    void anInteractiveTypeMetaDoesNotKnowIsRefusedAndACarouselIsTaken() {
        meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550094\",\"type\":\"interactive\","
                + "\"interactive\":{\"type\":\"poll\"}}").post("/_simulator/graph/v23.0/1110001/messages")
                .then().statusCode(400).body("error.code", equalTo(100));
        meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550094\",\"type\":\"interactive\","
                + "\"interactive\":{\"type\":\"carousel\",\"body\":{\"text\":\"x\"},\"action\":{\"cards\":[]}}}")
                .post("/_simulator/graph/v23.0/1110001/messages").then().statusCode(200);
    }

    @Test
    void theCustomerSharesALocationAndReactsToAMessageItWasSent() {
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550093\",\"location\":{\"latitude\":-19.9,\"longitude\":-43.9,"
                        + "\"address\":\"Praça da Liberdade\"}}")
                .post("/_simulator/customer/messages").then().statusCode(200);
        given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550093\",\"reaction\":{\"messageId\":\"wamid.X\",\"emoji\":\"👍\"}}")
                .post("/_simulator/customer/messages").then().statusCode(200);

        assertThat(simulator.webhooksPosted()).extracting(w -> w.path("payload").path("entry").path(0).path("changes")
                .path(0).path("value").path("messages").path(0))
                .anySatisfy(m -> assertThat(m.path("location").path("address").asText()).isEqualTo("Praça da Liberdade"))
                .anySatisfy(m -> assertThat(m.path("reaction").path("message_id").asText()).isEqualTo("wamid.X"));
    }

    /**
     * The simulator's webhook statuses of a wamid, waiting for Meta's moment apart (bounded at 10 s,
     * not timed: one thread posts every test's statuses, so under load one waits behind the others).
     */
    private JsonNode statusOf(String wamid, String status) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode found = simulator.webhooksPosted().stream()
                    .map(w -> w.path("payload").path("entry").path(0).path("changes").path(0).path("value")
                            .path("statuses").path(0))
                    .filter(st -> st.path("id").asText().equals(wamid) && st.path("status").asText().equals(status))
                    .findFirst().orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + status + " status of " + wamid + " was posted");
    }

    /** What the bot was posted, once dispatch has forwarded everything queued. */
    private static java.util.List<JsonNode> botGot() {
        net.wagw.testing.WorkQueueDrain.drainQueue();
        return WireMockResource.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/bot-a/messages"))).stream()
                .map(r -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getBodyAsString());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static void botAccepts() {
        WireMockResource.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/bot-a/messages")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));
    }

    @Test
    void aCustomerWithAUsernameAndNoNumberWritesAsTheirBsuidAndIsAnsweredThroughRecipient() throws Exception {
        botAccepts();
        String wamid = given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"bsuid\":\"BR.5500112233445566\",\"username\":\"maria.s\",\"name\":\"Maria\",\"text\":\"Oi\"}")
                .post("/_simulator/customer/messages").then().statusCode(200).body("webhookStatus", equalTo(200))
                .extract().path("wamid");
        JsonNode got = botGot().stream().filter(m -> m.path("id").asText().equals(wamid)).findFirst().orElseThrow();
        assertThat(got.path("from").asText()).isEqualTo("BR.5500112233445566@wa.gw.msging.net");
        assertThat(got.path("metadata").path("#wa.username").asText()).isEqualTo("maria.s");
        assertThat(got.path("metadata").path("#wa.bsuid").asText()).isEqualTo("BR.5500112233445566");

        String reply = meta().body("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                + "\"recipient\":\"BR.5500112233445566\",\"type\":\"text\",\"text\":{\"body\":\"Olá\"}}")
                .post("/_simulator/graph/v23.0/1110001/messages").then().statusCode(200)
                .body("contacts[0].user_id", equalTo("BR.5500112233445566"))
                .body("contacts[0].wa_id", org.hamcrest.Matchers.nullValue())
                .extract().path("messages[0].id");
        JsonNode delivered = statusOf(reply, "delivered");
        assertThat(delivered.path("recipient_user_id").asText()).isEqualTo("BR.5500112233445566");
        assertThat(delivered.has("recipient_id")).isFalse();
    }

    @Test
    void statusesArePricedAFreeFormReplyAsAFreeServiceMessageATemplateByItsCategory() throws Exception {
        botAccepts();
        given().port(gateway.port()).contentType(ContentType.JSON).body("{\"from\":\"5531955550093\",\"text\":\"Oi\"}")
                .post("/_simulator/customer/messages").then().statusCode(200);
        String reply = meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550093\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Olá\"}}").post("/_simulator/graph/v23.0/1110001/messages").then().statusCode(200)
                .extract().path("messages[0].id");
        String template = meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550093\",\"type\":"
                + "\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"pt_BR\"}}}")
                .post("/_simulator/graph/v23.0/1110001/messages").then().statusCode(200).extract().path("messages[0].id");

        JsonNode free = statusOf(reply, "sent").path("pricing");
        assertThat(free.path("billable").asBoolean(true)).isFalse();
        assertThat(free.path("category").asText()).isEqualTo("service");
        assertThat(free.path("type").asText()).isEqualTo("free_customer_service");
        JsonNode billed = statusOf(template, "delivered").path("pricing");
        assertThat(billed.path("billable").asBoolean()).isTrue();
        assertThat(billed.path("pricing_model").asText()).isEqualTo("PMP");
        assertThat(billed.path("category").asText()).isEqualTo("utility");
        assertThat(statusOf(template, "read").has("pricing")).isFalse();
    }

    @Test
    void anEchoFromTheBusinessAppReachesTheBotFromItsOwnNodeAndACallAsAnEventFromTheCustomer() {
        botAccepts();
        String echo = given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"to\":\"5531955550092\",\"text\":\"Respondi pelo app\"}").post("/_simulator/business/echo")
                .then().statusCode(200).body("webhookStatus", equalTo(200)).extract().path("wamid");
        String call = given().port(gateway.port()).contentType(ContentType.JSON)
                .body("{\"from\":\"5531955550092\",\"event\":\"connect\"}").post("/_simulator/customer/call")
                .then().statusCode(200).body("webhookStatus", equalTo(200)).extract().path("id");

        JsonNode echoed = botGot().stream().filter(m -> m.path("metadata").path("#wa.echo").asText().equals("true")
                && m.path("content").asText().equals("Respondi pelo app")).findFirst().orElseThrow();
        assertThat(echoed.path("from").asText()).isEqualTo("bot-a@msging.net");
        assertThat(echoed.path("to").asText()).isEqualTo("5531955550092@wa.gw.msging.net");
        assertThat(echo).startsWith("wamid.");
        assertThat(botGot()).anyMatch(m -> m.path("content").path("field").asText().equals("calls")
                && m.path("content").path("facts").path("call.id").asText().equals(call)
                && m.path("from").asText().equals("5531955550092@wa.gw.msging.net"));
    }

    @Test
    void aTemplatePausedByMetaIsPausedInTheCatalogRefusedWith132015AndToldToTheBot() {
        botAccepts();
        try {
            given().port(gateway.port()).contentType(ContentType.JSON)
                    .body("{\"name\":\"order_update\",\"language\":\"pt_BR\",\"event\":\"PAUSED\",\"reason\":\"LOW_QUALITY\"}")
                    .post("/_simulator/templates/status").then().statusCode(200).body("status", equalTo("PAUSED"))
                    .body("webhookStatus", equalTo(200));

            meta().get("/_simulator/graph/v23.0/2220001/message_templates").then().statusCode(200)
                    .body("data.find { it.name == 'order_update' }.status", equalTo("PAUSED"));
            meta().body("{\"messaging_product\":\"whatsapp\",\"to\":\"5531955550091\",\"type\":\"template\","
                    + "\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"pt_BR\"}}}")
                    .post("/_simulator/graph/v23.0/1110001/messages").then().statusCode(400)
                    .body("error.code", equalTo(132015));
            assertThat(botGot()).anyMatch(m -> m.path("content").path("field").asText()
                    .equals("message_template_status_update")
                    && m.path("content").path("facts").path("template.name").asText().equals("order_update")
                    && m.path("content").path("facts").path("template.event").asText().equals("PAUSED"));
        } finally {
            given().port(gateway.port()).contentType(ContentType.JSON)
                    .body("{\"name\":\"order_update\",\"language\":\"pt_BR\",\"event\":\"REINSTATED\"}")
                    .post("/_simulator/templates/status").then().statusCode(200).body("status", equalTo("APPROVED"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "text | {\"type\":\"text\",\"text\":{\"body\":\"hi\"}}",
            "image | {\"type\":\"image\",\"image\":{\"link\":\"https://x/a.jpg\"}}",
            "video | {\"type\":\"video\",\"video\":{\"link\":\"https://x/a.mp4\"}}",
            "audio | {\"type\":\"audio\",\"audio\":{\"link\":\"https://x/a.ogg\"}}",
            "document | {\"type\":\"document\",\"document\":{\"link\":\"https://x/a.pdf\",\"filename\":\"a.pdf\"}}",
            "sticker | {\"type\":\"sticker\",\"sticker\":{\"link\":\"https://x/a.webp\"}}",
            "location | {\"type\":\"location\",\"location\":{\"latitude\":1.5,\"longitude\":2.5}}",
            "contacts | {\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":\"Ana\"}}]}",
            "reaction | {\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.X\",\"emoji\":\"x\"}}",
            "template | {\"type\":\"template\",\"template\":{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}}",
            "button | {\"type\":\"interactive\",\"interactive\":{\"type\":\"button\"}}",
            "list | {\"type\":\"interactive\",\"interactive\":{\"type\":\"list\"}}",
            "cta_url | {\"type\":\"interactive\",\"interactive\":{\"type\":\"cta_url\"}}",
            "flow | {\"type\":\"interactive\",\"interactive\":{\"type\":\"flow\"}}",
            "carousel | {\"type\":\"interactive\",\"interactive\":{\"type\":\"carousel\"}}",
            "product | {\"type\":\"interactive\",\"interactive\":{\"type\":\"product\"}}",
            "product_list | {\"type\":\"interactive\",\"interactive\":{\"type\":\"product_list\"}}",
            "catalog_message | {\"type\":\"interactive\",\"interactive\":{\"type\":\"catalog_message\"}}",
            "location_request_message | {\"type\":\"interactive\",\"interactive\":{\"type\":\"location_request_message\"}}",
    })
    void everyMessageTypeWagwSendsIsTakenAndListed(String name, String message) {
        String body = "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"5531955550090\","
                + message.substring(1);
        String wamid = meta().body(body).post("/_simulator/graph/v23.0/1110001/messages").then().statusCode(200)
                .extract().path("messages[0].id");

        assertThat(simulator.sent()).anySatisfy(record -> assertThat(record.path("wamid").asText()).isEqualTo(wamid));
    }

    @Test
    void theTypingIndicatorIsTakenLikeMeta() {
        meta().body("{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.IN\","
                + "\"typing_indicator\":{\"type\":\"text\"}}").post("/_simulator/graph/v23.0/1110001/messages")
                .then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void theTimelineKeepsTheLatestHopsNumberedOnwardsAndAnswersThoseAfterASeq() {
        for (int i = 0; i < 5_010; i++) {
            simulator.hop("Meta", "wagw", "hop " + i, 200, null);
        }
        var kept = simulator.events(0);
        assertThat(kept).hasSize(5_000);
        int last = kept.get(kept.size() - 1).path("seq").asInt();
        assertThat(kept.get(kept.size() - 1).path("what").asText()).isEqualTo("hop 5009");
        assertThat(kept.get(0).path("seq").asInt()).isEqualTo(last - 4_999);
        assertThat(simulator.events(last - 2)).extracting(event -> event.path("what").asText())
                .containsExactly("hop 5008", "hop 5009");
    }
}
