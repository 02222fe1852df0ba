package net.wagw.send;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.restassured.RestAssured.given;
import static net.wagw.send.SendingFixture.META_MESSAGES_A;
import static net.wagw.send.SendingFixture.botAccepts;
import static net.wagw.send.SendingFixture.meta;
import static net.wagw.send.SendingFixture.metaReceived;
import static net.wagw.send.SendingFixture.metaSends;
import static net.wagw.send.SendingFixture.send;
import static net.wagw.send.SendingFixture.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.domain.optin.OptIns;
import net.wagw.domain.send.TemplateSync;
import net.wagw.local.LocalGateway;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.Bots;
import net.wagw.testing.DynaliteResource;
import net.wagw.testing.ElasticMqResource;
import net.wagw.testing.TemplateSyncClaims;
import net.wagw.testing.WireMockResource;

/** The template catalog: synced from Meta page by page, answered to the bot, enforced on sends. */
@QuarkusTest
@WithTestResource(DynaliteResource.class)
@WithTestResource(ElasticMqResource.class)
@WithTestResource(WireMockResource.class)
class TemplateCatalogTest {
    private static final String TEMPLATES_A = "/v23.0/2220001/message_templates";
    private static final String ORDER_UPDATE = "{\"name\":\"order_update\",\"language\":\"pt_BR\",\"status\":\"APPROVED\","
            + "\"category\":\"UTILITY\",\"id\":\"1\",\"components\":[{\"type\":\"BODY\","
            + "\"text\":\"Pedido {{1}} saiu para entrega em {{2}}\"}]}";
    private static final String PROMO = "{\"name\":\"promo\",\"language\":\"pt_BR\",\"status\":\"PAUSED\","
            + "\"category\":\"MARKETING\",\"id\":\"2\",\"components\":[{\"type\":\"BODY\",\"text\":\"Oferta!\"}]}";
    private static final String WELCOME = "{\"name\":\"welcome\",\"language\":\"en_US\",\"status\":\"APPROVED\","
            + "\"category\":\"UTILITY\",\"id\":\"3\",\"components\":[{\"type\":\"BODY\",\"text\":\"Welcome {{1}}\"}]}";

    @Inject
    LocalGateway gateway;
    @Inject
    TemplateSync sync;
    @Inject
    software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;
    @Inject
    net.wagw.store.TableNames names;
    @Inject
    BotDirectory bots;
    @Inject
    OptIns optIns;

    @BeforeEach
    void catalogOfTwoPages() {
        meta().resetAll();
        botAccepts();
        meta().stubFor(get(urlPathEqualTo(TEMPLATES_A)).withQueryParam("after", absent())
                .willReturn(okJson("{\"data\":[" + ORDER_UPDATE + "," + PROMO + "],\"paging\":{\"cursors\":"
                        + "{\"before\":\"b1\",\"after\":\"page2\"},\"next\":\"https://graph.facebook.com/next\"}}")));
        meta().stubFor(get(urlPathEqualTo(TEMPLATES_A)).withQueryParam("after", equalTo("page2"))
                .willReturn(okJson("{\"data\":[" + WELCOME + "],\"paging\":{\"cursors\":{\"before\":\"b2\",\"after\":\"end\"}}}")));
        sync.sync(bots.find(Bots.A).orElseThrow().bot());
    }

    private void optIn(String e164) {
        optIns.consent(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse(e164), "web", null, null);
    }

    @Test
    void everyPageOfTheCatalogIsSyncedAndAnsweredAsACollection() {
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"tc-1\",\"method\":\"get\",\"uri\":\"/message-templates\"}").post("/commands")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("success"))
                .body("type", org.hamcrest.Matchers.equalTo("application/vnd.lime.collection+json"))
                .body("resource.total", org.hamcrest.Matchers.equalTo(3))
                .body("resource.itemType", org.hamcrest.Matchers.equalTo("application/vnd.wagw.message-template+json"))
                .body("resource.items.name", hasItems("order_update", "promo", "welcome"));
        given().port(gateway.port()).header("Authorization", Bots.A_KEY).get("/message-templates")
                .then().statusCode(200)
                .body("items.find { it.name == 'order_update' }.parameters.body", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aKnownTemplateWithTheRightLanguageAndParametersIsSent() {
        optIn("+5531977004001");
        metaSends(META_MESSAGES_A, "wamid.TC1", "5531977004001");

        send(gateway.port(), Bots.A_KEY, template("tc-2", "5531977004001@wa.gw.msging.net", "order_update", "pt_BR",
                "{\"type\":\"text\",\"text\":\"123\"},{\"type\":\"text\",\"text\":\"hoje\"}")).statusCode(202);

        assertThat(metaReceived(META_MESSAGES_A, "5531977004001")).hasSize(1);
    }

    @Test
    void aTemplateInAnotherLanguageIsRefused422With64() {
        optIn("+5531977004002");
        send(gateway.port(), Bots.A_KEY, template("tc-3", "5531977004002@wa.gw.msging.net", "order_update", "es",
                "{\"type\":\"text\",\"text\":\"1\"},{\"type\":\"text\",\"text\":\"2\"}"))
                .statusCode(422).body("reason.code", org.hamcrest.Matchers.equalTo(64))
                .body("reason.description", containsString("has no es version; it has pt_BR"));
        assertThat(metaReceived(META_MESSAGES_A, "5531977004002")).isEmpty();
    }

    @Test
    void aTemplateWithTheWrongParameterCountIsRefused422With64() {
        optIn("+5531977004003");
        send(gateway.port(), Bots.A_KEY, template("tc-4", "5531977004003@wa.gw.msging.net", "order_update", "pt_BR",
                "{\"type\":\"text\",\"text\":\"only one\"}"))
                .statusCode(422).body("reason.code", org.hamcrest.Matchers.equalTo(64))
                .body("reason.description", containsString("takes 2 parameters in its body; the message gives 1"));
        assertThat(metaReceived(META_MESSAGES_A, "5531977004003")).isEmpty();
    }

    @Test
    void aTemplateThatIsNotApprovedIsRefused422With64() {
        optIn("+5531977004004");
        send(gateway.port(), Bots.A_KEY, "{\"id\":\"tc-5\",\"to\":\"5531977004004@wa.gw.msging.net\",\"type\":"
                + "\"application/json\",\"content\":{\"type\":\"template\",\"template\":{\"name\":\"promo\","
                + "\"language\":{\"code\":\"pt_BR\"}}}}")
                .statusCode(422).body("reason.code", org.hamcrest.Matchers.equalTo(64))
                .body("reason.description", containsString("PAUSED"));
    }

    @Test
    void aTemplateNotInTheCatalogIsLookedUpAtMetaOnceThenRefusedFromTheCatalog() {
        optIn("+5531977004005");
        TemplateSyncClaims.release(dynamo, names, Bots.A);
        int before = meta().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(TEMPLATES_A))).size();

        for (String id : List.of("tc-6", "tc-6b")) {
            send(gateway.port(), Bots.A_KEY, template(id, "5531977004005@wa.gw.msging.net", "no_such_template", "pt_BR",
                    "{\"type\":\"text\",\"text\":\"1\"}"))
                    .statusCode(422).body("reason.code", org.hamcrest.Matchers.equalTo(64))
                    .body("reason.description", containsString("not in the account's template catalog"));
        }

        // the first send read both pages of the catalog at Meta; the second, minutes within, only the stored one
        assertThat(meta().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(TEMPLATES_A))).size()).isEqualTo(before + 2);
        assertThat(metaReceived(META_MESSAGES_A, "5531977004005")).isEmpty();
    }

    @Test
    void aMarketingOnlyOptInDoesNotCoverAUtilityTemplate() {
        optIns.consent(Bots.A, new PhoneNumbers(new LibPhoneNumberPlan()).parse("+5531977004006"), "web", null, java.util.List.of("MARKETING"));

        send(gateway.port(), Bots.A_KEY, template("tc-7", "5531977004006@wa.gw.msging.net", "order_update", "pt_BR",
                "{\"type\":\"text\",\"text\":\"1\"},{\"type\":\"text\",\"text\":\"2\"}"))
                .statusCode(403).body("reason.code", org.hamcrest.Matchers.equalTo(32))
                .body("reason.description", containsString("UTILITY"));
    }
}
