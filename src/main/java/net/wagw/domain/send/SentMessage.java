package net.wagw.domain.send;

import java.util.Map;
import java.util.Objects;

import net.wagw.domain.content.TypedValue;

/**
 * What wagw sent under a wamid, as far as a customer's reply to it needs (docs/contracts.md §3.5).
 *
 * @param envelopeId  the bot's own envelope id of it
 * @param contentKind the content's kind ({@code Select}, {@code DocumentSelect}, {@code Carousel}, ...)
 * @param replies     what each of its options returns to the bot, by the id WhatsApp hands back
 */
public record SentMessage(String envelopeId, String contentKind, Map<String, TypedValue> replies) {
    public SentMessage {
        Objects.requireNonNull(envelopeId, "envelopeId");
        Objects.requireNonNull(contentKind, "contentKind");
        replies = Map.copyOf(replies);
    }
}
