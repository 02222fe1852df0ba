package net.wagw.domain.content;

import java.util.Objects;

/** {@code application/vnd.lime.chatstate+json}: composing, paused, ... */
public record ChatState(String state) implements Content {
    public static final String COMPOSING = "composing";

    public ChatState {
        Objects.requireNonNull(state, "state");
    }

    public boolean composing() {
        return COMPOSING.equals(state);
    }
}
