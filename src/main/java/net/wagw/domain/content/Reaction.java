package net.wagw.domain.content;

import java.util.Objects;

/**
 * {@code application/vnd.lime.reaction+json}: an emoji on a message; an empty emoji takes a
 * reaction back (Meta's rule).
 */
public record Reaction(String messageId, String emoji) implements Content, InboundContent {
    public Reaction {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(emoji, "emoji");
    }

    /** The emoji as LIME writes it: its Unicode code points. */
    public int[] codePoints() {
        return emoji.codePoints().toArray();
    }
}
