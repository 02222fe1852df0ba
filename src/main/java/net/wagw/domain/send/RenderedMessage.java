package net.wagw.domain.send;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import net.wagw.domain.content.ChatState;
import net.wagw.domain.content.Collection;
import net.wagw.domain.content.Content;

/**
 * An outbound message ready for Meta: its content, and the type-specific part of each Cloud API
 * request it takes as JSON text (e.g. {@code {"type":"text","text":{...}}}), to which the sender
 * adds {@code messaging_product}, {@code recipient_type} and {@code to}. A collection takes one
 * request per item, in order; a chat state none.
 */
public record RenderedMessage(Content content, List<String> payloads) {
    public RenderedMessage {
        Objects.requireNonNull(content, "content");
        payloads = List.copyOf(payloads);
        int expected = content instanceof Collection collection ? collection.items().size()
                : content instanceof ChatState ? 0 : 1;
        if (payloads.size() != expected) {
            throw new IllegalArgumentException("a " + content.getClass().getSimpleName() + " takes " + expected
                    + " requests, not " + payloads.size());
        }
    }

    public MessageKind kind() {
        return ContentRules.kind(content);
    }

    public Optional<TemplateUse> template() {
        return ContentRules.template(content);
    }

    /** The one request of a single message. */
    public String payloadJson() {
        if (payloads.size() != 1) {
            throw new IllegalStateException("a " + content.getClass().getSimpleName() + " is not one request");
        }
        return payloads.get(0);
    }
}
