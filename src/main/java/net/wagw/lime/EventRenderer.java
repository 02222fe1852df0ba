package net.wagw.lime;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.inbound.FieldEffect;
import net.wagw.domain.inbound.FieldEvent;
import net.wagw.domain.inbound.InboundMessage;
import net.wagw.json.JsonScalars;

/**
 * The webhook fields beyond messages and groups, as the bot receives them (docs/contracts.md §7).
 * A coexistence echo ({@code smb_message_echoes}: what the business typed in the WhatsApp Business
 * app) is a message like a customer's, but from the bot's own node to the customer, with
 * {@code #wa.echo}. Every other field is a message of type {@value Lime#WHATSAPP_EVENT} from the
 * customer's node when the event is about one (calls, preferences), else from postmaster:
 * {@code {field, facts: {...}, value: <Meta's element>}}.
 */
public final class EventRenderer {
    public static final String ECHO = "#wa.echo";

    private final ObjectMapper json;
    private final Nodes nodes;
    private final InboundRenderer messages;

    private final Function<FieldEvent, InboundMessage> echoes;

    /** @param echoes reads an echo's element as the message it is (its content parsed as a customer's would be) */
    public EventRenderer(ObjectMapper json, Nodes nodes, InboundRenderer messages,
            Function<FieldEvent, InboundMessage> echoes) {
        this.json = Objects.requireNonNull(json);
        this.nodes = Objects.requireNonNull(nodes);
        this.messages = Objects.requireNonNull(messages);
        this.echoes = Objects.requireNonNull(echoes);
    }

    public String render(FieldEvent event, String botNode) {
        JsonNode raw = read(event.rawJson());
        if (event.effect() instanceof FieldEffect.BusinessEchoed && raw.isObject() && JsonScalars.text(raw.get("id")) != null) {
            // only an echo with a usable id is rendered as the message it is; the rest goes as the event
            return echo(event, raw, botNode);
        }
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", event.id());
        envelope.put("from", customerNode(event));
        if (botNode != null) {
            envelope.put("to", botNode);
        }
        envelope.put("type", Lime.WHATSAPP_EVENT);
        ObjectNode content = envelope.putObject("content");
        content.put("field", event.field());
        ObjectNode facts = content.putObject("facts");
        event.facts().forEach(facts::put);
        content.set("value", raw);
        ObjectNode meta = envelope.putObject("metadata");
        if (event.timestamp() != null) {
            meta.put(InboundRenderer.TIMESTAMP, Long.toString(event.timestamp().getEpochSecond()));
        }
        if (event.phoneNumberId() != null) {
            meta.put(InboundRenderer.PHONE_NUMBER_ID, event.phoneNumberId());
        }
        return write(envelope);
    }

    private String echo(FieldEvent event, JsonNode raw, String botNode) {
        InboundMessage message = echoes.apply(event);
        ObjectNode envelope = (ObjectNode) read(messages.render(message, null));
        envelope.put("id", event.id());
        if (botNode != null) {
            envelope.put("from", botNode);
        }
        envelope.put("to", customerNode(event));
        ObjectNode meta = envelope.has("metadata") ? (ObjectNode) envelope.get("metadata") : envelope.putObject("metadata");
        meta.put(ECHO, "true");
        return write(envelope);
    }

    private String customerNode(FieldEvent event) {
        String customer = event.fact("customer");
        if (customer == null || !(ContactKey.isDigits(customer) || ContactKey.isUserId(customer))) {
            customer = event.fact("customer.bsuid");
        }
        if (customer != null && (ContactKey.isDigits(customer) || ContactKey.isUserId(customer))) {
            return nodes.customer(customer);
        }
        return nodes.postmaster();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("a kept webhook element is not JSON", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a LIME envelope", e);
        }
    }
}
