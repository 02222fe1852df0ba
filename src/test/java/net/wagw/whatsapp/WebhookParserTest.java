package net.wagw.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.group.GroupChange;
import net.wagw.domain.group.GroupEvent;
import net.wagw.domain.inbound.FieldEffect;
import net.wagw.domain.inbound.FieldEvent;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.inbound.WebhookBatch;

/**
 * Meta's webhook payloads into {@link WebhookBatch}es.
 *
 * <p>Fixtures under {@code webhooks/}: {@code meta-*.json} are Meta's own examples, copied verbatim
 * (YAML to JSON, nothing edited) from Meta's published OpenAPI description of the Business Messaging API (v23.0),
 * path {@code /whatsapp/webhooks}, {@code post.requestBody.content.application/json.examples}; the
 * file name is the example's name. The others are written here for what those examples miss
 * (statuses, other media types, groups, 2026 user ids, ids as numbers, batches), after the shapes
 * in Meta's developer documentation.
 */
class WebhookParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String SHEENA = "16505551234";
    private static final String GROUP = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";

    private final WebhookParser parser = new WebhookParser(JSON);

    // Meta's message examples ----------------------------------------------------------------

    @Test
    void textMessageGivesSenderProfileTimestampAndBody() {
        InboundMessage m = onlyMessage("meta-text.json");

        assertThat(m).isEqualTo(new InboundMessage(PHONE_NUMBER_ID,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", SHEENA, "Sheena Nelson", null,
                Instant.ofEpochSecond(1749416383L), "text", "Does it come in another color?", null,
                m.rawJson(), m.received(), null, null));
        assertThat(tree(m.rawJson())).isEqualTo(messageOf("meta-text.json"));
    }

    @Test
    void rawJsonIsTheMessageObjectReserialisedCompactly() throws JsonProcessingException {
        InboundMessage m = onlyMessage("meta-text-product-inquiry.json");

        assertThat(m.rawJson()).isEqualTo(JSON.writeValueAsString(messageOf("meta-text-product-inquiry.json")));
        assertThat(m.rawJson()).doesNotContain("\n", "  ");
    }

    @Test
    void textMessageReplyingToAProductKeepsItsContextInTheRawJson() {
        InboundMessage m = onlyMessage("meta-text-product-inquiry.json");

        assertThat(m.type()).isEqualTo("text");
        assertThat(m.text()).isEqualTo("Is this still available?");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750016800L));
        assertThat(tree(m.rawJson()).at("/context/referred_product/product_retailer_id").asText())
                .isEqualTo("di9ozbzfi4");
    }

    @Test
    void clickToWhatsAppAdTextIsMarkedAsReferral() {
        InboundMessage m = onlyMessage("meta-text-click-to-whatsapp-ad.json");

        assertThat(m.received().referral()).isNotEmpty();
        assertThat(m.type()).isEqualTo("text");
        assertThat(m.text()).isEqualTo("Hello! Can I get more info on this?");
        assertThat(m.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=");
    }

    @Test
    void messagesWithoutReferralAreNotMarkedAsReferral() {
        assertThat(onlyMessage("meta-text.json").received().referral()).isEmpty();
        assertThat(onlyMessage("meta-image.json").received().referral()).isEmpty();
    }

    @Test
    void imageMessageHasNoTextButKeepsItsMediaInTheRawJson() {
        InboundMessage m = onlyMessage("meta-image.json");

        assertThat(m.type()).isEqualTo("image");
        assertThat(m.text()).isNull();
        assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1744344496L));
        assertThat(tree(m.rawJson()).at("/image/id").asText()).isEqualTo("1003383421387256");
    }

    @Test
    void reactionMessage() {
        InboundMessage m = onlyMessage("meta-reaction.json");

        assertThat(m.type()).isEqualTo("reaction");
        assertThat(m.text()).isNull();
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1749419544L));
        assertThat(tree(m.rawJson()).at("/reaction/emoji").asText()).isEqualTo("👍");
    }

    @Test
    void locationMessage() {
        InboundMessage m = onlyMessage("meta-location.json");

        assertThat(m.type()).isEqualTo("location");
        assertThat(m.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTU2MjZEMDBGRkE3MENEMDE0RQA=");
        assertThat(m.text()).isNull();
        assertThat(tree(m.rawJson()).at("/location/latitude").doubleValue()).isEqualTo(37.44221496582);
    }

    @Test
    void sharedContactsDoNotTakeTheSendersPlace() {
        // the message's own "contacts" (the shared cards) must not be mistaken for value.contacts
        InboundMessage m = onlyMessage("meta-contacts.json");

        assertThat(m.type()).isEqualTo("contacts");
        assertThat(m.from()).isEqualTo(SHEENA);
        assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        assertThat(tree(m.rawJson()).at("/contacts/0/phones/0/wa_id").asText()).isEqualTo("19835552319");
    }

    @Test
    void interactiveButtonReply() {
        InboundMessage m = onlyMessage("meta-interactive-button-reply.json");

        assertThat(m.type()).isEqualTo("interactive");
        assertThat(m.text()).isNull();
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750025136L));
        assertThat(tree(m.rawJson()).at("/interactive/button_reply/id").asText()).isEqualTo("cancel-button");
    }

    @Test
    void interactiveListReply() {
        InboundMessage m = onlyMessage("meta-interactive-list-reply.json");

        assertThat(m.type()).isEqualTo("interactive");
        assertThat(m.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUJDQ0NDM0FEODY4ODkzOTc5RgA=");
        assertThat(tree(m.rawJson()).at("/interactive/list_reply/id").asText()).isEqualTo("priority_express");
    }

    @Test
    void templateQuickReplyButton() {
        InboundMessage m = onlyMessage("meta-button.json");

        assertThat(m.type()).isEqualTo("button");
        assertThat(m.text()).isNull();
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750091045L));
        assertThat(tree(m.rawJson()).at("/button/payload").asText()).isEqualTo("Unsubscribe");
    }

    @Test
    void orderMessage() {
        InboundMessage m = onlyMessage("meta-order.json");

        assertThat(m.type()).isEqualTo("order");
        assertThat(tree(m.rawJson()).at("/order/product_items").size()).isEqualTo(2);
    }

    @Test
    void systemMessageComesWithoutContactsSoWithoutProfileName() {
        InboundMessage m = onlyMessage("meta-system.json");

        assertThat(m).isEqualTo(new InboundMessage(PHONE_NUMBER_ID,
                "wamid.HBgLMTk4MzU1NTE5NzQVAgASGAoxMTgyMDg2MjY3AA==", SHEENA, null, null,
                Instant.ofEpochSecond(1750269342L), "system", null, null, m.rawJson(), m.received(), null, null));
    }

    @Test
    void unsupportedMessageIsStillAMessage() {
        InboundMessage m = onlyMessage("meta-unsupported.json");

        assertThat(m.type()).isEqualTo("unsupported");
        assertThat(m.wamid()).isEqualTo("wamid.HBgLMTQyMDU1NTA3NDkVAgASGBI5N0MwRjg0RTVBNUI1RDA2OTkA");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750090702L));
        assertThat(tree(m.rawJson()).at("/errors/0/code").asInt()).isEqualTo(131051);
    }

    @ParameterizedTest
    @ValueSource(strings = { "video.json", "audio.json", "document.json", "sticker.json" })
    void otherMediaMessagesAreMessagesOfTheirOwnType(String fixture) {
        InboundMessage m = onlyMessage(fixture);

        assertThat(m.type()).isEqualTo(fixture.replace(".json", ""));
        assertThat(m.from()).isEqualTo(SHEENA);
        assertThat(m.text()).isNull();
    }

    @Test
    void messageWithoutTypeIsOfTypeUnknown() {
        WebhookBatch batch = parse(messagesChange("""
                {"from": "16505551234", "id": "wamid.NO-TYPE", "timestamp": "1750000000", "new_thing": {"a": 1}}
                """));

        assertThat(batch.messages()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("unknown");
            assertThat(tree(m.rawJson()).get("new_thing")).isEqualTo(tree("{\"a\":1}"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"10000000000000000\"", "1750000000000", "-5", "1e400", "\"1e400\"" })
    void aTimestampThatIsNoSecondOfOurEraKeepsItsMessageAsUnprocessableAndTheRestOfTheBatch(String timestamp) {
        // raw bytes: 1e400 is valid JSON that a tree would write back as Infinity, which is not
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"419561257915477\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                + PHONE_NUMBER_ID + "\"},\"messages\":[{\"from\":\"" + SHEENA + "\",\"id\":\"wamid.FAR\",\"timestamp\":" + timestamp
                + ",\"type\":\"text\",\"text\":{\"body\":\"x\"}},{\"from\":\"" + SHEENA + "\",\"id\":\"wamid.NOW\","
                + "\"timestamp\":\"1750000000\",\"type\":\"text\",\"text\":{\"body\":\"y\"}}]}}]}]}";

        WebhookBatch batch = parser.parse(bytes(body));

        assertThat(batch.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.NOW");
        assertThat(batch.fieldEvents()).extracting(FieldEvent::field).containsExactly("unprocessable");
    }

    // group webhooks (docs/contracts.md §6) -----------------------------------------------------------------

    @Test
    void aGroupElementWithAnIdOrSubjectTooLongToStoreIsSkippedAndTheOthersKept() {
        String element = "{\"timestamp\": \"1750270000\", \"group_id\": \"%s\", \"type\": \"group_create\","
                + " \"request_id\": \"%s\", \"subject\": \"%s\"}";
        WebhookBatch batch = parseGroups("group_lifecycle_update", String.join(",",
                element.formatted("g".repeat(1100), "R1", "s"), element.formatted("G2", "r".repeat(600), "s"),
                element.formatted("G3", "R3", "x".repeat(450_000)), element.formatted("G4", "R4", "Ok")));

        assertThat(batch.groupEvents()).extracting(GroupEvent::groupId).containsExactly("G4");
    }

    private static final String META_GROUP = "Y2FwaV9ncm91cDoxODA1NTU1MDE3MjoxMjAzNjMyMjI3NzE5NjMwNjcZD";
    private static final String META_REQUEST = "784D93D0C468593037EA0B1ECA245D9C";

    @ParameterizedTest
    @ValueSource(strings = { "meta-group-create.json", "meta-group-settings-update.json",
            "meta-group-remove-participants.json" })
    void metasGroupExamplesAreGroupEventsNotMessagesNorOthers(String fixture) {
        WebhookBatch batch = parser.parse(fixture(fixture));

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.statuses()).isEmpty();
        assertThat(batch.others()).isZero();
        assertThat(batch.groupEvents()).singleElement().satisfies(g -> {
            assertThat(g.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
            assertThat(g.groupId()).isEqualTo(META_GROUP);
            assertThat(g.requestId()).isEqualTo(META_REQUEST);
            assertThat(g.timestamp()).isEqualTo(Instant.ofEpochSecond(1750269342L));
            assertThat(tree(g.rawJson())).isEqualTo(groupOf(fixture));
        });
    }

    @Test
    void metasGroupCreateExample() {
        GroupEvent g = onlyGroupEvent("meta-group-create.json");

        assertThat(g).isEqualTo(new GroupEvent(PHONE_NUMBER_ID, GroupChange.CREATE, "group_create", META_GROUP,
                META_REQUEST, Instant.ofEpochSecond(1750269342L), "your-group-subject", "your-group-description",
                null, null, List.of("16505551234", "16505551235"), List.of(), List.of(), 0, null, g.rawJson()));
    }

    @Test
    void metasRemoveParticipantsExampleKeepsItsTypeAsGiven() {
        // Meta's example says type "group_create" in a group_participants_update: kept as given, not guessed
        GroupEvent g = onlyGroupEvent("meta-group-remove-participants.json");

        assertThat(g).isEqualTo(new GroupEvent(PHONE_NUMBER_ID, GroupChange.PARTICIPANTS, "group_create",
                META_GROUP, META_REQUEST, Instant.ofEpochSecond(1750269342L), null, null, null, null, List.of(),
                List.of("16505551234", "16505551235"), List.of(), 0, null, g.rawJson()));
    }

    @Test
    void metasSettingsUpdateExampleKeepsTheProfilePictureInTheRawJson() {
        GroupEvent g = onlyGroupEvent("meta-group-settings-update.json");

        assertThat(g).isEqualTo(new GroupEvent(PHONE_NUMBER_ID, GroupChange.SETTINGS, "group_settings_update",
                META_GROUP, META_REQUEST, Instant.ofEpochSecond(1750269342L), null, null, null, null, List.of(),
                List.of(), List.of(), 0, null, g.rawJson()));
        assertThat(tree(g.rawJson()).at("/profile_picture/sha256").asText()).isEqualTo("SfInY0gGKTsJlUWbwxC1k+FAD0FZHv");
    }

    @Test
    void groupRawJsonIsTheElementReserialisedCompactly() throws JsonProcessingException {
        GroupEvent g = onlyGroupEvent("meta-group-create.json");

        assertThat(g.rawJson()).isEqualTo(JSON.writeValueAsString(groupOf("meta-group-create.json")));
        assertThat(g.rawJson()).doesNotContain("\n", "  ");
        // Meta's integer participant ids stay integers in the raw element
        assertThat(tree(g.rawJson()).at("/added_participants/0/wa_id").isNumber()).isTrue();
    }

    @Test
    void failedGroupCreateCarriesTheFirstErrorAndNoGroupId() {
        GroupEvent g = onlyGroupEvent("group-create-failed.json");

        assertThat(g).isEqualTo(new GroupEvent(PHONE_NUMBER_ID, GroupChange.CREATE, "group_create", null,
                "A1B2C3D4E5F60718293A4B5C6D7E8F90", Instant.ofEpochSecond(1750269400L), null, null, null, null,
                List.of(), List.of(), List.of(), 131000,
                "Something went wrong: Group could not be created, please try again later.", g.rawJson()));
    }

    @Test
    void groupCreateWithInviteLinkAndJoinApprovalMode() {
        GroupEvent g = onlyGroupEvent("group-create-invite-link.json");

        assertThat(g).isEqualTo(new GroupEvent(PHONE_NUMBER_ID, GroupChange.CREATE, "group_create", META_GROUP,
                META_REQUEST, Instant.ofEpochSecond(1750269342L), "Order 4711 support", "Questions about your order",
                "https://chat.whatsapp.com/D6Q2Ia4RA4tGzHa8DhvYn1", "approval_required", List.of(), List.of(),
                List.of(), 0, null, g.rawJson()));
    }

    @Test
    void participantChangesAndJoinRequests() {
        WebhookBatch batch = parser.parse(fixture("group-participants-join-requests.json"));

        assertThat(batch.others()).isZero();
        assertThat(batch.groupEvents()).allSatisfy(g -> {
            assertThat(g.change()).isEqualTo(GroupChange.PARTICIPANTS);
            assertThat(g.groupId()).isEqualTo(META_GROUP);
            assertThat(g.errorCode()).isZero();
        });
        assertThat(batch.groupEvents()).extracting(GroupEvent::type, GroupEvent::timestamp, GroupEvent::added,
                GroupEvent::removed, GroupEvent::joinRequests)
                .containsExactly(
                        tuple("group_join_request_created", Instant.ofEpochSecond(1750270000L), List.of(), List.of(),
                                List.of("MTIwMzYzMjIyNzcxOTYzMDY3OjE2NTA1NTUxMjM0")),
                        tuple("group_join_request_revoked", Instant.ofEpochSecond(1750270060L), List.of(), List.of(),
                                List.of("MTIwMzYzMjIyNzcxOTYzMDY3OjE2NTA1NTUxMjM1")),
                        tuple("group_participants_add", Instant.ofEpochSecond(1750270120L),
                                List.of("16505551234", "16505551236"), List.of(),
                                List.of("MTIwMzYzMjIyNzcxOTYzMDY3OjE2NTA1NTUxMjM0",
                                        "MTIwMzYzMjIyNzcxOTYzMDY3OjE2NTA1NTUxMjM2")),
                        tuple("group_participants_add", Instant.ofEpochSecond(1750270200L), List.of("5531988889999"),
                                List.of(), List.of()),
                        tuple("group_participants_remove", Instant.ofEpochSecond(1750270300L), List.of(),
                                List.of("16505551236"), List.of()),
                        tuple("group_participants_remove", Instant.ofEpochSecond(1750270400L), List.of(),
                                List.of("+1 650-555-1235", "16505551234"), List.of()));
        // who joined a request, and why a participant left, stay in the raw element
        assertThat(tree(batch.groupEvents().get(0).rawJson()).get("wa_id").asText()).isEqualTo("16505551234");
        assertThat(tree(batch.groupEvents().get(4).rawJson()).get("initiated_by").asText()).isEqualTo("participant");
    }

    @Test
    void settingsUpdatesNestTheirNewValues() {
        WebhookBatch batch = parser.parse(fixture("group-settings-nested.json"));

        assertThat(batch.others()).isZero();
        assertThat(batch.groupEvents()).extracting(GroupEvent::requestId, GroupEvent::subject,
                GroupEvent::description, GroupEvent::errorCode, GroupEvent::errorText)
                .containsExactly(
                        tuple("11111111111111111111111111111111", "Order 4711 support (closed)", "This group is archived",
                                0, null),
                        // partly failed: the subject changed, the picture did not
                        tuple("22222222222222222222222222222222", "New subject", null, 131009,
                                "Parameter value is not valid: Profile picture must be a square JPEG"),
                        // failed altogether: the element's own errors; message stands for a missing title
                        tuple("33333333333333333333333333333333", null, null, 131000, "Something went wrong"),
                        tuple("44444444444444444444444444444444", "Subject as an object", "Description as a string",
                                0, null),
                        // a setting that did not take effect is no new value; its error is the event's
                        tuple("55555555555555555555555555555555", null, "Kept description", 131009,
                                "Parameter value is not valid: Subject is too long"));
        assertThat(tree(batch.groupEvents().get(0).rawJson()).at("/profile_picture/update_successful").asBoolean())
                .isTrue();
    }

    @Test
    void groupSuspensionAndItsClearing() {
        WebhookBatch batch = parser.parse(fixture("group-status-suspended.json"));

        assertThat(batch.others()).isZero();
        assertThat(batch.groupEvents()).extracting(GroupEvent::change, GroupEvent::type, GroupEvent::groupId,
                GroupEvent::timestamp, GroupEvent::requestId, GroupEvent::errorCode)
                .containsExactly(
                        tuple(GroupChange.SUSPEND, "group_suspend", META_GROUP,
                                Instant.ofEpochSecond(1750272000L), null, 0),
                        tuple(GroupChange.SUSPENSION_CLEARED, "group_suspend_cleared", META_GROUP,
                                Instant.ofEpochSecond(1750358400L), null, 0));
        assertThat(tree(batch.groupEvents().get(0).rawJson()).get("status").asText()).isEqualTo("suspended");
    }

    @ParameterizedTest
    @ValueSource(strings = { "group-participants-join-requests.json", "meta-group-remove-participants.json" })
    void misspeltParticipantsFieldOfMetasOpenApiFileParsesLikeTheCorrectOne(String fixture) {
        String body = new String(fixture(fixture), StandardCharsets.UTF_8);
        assertThat(body).contains("\"group_participants_update\"");
        WebhookBatch correct = parser.parse(bytes(body));
        WebhookBatch misspelt = parser.parse(bytes(body.replace("\"group_participants_update\"",
                "\"group_participant_update\"")));

        assertThat(misspelt.groupEvents()).isNotEmpty().isEqualTo(correct.groupEvents());
        assertThat(misspelt.groupEvents()).extracting(GroupEvent::change).containsOnly(GroupChange.PARTICIPANTS);
        assertThat(misspelt.others()).isEqualTo(correct.others()).isZero();
    }

    @Test
    void groupIdsSentAsNumbersParseLikeIdsSentAsStrings() {
        WebhookBatch strings = parser.parse(fixture("group-ids-as-strings.json"));
        WebhookBatch numbers = parser.parse(fixture("group-ids-as-numbers.json"));

        assertThat(numbers.groupEvents()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("rawJson")
                .isEqualTo(strings.groupEvents());
        assertThat(strings.groupEvents()).hasSize(2);
        assertThat(strings.groupEvents().get(0)).satisfies(g -> {
            assertThat(g.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
            assertThat(g.groupId()).isEqualTo("120363222771963067");
            assertThat(g.timestamp()).isEqualTo(Instant.ofEpochSecond(1750273000L));
            assertThat(g.added()).containsExactly("16505551234", "16505551235");
            assertThat(g.removed()).containsExactly("5531988889999");
            assertThat(g.joinRequests()).containsExactly("987654321098765432", "987654321098765433",
                    "987654321098765434");
        });
        assertThat(strings.groupEvents().get(1)).extracting(GroupEvent::errorCode, GroupEvent::errorText)
                .containsExactly(131000, "Something went wrong: try again");
        assertThat(tree(numbers.groupEvents().get(0).rawJson()).get("group_id").isNumber()).isTrue();
    }

    @Test
    void groupElementsWithoutTimestampOrThatAreNotObjectsAreSkippedAndCounted() {
        WebhookBatch batch = parseGroups("group_lifecycle_update", """
                {"group_id": "G1", "type": "group_delete"},
                {"timestamp": "not a time", "group_id": "G2", "type": "group_delete"},
                "not an object",
                {"timestamp": 1750000000},
                {"timestamp": "1750000001", "group_id": "G3", "type": "group_delete", "added_participants": "x",
                 "removed_participants": [{}, null, 16505551234], "join_requests": {}, "errors": [],
                 "subject": {"no_text": true}, "invite_link": null}
                """);

        assertThat(batch.groupEvents()).extracting(GroupEvent::groupId, GroupEvent::timestamp, GroupEvent::removed)
                .containsExactly(
                        tuple(null, Instant.ofEpochSecond(1750000000L), List.of()),
                        tuple("G3", Instant.ofEpochSecond(1750000001L), List.of("16505551234")));
        assertThat(batch.groupEvents().get(1)).extracting(GroupEvent::subject, GroupEvent::inviteLink,
                GroupEvent::errorCode, GroupEvent::errorText, GroupEvent::joinRequests)
                .containsExactly(null, null, 0, null, List.of());
        assertThat(batch.others()).isEqualTo(3);
    }

    @Test
    void groupChangesWithoutGroupsOrPhoneNumberIdAreCountedNotRefused() {
        WebhookBatch batch = parser.parse(bytes("""
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
                  {"field": "group_settings_update", "value": {"messaging_product": "whatsapp",
                     "metadata": {"phone_number_id": "106540352242922"}}},
                  {"field": "group_settings_update", "value": {"metadata": {"phone_number_id": "106540352242922"},
                     "groups": {"not": "an array"}}},
                  {"field": "group_status_update", "value": {"groups": [{"timestamp": "1750000000", "group_id": "G"}]}},
                  {"field": "group_lifecycle_update"},
                  {"field": "group_lifecycle_update", "value": {"metadata": {"phone_number_id": "106540352242922"},
                     "groups": []}}
                ]}]}
                """));

        assertThat(batch.groupEvents()).isEmpty();
        assertThat(batch.others()).isEqualTo(4);
    }

    @Test
    void groupEventsKeepTheirOrderAmongEntriesAndChanges() {
        WebhookBatch batch = parser.parse(bytes("""
                {"object": "whatsapp_business_account", "entry": [
                  {"id": "1", "changes": [
                    {"field": "group_lifecycle_update", "value": {"metadata": {"phone_number_id": "1"},
                       "groups": [{"timestamp": "1", "type": "a"}, {"timestamp": "2", "type": "b"}]}},
                    {"field": "account_update", "value": {"event": "VERIFIED_ACCOUNT"}}]},
                  {"id": "2", "changes": [
                    {"field": "group_status_update", "value": {"metadata": {"phone_number_id": "2"},
                       "groups": [{"timestamp": "3", "type": "c"}]}}]}
                ]}
                """));

        assertThat(batch.groupEvents()).extracting(GroupEvent::phoneNumberId, GroupEvent::type)
                .containsExactly(tuple("1", "a"), tuple("1", "b"), tuple("2", "c"));
        assertThat(batch.others()).isZero();
        assertThat(batch.fieldEvents()).extracting(FieldEvent::field, FieldEvent::wabaId)
                .containsExactly(tuple("account_update", "1"));
    }

    // what a field event changes, decided here from Meta's words -----------------------------------

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "none", value = {
        "PAUSED, PAUSED", "REINSTATED, APPROVED", "FLAGGED, none", "DISABLED, DISABLED", "approved, APPROVED"})
    void aTemplateStatusEventBecomesTheCatalogStatusItNowHas(String event, String status) {
        FieldEvent e = onlyFieldEvent("message_template_status_update", """
                {"event": "%s", "message_template_id": 7, "message_template_name": "aviso",
                 "message_template_language": "pt_BR", "reason": "NONE"}""".formatted(event));

        assertThat(e.effect()).isEqualTo(new FieldEffect.TemplateChanged("aviso", "pt_BR", status, null, null));
    }

    @Test
    void aTemplateCategoryUpdateChangesTheCategoryAndLeavesTheStatus() {
        FieldEvent e = onlyFieldEvent("template_category_update", """
                {"message_template_id": 7, "message_template_name": "aviso", "message_template_language": "pt_BR",
                 "previous_category": "UTILITY", "new_category": "marketing"}""");

        assertThat(e.effect()).isEqualTo(new FieldEffect.TemplateChanged("aviso", "pt_BR", null, "MARKETING", null));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "marketing_messages, stop, true", "Marketing_Messages, STOP, true", "marketing_messages, resume, false",
        "service_messages, stop, false"})
    void onlyAMarketingStopInTheCustomersPreferencesRevokesConsent(String category, String value, boolean stops) {
        FieldEvent e = onlyFieldEvent("user_preferences", """
                {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"}, "user_preferences": [
                  {"wa_id": "5531988887777", "detail": "x", "category": "%s", "value": "%s", "timestamp": 1750000000}]}"""
                .formatted(category, value));

        assertThat(e.effect()).isEqualTo(stops ? new FieldEffect.MarketingStopped() : FieldEffect.NONE);
        assertThat(e.fact("customer")).isEqualTo("5531988887777");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "none", value = {
        "USER_INITIATED, true", "none, true", "BUSINESS_INITIATED, false"})
    void onlyACallTheCustomerMadeOpensTheWindow(String direction, boolean opens) {
        String directionMember = direction == null ? "" : "\"direction\": \"" + direction + "\", ";
        FieldEvent e = onlyFieldEvent("calls", """
                {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"}, "calls": [
                  {"id": "wacid.1", "from": "5531988887777", "to": "15550001111", %s"event": "connect",
                   "timestamp": "1750000000"}]}""".formatted(directionMember));

        assertThat(e.effect()).isEqualTo(opens ? new FieldEffect.CustomerCalled() : FieldEffect.NONE);
    }

    @Test
    void anEchoIsTheBusinessWritingAndAnAccountEventChangesNothing() {
        assertThat(onlyFieldEvent("smb_message_echoes", """
                {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"}, "message_echoes": [
                  {"from": "15550001111", "to": "5531988887777", "id": "wamid.E1", "timestamp": "1750000000",
                   "type": "text", "text": {"body": "oi"}}]}""").effect()).isEqualTo(new FieldEffect.BusinessEchoed());
        assertThat(onlyFieldEvent("account_update", "{\"event\": \"VERIFIED_ACCOUNT\"}").effect())
                .isEqualTo(FieldEffect.NONE);
    }

    @Test
    void anEventWithoutAnIdOfItsOwnIsToldApartFromAnIdenticalLaterOneByItsEntrysTimeButNotFromARetry() {
        String paused = """
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "time": %d, "changes": [
                  {"field": "message_template_status_update", "value": {"event": "PAUSED", "message_template_id": 7,
                   "message_template_name": "aviso", "message_template_language": "pt_BR", "reason": "NONE"}}]}]}""";
        String first = parser.parse(bytes(paused.formatted(1750000000))).fieldEvents().get(0).id();

        assertThat(parser.parse(bytes(paused.formatted(1750000000))).fieldEvents().get(0).id()).isEqualTo(first);
        assertThat(parser.parse(bytes(paused.formatted(1750003600))).fieldEvents().get(0).id()).isNotEqualTo(first);
    }

    private FieldEvent onlyFieldEvent(String field, String value) {
        WebhookBatch batch = parser.parse(bytes("""
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
                  {"field": "%s", "value": %s}]}]}""".formatted(field, value)));
        assertThat(batch.fieldEvents()).hasSize(1);
        return batch.fieldEvents().get(0);
    }

    // statuses -----------------------------------------------------------------------------------

    @Test
    void sentStatus() {
        assertThat(onlyStatus("status-sent.json")).isEqualTo(new StatusUpdate(PHONE_NUMBER_ID,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjY1RTFDQzA1MDBGMTcA", MessageStatus.SENT,
                Instant.ofEpochSecond(1750263773L), SHEENA, null, 0, null, null,
                Map.of("#wa.pricing.pricing_model", "PMP", "#wa.pricing.billable", "true", "#wa.pricing.type", "regular",
                        "#wa.pricing.category", "utility", "#wa.conversation.id", "a75d17ad06104c51166f948319b03c6a",
                        "#wa.conversation.expiration_timestamp", "1750350180", "#wa.conversation.origin.type", "utility")));
    }

    @Test
    void aStatusCarriesTheCallbackDataMetaEchoesUnlessItIsLongerThanMetaAllows() {
        String status = "\"statuses\":[{\"id\":\"wamid.C1\",\"status\":\"sent\",\"timestamp\":\"1750263773\","
                + "\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"%s\"}]";

        assertThat(parse(status.formatted("wagw:bot-a:e-1")).statuses().get(0).callbackData()).isEqualTo("wagw:bot-a:e-1");
        WebhookBatch oversized = parse(status.formatted("x".repeat(513)));
        assertThat(oversized.statuses()).hasSize(1);
        assertThat(oversized.statuses().get(0).callbackData()).isNull();
    }

    @Test
    void deliveredStatus() {
        assertThat(onlyStatus("status-delivered.json")).isEqualTo(new StatusUpdate(PHONE_NUMBER_ID,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjY1RTFDQzA1MDBGMTcA", MessageStatus.DELIVERED,
                Instant.ofEpochSecond(1750263775L), SHEENA, null, 0, null, null,
                Map.of("#wa.pricing.pricing_model", "PMP", "#wa.pricing.billable", "true", "#wa.pricing.type", "regular",
                        "#wa.pricing.category", "utility", "#wa.conversation.id", "a75d17ad06104c51166f948319b03c6a",
                        "#wa.conversation.origin.type", "utility")));
    }

    @Test
    void readStatus() {
        assertThat(onlyStatus("status-read.json")).isEqualTo(new StatusUpdate(PHONE_NUMBER_ID,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjY1RTFDQzA1MDBGMTcA", MessageStatus.READ,
                Instant.ofEpochSecond(1750263801L), SHEENA, null, 0, null, null,
                Map.of("#wa.pricing.pricing_model", "PMP", "#wa.pricing.billable", "true", "#wa.pricing.type", "regular",
                        "#wa.pricing.category", "utility")));
    }

    @Test
    void playedStatusWhichMetasSchemaLacksIsKept() {
        assertThat(onlyStatus("status-played.json").status()).isEqualTo(MessageStatus.PLAYED);
    }

    @Test
    void metasStatusWordsAreReadIntoTheDomainsStatusesAndAWordAddedLaterMovesNothing() {
        assertThat(WebhookParser.messageStatus("sent")).isEqualTo(MessageStatus.SENT);
        assertThat(WebhookParser.messageStatus("delivered")).isEqualTo(MessageStatus.DELIVERED);
        assertThat(WebhookParser.messageStatus("read")).isEqualTo(MessageStatus.READ);
        assertThat(WebhookParser.messageStatus("failed")).isEqualTo(MessageStatus.FAILED);
        assertThat(WebhookParser.messageStatus("deleted")).isEqualTo(MessageStatus.OTHER);
        assertThat(MessageStatus.OTHER.rank()).isZero();
    }

    @Test
    void failedStatusCarriesTheFirstErrorsCodeTitleAndDetails() {
        assertThat(onlyStatus("status-failed.json")).isEqualTo(new StatusUpdate(PHONE_NUMBER_ID,
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", MessageStatus.FAILED,
                Instant.ofEpochSecond(1750263901L), SHEENA, null, 131047,
                "Re-engagement message: Message failed to send because more than 24 hours have passed since the "
                        + "customer last replied to this number."));
    }

    @Test
    void failedStatusWithOnlySomeErrorPartsUsesWhatThereIs() {
        WebhookBatch batch = parse(statusesChange("""
                {"id": "wamid.A", "status": "failed", "timestamp": "1750000000", "recipient_id": "16505551234",
                 "errors": [{"code": 131026, "title": "Message undeliverable"}]},
                {"id": "wamid.B", "status": "failed", "timestamp": "1750000000", "recipient_id": "16505551234",
                 "errors": [{"code": "131049", "error_data": {"details": "healthy ecosystem"}}]},
                {"id": "wamid.C", "status": "failed", "timestamp": "1750000000", "recipient_id": "16505551234"},
                {"id": "wamid.D", "status": "delivered", "timestamp": "1750000000", "recipient_id": "16505551234",
                 "errors": [{"code": 1, "title": "not a failure"}]}
                """));

        assertThat(batch.statuses()).extracting(StatusUpdate::wamid, StatusUpdate::errorCode, StatusUpdate::errorText)
                .containsExactly(
                        tuple("wamid.A", 131026, "Message undeliverable"),
                        tuple("wamid.B", 131049, "healthy ecosystem"),
                        tuple("wamid.C", 0, null),
                        tuple("wamid.D", 0, null));
    }

    @Test
    void groupStatusesAcceptBothParticipantIdFieldNames() {
        WebhookBatch batch = parser.parse(fixture("group-statuses.json"));

        assertThat(batch.statuses()).extracting(StatusUpdate::status, StatusUpdate::recipientId,
                StatusUpdate::participantId, StatusUpdate::timestamp)
                .containsExactly(
                        tuple(MessageStatus.SENT, GROUP, null, Instant.ofEpochSecond(1750264000L)),
                        tuple(MessageStatus.DELIVERED, GROUP, "16505551234", Instant.ofEpochSecond(1750264002L)),
                        tuple(MessageStatus.READ, GROUP, "16505551235", Instant.ofEpochSecond(1750264010L)),
                        tuple(MessageStatus.FAILED, GROUP, null, Instant.ofEpochSecond(1750264020L)));
        assertThat(batch.statuses().get(3).errorCode()).isEqualTo(131026);
        assertThat(batch.statuses().get(3).errorText()).isEqualTo("Message undeliverable: Message Undeliverable.");
    }

    @Test
    void groupStatusInTheShapeOfMetasOpenApiFileNamesTheGroupAsRecipient() {
        // the YAML's Statuses schema: recipient_id (the participant) plus group_id
        WebhookBatch batch = parse(statusesChange("""
                {"id": "wamid.G", "status": "delivered", "timestamp": "1750000000",
                 "recipient_id": "16505551234", "group_id": "%s"}
                """.formatted(GROUP)));

        assertThat(batch.statuses()).singleElement().satisfies(s -> {
            assertThat(s.recipientId()).isEqualTo(GROUP);
            assertThat(s.participantId()).isEqualTo("16505551234");
        });
    }

    // groups, 2026 user ids ----------------------------------------------------------------------

    @Test
    void groupMessageCarriesItsGroupId() {
        InboundMessage m = onlyMessage("group-message.json");

        assertThat(m.groupId()).isEqualTo(GROUP);
        assertThat(m.from()).isEqualTo(SHEENA);
        assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        assertThat(m.text()).isEqualTo("What do you all think about this?");
    }

    @Test
    void userIdsOf2026ComeFromTheContactOrTheMessage() {
        WebhookBatch batch = parser.parse(fixture("user-id-2026.json"));

        assertThat(batch.messages()).extracting(InboundMessage::from, InboundMessage::profileName,
                InboundMessage::userId, InboundMessage::text)
                .containsExactly(
                        tuple(SHEENA, "Sheena Nelson", "US.13491208655302741918", "Hi, it's Sheena"),
                        tuple(null, "Pablo Morales", "US.ENT.11815799212886844830", "Hi, it's Pablo"));
    }

    @Test
    void userIdFromTheMessageWhenTheContactHasNone() {
        WebhookBatch batch = parse(messagesChange("""
                {"from": "16505551234", "from_user_id": "BR.1502576394655843", "id": "wamid.U", "timestamp": "1775000000",
                 "type": "text", "text": {"body": "oi"}}
                """));

        assertThat(batch.messages()).singleElement().extracting(InboundMessage::userId)
                .isEqualTo("BR.1502576394655843");
    }

    // contacts -----------------------------------------------------------------------------------

    @Test
    void profileNameIsThatOfTheContactWithTheSendersWaId() {
        WebhookBatch batch = parser.parse(fixture("batch-two-entries-two-changes.json"));

        assertThat(batch.messages()).extracting(InboundMessage::from, InboundMessage::profileName)
                .containsExactly(
                        tuple(SHEENA, "Sheena Nelson"),
                        tuple("5215512345678", "Pablo Morales"),
                        tuple("5531988889999", "Lucía Gómez"));
    }

    @Test
    void aSingleContactNamesTheSenderEvenWhenItsWaIdDiffers() {
        // Brazilian numbers: wa_id may lack the 9th digit that "from" has, or the other way round
        WebhookBatch batch = parse(change("""
                "contacts": [{"profile": {"name": "Ana"}, "wa_id": "553188889999"}],
                "messages": [{"from": "5531988889999", "id": "wamid.BR", "timestamp": "1750000000",
                              "type": "text", "text": {"body": "oi"}}]
                """));

        assertThat(batch.messages()).singleElement().extracting(InboundMessage::profileName).isEqualTo("Ana");
    }

    @Test
    void noProfileNameWhenNoContactMatchesAmongSeveral() {
        WebhookBatch batch = parse(change("""
                "contacts": [{"profile": {"name": "Ana"}, "wa_id": "1"}, {"profile": {"name": "Bia"}, "wa_id": "2"}],
                "messages": [{"from": "3", "id": "wamid.X", "timestamp": "1750000000", "type": "text",
                              "text": {"body": "?"}}]
                """));

        assertThat(batch.messages()).singleElement().extracting(InboundMessage::profileName).isNull();
    }

    // batches ------------------------------------------------------------------------------------

    @Test
    void everyEntryAndEveryChangeIsRead() {
        WebhookBatch batch = parser.parse(fixture("batch-two-entries-two-changes.json"));

        assertThat(batch.messages()).extracting(InboundMessage::phoneNumberId, InboundMessage::wamid,
                InboundMessage::text)
                .containsExactly(
                        tuple(PHONE_NUMBER_ID, "wamid.BATCH-A1-M1", "first entry, first change"),
                        tuple("206540352242923", "wamid.BATCH-B1-M1", "from Pablo"),
                        tuple("206540352242923", "wamid.BATCH-B1-M2", "from Lucía"));
        assertThat(batch.statuses()).extracting(StatusUpdate::phoneNumberId, StatusUpdate::wamid,
                StatusUpdate::status, StatusUpdate::recipientId)
                .containsExactly(
                        tuple(PHONE_NUMBER_ID, "wamid.BATCH-A2-S1", MessageStatus.DELIVERED, SHEENA),
                        tuple("206540352242923", "wamid.BATCH-B2-S1", MessageStatus.SENT, "5531988889999"),
                        tuple("206540352242923", "wamid.BATCH-B2-S2", MessageStatus.READ, "5215512345678"));
        assertThat(batch.others()).isZero();
    }

    @Test
    void changesOfOtherFieldsAreKeptAsFieldEvents() {
        WebhookBatch batch = parser.parse(fixture("other-fields.json"));

        assertThat(batch.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.OTHERS-M1");
        assertThat(batch.statuses()).isEmpty();
        // a template status and an account update; the group_delete is a group event
        assertThat(batch.others()).isZero();
        assertThat(batch.fieldEvents()).hasSize(2);
        assertThat(batch.groupEvents()).extracting(GroupEvent::change, GroupEvent::type, GroupEvent::groupId)
                .containsExactly(tuple(GroupChange.DELETE, "group_delete",
                        "Y2FwaV9ncm91cDoxODA1NTU1MDE3MjoxMjAzNjMyMjI3NzE5NjMwNjcZD"));
    }

    @Test
    void aThousandMessagesInOneBatch() {
        ObjectNode value = JSON.createObjectNode();
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", PHONE_NUMBER_ID);
        ArrayNode contacts = value.putArray("contacts");
        ArrayNode messages = value.putArray("messages");
        for (int i = 0; i < 1000; i++) {
            String waId = Long.toString(5531900000000L + i);
            contacts.addObject().put("wa_id", waId).putObject("profile").put("name", "Customer " + i);
            ObjectNode message = messages.addObject();
            message.put("from", waId).put("id", "wamid.bulk-" + i).put("timestamp", Long.toString(1750000000L + i))
                    .put("type", "text").putObject("text").put("body", "message " + i);
        }

        WebhookBatch batch = parse(value);

        assertThat(batch.messages()).hasSize(1000);
        assertThat(batch.messages().get(999)).extracting(InboundMessage::wamid, InboundMessage::profileName,
                InboundMessage::text, InboundMessage::timestamp)
                .containsExactly("wamid.bulk-999", "Customer 999", "message 999", Instant.ofEpochSecond(1750000999L));
    }

    // ids as numbers -----------------------------------------------------------------------------

    @Test
    void idsSentAsNumbersParseLikeIdsSentAsStrings() {
        WebhookBatch strings = parser.parse(fixture("ids-as-strings.json"));
        WebhookBatch numbers = parser.parse(fixture("ids-as-numbers.json"));

        assertThat(numbers.statuses()).isEqualTo(strings.statuses());
        assertThat(numbers.messages()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("rawJson")
                .isEqualTo(strings.messages());
        assertThat(strings.messages()).singleElement().satisfies(m -> {
            assertThat(m.wamid()).isEqualTo("123456789012345678901234567890");
            assertThat(m.from()).isEqualTo("16505551234");
            assertThat(m.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
            assertThat(m.groupId()).isEqualTo("120363222771963067");
            assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750025136L));
            assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        });
        assertThat(strings.statuses()).extracting(StatusUpdate::wamid, StatusUpdate::recipientId,
                StatusUpdate::participantId, StatusUpdate::errorCode)
                .containsExactly(
                        tuple("123456789012345678901234567891", "120363222771963067", "16505551234", 0),
                        tuple("123456789012345678901234567892", "16505551234", null, 131047));
        // the raw message stays as Meta sent it: numbers remain numbers there
        assertThat(tree(numbers.messages().get(0).rawJson()).get("from").isNumber()).isTrue();
    }

    @Test
    void numericIdsAreNeverWrittenInScientificOrDecimalNotation() {
        WebhookBatch batch = parse(change("""
                "metadata": {"phone_number_id": 1.06540352242922E14},
                "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": 16505551234}],
                "messages": [{"from": 16505551234.0, "id": 9007199254740993123, "timestamp": 1.7500251E9,
                              "type": "text", "text": {"body": "x"}}]
                """));

        assertThat(batch.messages()).singleElement().satisfies(m -> {
            assertThat(m.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
            assertThat(m.from()).isEqualTo("16505551234");
            assertThat(m.wamid()).isEqualTo("9007199254740993123");
            assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750025100L));
            assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        });
    }

    // robustness ---------------------------------------------------------------------------------

    @Test
    void messagesWithoutIdAndStatusesWithoutIdOrStatusAreSkippedAndCounted() {
        WebhookBatch batch = parse(change("""
                "messages": [
                  {"from": "16505551234", "timestamp": "1750000000", "type": "text", "text": {"body": "no id"}},
                  {"from": "16505551234", "id": "wamid.OK", "timestamp": "1750000000", "type": "text", "text": {"body": "ok"}},
                  {"from": "16505551234", "id": "wamid.NO-TIME", "type": "text", "text": {"body": "no timestamp"}},
                  "not an object"
                ],
                "statuses": [
                  {"status": "sent", "timestamp": "1750000000", "recipient_id": "16505551234"},
                  {"id": "wamid.S", "timestamp": "1750000000", "recipient_id": "16505551234"},
                  {"id": "wamid.OK", "status": "read", "timestamp": "1750000000", "recipient_id": "16505551234"}
                ]
                """));

        assertThat(batch.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.OK");
        assertThat(batch.statuses()).extracting(StatusUpdate::wamid).containsExactly("wamid.OK");
        assertThat(batch.others()).isEqualTo(5);
    }

    @Test
    void unknownFieldsAndMissingOptionalPartsNeverFail() {
        WebhookBatch batch = parser.parse(bytes("""
                {"object": "whatsapp_business_account", "something_new": [1, 2],
                 "entry": [
                   {"id": "1"},
                   {"id": "2", "changes": []},
                   {"id": "3", "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp",
                      "metadata": {"phone_number_id": "106540352242922"}, "future": {"x": true}}}]},
                   {"id": "4", "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp",
                      "metadata": {"phone_number_id": "106540352242922"},
                      "messages": [{"id": "wamid.MIN", "timestamp": "1750000000"}]}}]}
                 ]}
                """));

        assertThat(batch.messages()).singleElement().satisfies(m -> {
            assertThat(m.wamid()).isEqualTo("wamid.MIN");
            assertThat(m.from()).isNull();
            assertThat(m.profileName()).isNull();
            assertThat(m.userId()).isNull();
            assertThat(m.type()).isEqualTo("unknown");
            assertThat(m.received().referral()).isEmpty();
            assertThat(m.groupId()).isNull();
        });
        assertThat(batch.others()).isZero();
    }

    @Test
    void emptyEntryListIsAnEmptyBatch() {
        WebhookBatch batch = parser.parse(bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}"));

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.statuses()).isEmpty();
        assertThat(batch.others()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "{\"object\":", "[1,2,3]", "42", "null" })
    void bodyThatIsNotAJsonObjectIsRefused(String body) {
        assertThatThrownBy(() -> parser.parse(bytes(body))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook body");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"entry\": []}",
            "{\"object\": \"page\", \"entry\": []}",
            "{\"object\": \"whatsapp_business_account\"}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": {}}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [\"x\"]}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": {}}]}",
            "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"field\": \"messages\","
                    + " \"value\": {\"messages\": {}}}]}]}" })
    void bodyOfAnotherShapeIsRefusedWithAClearMessage(String body) {
        assertThatThrownBy(() -> parser.parse(bytes(body))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("webhook ");
    }

    @Test
    void nullBodyIsRefused() {
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // helpers ------------------------------------------------------------------------------------

    private InboundMessage onlyMessage(String fixture) {
        WebhookBatch batch = parser.parse(fixture(fixture));
        assertThat(batch.statuses()).isEmpty();
        assertThat(batch.others()).isZero();
        assertThat(batch.messages()).hasSize(1);
        return batch.messages().get(0);
    }

    private GroupEvent onlyGroupEvent(String fixture) {
        WebhookBatch batch = parser.parse(fixture(fixture));
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.statuses()).isEmpty();
        assertThat(batch.others()).isZero();
        assertThat(batch.groupEvents()).hasSize(1);
        return batch.groupEvents().get(0);
    }

    private static JsonNode groupOf(String fixture) {
        try {
            return JSON.readTree(fixture(fixture)).at("/entry/0/changes/0/value/groups/0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-entry, one-change group webhook of the given field whose groups[] are the given elements. */
    private WebhookBatch parseGroups(String field, String groups) {
        return parser.parse(bytes("""
                {"object": "whatsapp_business_account", "entry": [{"id": "419561257915477", "changes": [
                  {"field": "%s", "value": {"messaging_product": "whatsapp",
                     "metadata": {"display_phone_number": "15550783881", "phone_number_id": "%s"},
                     "groups": [%s]}}]}]}
                """.formatted(field, PHONE_NUMBER_ID, groups)));
    }

    private StatusUpdate onlyStatus(String fixture) {
        WebhookBatch batch = parser.parse(fixture(fixture));
        assertThat(batch.messages()).isEmpty();
        assertThat(batch.others()).isZero();
        assertThat(batch.statuses()).hasSize(1);
        return batch.statuses().get(0);
    }

    private static JsonNode messageOf(String fixture) {
        try {
            return JSON.readTree(fixture(fixture)).at("/entry/0/changes/0/value/messages/0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-entry, one-change webhook whose value is the given JSON members plus metadata when absent. */
    private WebhookBatch parse(String valueMembers) {
        return parse((ObjectNode) tree("{" + valueMembers + "}"));
    }

    private WebhookBatch parse(ObjectNode value) {
        if (!value.has("metadata")) {
            value.putObject("metadata").put("display_phone_number", "15550783881")
                    .put("phone_number_id", PHONE_NUMBER_ID);
        }
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode change = root.putArray("entry").addObject().put("id", "419561257915477")
                .putArray("changes").addObject();
        change.set("value", value);
        change.put("field", "messages");
        try {
            return parser.parse(JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String change(String valueMembers) {
        return "\"messaging_product\": \"whatsapp\", " + valueMembers;
    }

    private static String messagesChange(String messages) {
        return change("\"contacts\": [{\"profile\": {\"name\": \"Sheena Nelson\"}, \"wa_id\": \"16505551234\"}], "
                + "\"messages\": [" + messages + "]");
    }

    private static String statusesChange(String statuses) {
        return change("\"statuses\": [" + statuses + "]");
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = WebhookParserTest.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture webhooks/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
