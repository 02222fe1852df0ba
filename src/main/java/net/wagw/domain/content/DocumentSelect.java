package net.wagw.domain.content;

import java.util.List;
import java.util.Objects;

/**
 * {@code application/vnd.lime.document-select+json}: a header document and options.
 *
 * @param header a {@link Media}, {@link Text} or {@link WebLink}
 */
public record DocumentSelect(Content header, List<Option> options) implements Content {
    public DocumentSelect {
        Objects.requireNonNull(header, "header");
        options = List.copyOf(options);
    }

    /**
     * @param label a {@link Text} (a reply) or a {@link WebLink} (a link button)
     * @param id    what WhatsApp gives back when a reply is tapped
     * @param value what the bot gets back
     */
    public record Option(Content label, String id, TypedValue value) {
        public Option {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
        }
    }
}
