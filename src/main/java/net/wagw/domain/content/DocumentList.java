package net.wagw.domain.content;

import java.util.List;

/** {@code application/vnd.lime.list+json}: a header document (may be null) and items. */
public record DocumentList(Content header, List<Content> items) implements Content {
    public DocumentList {
        items = List.copyOf(items);
    }
}
