package net.wagw.whatsapp.render;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.NativeMessage;

/**
 * A Cloud API message object the bot wrote (BLiP's "dynamic content"), passed through; a
 * carousel's cards are counted first, as Meta would refuse them only later.
 */
final class NativeRenderer {
    private final Json json;

    NativeRenderer(Json json) {
        this.json = json;
    }

    void render(NativeMessage message, ObjectNode payload) {
        JsonNode object = json.read(message.json());
        if ("carousel".equals(message.interactiveType())) {
            JsonNode cards = object.path("interactive").path("action").path("cards");
            int count = cards.isArray() ? cards.size() : 0;
            if (count < Limits.MIN_CARDS || count > Limits.MAX_CARDS) {
                throw Limits.invalid("A carousel holds " + Limits.MIN_CARDS + " to " + Limits.MAX_CARDS
                        + " cards; this one has " + count + ".");
            }
        }
        if ("cta_url".equals(message.interactiveType())) {
            JsonNode label = object.path("interactive").path("action").path("parameters").path("display_text");
            if (label.isTextual()) {
                Limits.atMost(label.textValue(), Limits.MAX_CTA_DISPLAY_TEXT, "A link button's display_text");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            payload.set(field.getKey(), field.getValue());
        }
    }
}
