package net.wagw.domain.content;

import java.util.Objects;

/** {@code application/vnd.lime.input+json}: the bot asks the customer for something. */
public record Input(String label, Kind kind) implements Content {
    public enum Kind {
        /** Anything typed: the label is all WhatsApp can show. */
        TEXT,
        /** A shared location: WhatsApp has a button for it. */
        LOCATION
    }

    public Input {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }
}
