package net.wagw.domain.content;

import java.util.Objects;

/**
 * A LIME document as a value: its MIME type and its JSON text (a JSON string for
 * {@code text/plain}), as a select option returns it when chosen.
 */
public record TypedValue(String type, String json) {
    public TypedValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
