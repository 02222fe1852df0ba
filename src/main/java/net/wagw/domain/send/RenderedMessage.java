package net.wagw.domain.send;

import java.util.Objects;
import java.util.Optional;

/**
 * An outbound message ready for Meta: what the policy needs to know of it, and the type-specific
 * part of the Cloud API request as JSON text (e.g. {@code {"type":"text","text":{...}}}), to
 * which the sender adds {@code messaging_product}, {@code recipient_type} and {@code to}.
 */
public record RenderedMessage(MessageKind kind, Optional<TemplateUse> template, String payloadJson) {
    public RenderedMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(payloadJson, "payloadJson");
        if ((kind == MessageKind.TEMPLATE) != template.isPresent()) {
            throw new IllegalArgumentException("a template message, and only one, names its template");
        }
    }
}
