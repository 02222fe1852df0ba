package net.wagw.domain.content;

import java.util.List;
import java.util.Objects;

/** {@code application/vnd.lime.select+json}: a text and the options a customer may tap. */
public record Select(String text, List<Option> options) implements Content {
    public Select {
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    /**
     * @param text  what the customer sees
     * @param id    what WhatsApp gives back when it is tapped: the value, else the order, else the position
     * @param value what the bot gets back: the option's value with its type, else its text
     */
    public record Option(String text, String id, TypedValue value) {
        public Option {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
        }
    }
}
