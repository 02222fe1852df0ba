package net.wagw.domain.content;

import java.util.List;
import java.util.Objects;

/** A collection of document-selects with media headers: one message of swipeable cards. */
public record Carousel(String text, List<DocumentSelect> cards) implements Content {
    public Carousel {
        Objects.requireNonNull(text, "text");
        cards = List.copyOf(cards);
    }
}
