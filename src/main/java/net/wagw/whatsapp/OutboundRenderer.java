package net.wagw.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.content.Content;
import net.wagw.domain.send.RenderedMessage;
import net.wagw.whatsapp.render.CloudRenderers;

/**
 * Turns a message's content into the type-specific part of each Cloud API send body it takes
 * (docs/contracts.md §3.3); the sender adds {@code messaging_product}, {@code recipient_type} and
 * {@code to}. Whatever Meta is known to refuse (too many options, too long titles, ...) is refused
 * here, before anything is sent, with a sentence a person understands.
 */
public class OutboundRenderer {
    /** Metadata key: the WhatsApp message id this message replies to. */
    public static final String CONTEXT_ID = "#wa.context.id";

    private final CloudRenderers renderers;

    public OutboundRenderer(ObjectMapper json) {
        this.renderers = new CloudRenderers(json);
    }

    public RenderedMessage render(Content content, Map<String, String> metadata) {
        Map<String, String> meta = metadata == null ? Map.of() : metadata;
        String replyTo = meta.get(CONTEXT_ID);
        String context = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
        List<String> payloads = new ArrayList<>();
        if (content instanceof net.wagw.domain.content.Collection collection) {
            // one Cloud API message per item, in order; only the first answers the message replied to
            for (int i = 0; i < collection.items().size(); i++) {
                payloads.add(renderers.render(collection.items().get(i), meta, i == 0 ? context : null));
            }
        } else if (!(content instanceof net.wagw.domain.content.ChatState)) {
            payloads.add(renderers.render(content, meta, context));
        }
        return new RenderedMessage(content, payloads);
    }
}
