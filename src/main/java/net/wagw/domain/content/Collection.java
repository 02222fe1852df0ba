package net.wagw.domain.content;

import java.util.List;

/** {@code application/vnd.lime.collection+json} of items sent one by one, in order. */
public record Collection(List<Content> items) implements Content {
    public Collection {
        items = List.copyOf(items);
    }
}
