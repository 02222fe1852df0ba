package net.wagw.domain.content;

import java.util.Objects;

/** {@code text/plain}. */
public record Text(String body) implements Content {
    public Text {
        Objects.requireNonNull(body, "body");
    }
}
