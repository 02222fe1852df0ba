package net.wagw.lime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.send.ContentRules;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;
import net.wagw.whatsapp.WebhookParser;

/**
 * docs/contracts.md §3.5 under both reply dialects: a customer's answer to a message wagw sent
 * names the bot's envelope id and returns the option's typed value; quoted texts, reactions,
 * contacts, forwarded flags and absolute media uris.
 */
class InboundRepliesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENT_WAMID = "wamid.OUT.MENU";
    private static final Bot REPLY_BOT = new Bot("bot-r", 0, "1110001", null, null, null, true, null,
            Bot.InboundReplies.REPLY);
    private static final Bot SELECT_BOT = new Bot("bot-s", 0, "1110001", null, null, null, true, null,
            Bot.InboundReplies.SELECT);

    private final SentStatuses statuses = new SentStatuses();
    private final InboundRenderer renderer = new InboundRenderer(JSON, new Nodes("wa.gw.msging.net"),
            new PublicBase(Optional.of("https://wagw.example.com/")), statuses);
    private final LimeContentParser parser = new LimeContentParser(JSON);

    /** The bot sent a select whose second option carries a JSON value. */
    private void botSentMenu(Bot bot) {
        var select = parser.parse("application/vnd.lime.select+json", tree("""
                {"text": "Pick", "options": [{"text": "Pizza", "value": "pz"},
                 {"text": "Juice", "type": "application/json", "value": {"drink": "juice", "size": 2}},
                 {"text": "Water"}]}"""), Map.of());
        statuses.track(bot.id(), SENT_WAMID, "5531900000001@wa.gw.msging.net", ContentRules.sent("menu-1", select));
    }

    private static String tap(String id, String title) {
        return """
                {"from": "5531900000001", "id": "wamid.IN.TAP", "timestamp": "1750025136", "type": "interactive",
                 "context": {"from": "15550783881", "id": "%s"},
                 "interactive": {"type": "button_reply", "button_reply": {"id": %s, "title": "%s"}}}"""
                .formatted(SENT_WAMID, JSON.valueToTree(id).toString(), title);
    }

    @Test
    void tappingOptionTwoRepliesToTheSelectsEnvelopeWithTheOptionsTypedValue() {
        botSentMenu(REPLY_BOT);

        JsonNode envelope = render(tap("{\"drink\":\"juice\",\"size\":2}", "Juice"), REPLY_BOT);

        assertThat(envelope.path("type").asText()).isEqualTo("application/vnd.lime.reply+json");
        assertThat(envelope.path("content")).isEqualTo(tree("""
                {"replied": {"type": "application/json", "value": {"drink": "juice", "size": 2}},
                 "inReplyTo": {"id": "menu-1", "type": "application/vnd.lime.select+json", "direction": "sent"}}"""));
        assertThat(envelope.path("metadata").path("#wa.context.id").asText()).isEqualTo(SENT_WAMID);
    }

    @Test
    void anOptionWithoutValueRepliesWithItsText() {
        botSentMenu(REPLY_BOT);

        JsonNode envelope = render(tap("3", "Water"), REPLY_BOT);

        assertThat(envelope.path("content").path("replied")).isEqualTo(tree("{\"type\":\"text/plain\",\"value\":\"Water\"}"));
    }

    @Test
    void aBotAskingForTheSelectFormGetsTheOptionsValueAsTheMessage() {
        botSentMenu(SELECT_BOT);

        JsonNode json = render(tap("{\"drink\":\"juice\",\"size\":2}", "Juice"), SELECT_BOT);
        JsonNode text = render(tap("pz", "Pizza"), SELECT_BOT);

        assertThat(json.path("type").asText()).isEqualTo("application/json");
        assertThat(json.path("content")).isEqualTo(tree("{\"drink\": \"juice\", \"size\": 2}"));
        assertThat(text.path("type").asText()).isEqualTo("text/plain");
        assertThat(text.path("content").asText()).isEqualTo("pz");
    }

    @Test
    void aQuotedTextRepliesToTheQuotedMessage() {
        botSentMenu(REPLY_BOT);

        String quoted = """
                {"from": "5531900000001", "id": "wamid.IN.Q", "timestamp": "1750025136", "type": "text",
                 "context": {"from": "15550783881", "id": "%s"}, "text": {"body": "this one"}}""".formatted(SENT_WAMID);
        JsonNode reply = render(quoted, REPLY_BOT);
        JsonNode select = render(quoted, SELECT_BOT);

        assertThat(reply.path("content")).isEqualTo(tree("""
                {"replied": {"type": "text/plain", "value": "this one"},
                 "inReplyTo": {"id": "menu-1", "type": "application/vnd.lime.select+json", "direction": "sent"}}"""));
        assertThat(select.path("type").asText()).isEqualTo("application/vnd.lime.reply+json");
    }

    @Test
    void aReactionToTheBotsMessageNamesItsEnvelopeInCodePoints() {
        botSentMenu(REPLY_BOT);

        JsonNode envelope = render("""
                {"from": "5531900000001", "id": "wamid.IN.R", "timestamp": "1750025136", "type": "reaction",
                 "reaction": {"message_id": "%s", "emoji": "\u2764\ufe0f"}}""".formatted(SENT_WAMID), REPLY_BOT);

        assertThat(envelope.path("content")).isEqualTo(tree("""
                {"emoji": {"values": [10084, 65039]}, "inReactionTo": {"id": "menu-1", "direction": "sent"}}"""));
    }

    @Test
    void forwardedFlagsGoIntoMetadata() {
        JsonNode envelope = render("""
                {"from": "5531900000001", "id": "wamid.IN.F", "timestamp": "1750025136", "type": "text",
                 "context": {"forwarded": true, "frequently_forwarded": true}, "text": {"body": "look"}}""", REPLY_BOT);

        assertThat(envelope.path("type").asText()).isEqualTo("text/plain");
        assertThat(envelope.path("metadata").path("#wa.forwarded").asText()).isEqualTo("true");
        assertThat(envelope.path("metadata").path("#wa.frequently_forwarded").asText()).isEqualTo("true");
    }

    @Test
    void mediaUrisStartWithThePublicBaseUrl() {
        JsonNode envelope = render("""
                {"from": "5531900000001", "id": "wamid.IN.M", "timestamp": "1750025136", "type": "image",
                 "image": {"id": "1479537139650973", "mime_type": "image/jpeg"}}""", REPLY_BOT);

        assertThat(envelope.path("content").path("uri").asText())
                .isEqualTo("https://wagw.example.com/media/1479537139650973");
    }

    @Test
    void severalSharedContactsAreACollectionOfContactDocuments() {
        JsonNode envelope = render("""
                {"from": "5531900000001", "id": "wamid.IN.C", "timestamp": "1750025136", "type": "contacts",
                 "contacts": [{"name": {"formatted_name": "Ana"}, "phones": [{"phone": "+55 31 98888-7777",
                               "wa_id": "5531988887777"}], "emails": [{"email": "ana@example.com"}]},
                              {"name": {"first_name": "Bia", "last_name": "Lima"}, "urls": [{"url": "https://bia.example"}]}]}""",
                REPLY_BOT);

        assertThat(envelope.path("type").asText()).isEqualTo("application/vnd.lime.collection+json");
        assertThat(envelope.path("content")).isEqualTo(tree("""
                {"itemType": "application/vnd.lime.contact+json", "total": 2, "items": [
                  {"name": "Ana", "identity": "5531988887777@wa.gw.msging.net", "phoneNumber": "+55 31 98888-7777",
                   "email": "ana@example.com"},
                  {"name": "Bia Lima", "extras": {"url": "https://bia.example"}}]}"""));
    }

    private JsonNode render(String message, Bot bot) {
        String webhook = """
                {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages",
                 "value": {"metadata": {"phone_number_id": "1110001"}, "messages": [%s]}}]}]}""".formatted(message);
        InboundMessage parsed = new WebhookParser(JSON).parse(webhook.getBytes(StandardCharsets.UTF_8)).messages().get(0);
        return tree(renderer.render(parsed, bot, bot.id() + "@msging.net"));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statuses port in memory: what was sent, by bot and wamid. */
    private static final class SentStatuses implements StatusStore {
        private final Map<String, SentMessage> sent = new HashMap<>();

        @Override
        public Optional<StatusUpdate> track(String botId, String wamid, String recipientNode, SentMessage message) {
            sent.put(botId + "#" + wamid, message);
            return Optional.empty();
        }

        @Override
        public Keep keep(String botId, String envelopeId, StatusUpdate status, int rank, boolean priced) {
            return new Kept(Billed.NOT_MARKED);
        }

        @Override
        public Optional<SentMessage> sent(String botId, String wamid) {
            return Optional.ofNullable(sent.get(botId + "#" + wamid));
        }

        @Override
        public Advance advance(String botId, String wamid, String envelopeId, String participant, int rank,
                boolean priced) {
            return sent.containsKey(botId + "#" + wamid) ? new Advanced(sent.get(botId + "#" + wamid).envelopeId(),
                    "") : new Unknown();
        }
    }
}
