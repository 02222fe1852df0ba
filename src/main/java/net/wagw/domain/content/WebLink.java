package net.wagw.domain.content;

import java.util.Objects;

/**
 * {@code application/vnd.lime.web-link+json}.
 *
 * @param title  the button's label; may be null
 * @param text   the text above it; may be null
 * @param asText sent as a text with a link preview rather than as a button
 */
public record WebLink(String uri, String title, String text, boolean asText) implements Content {
    public WebLink {
        Objects.requireNonNull(uri, "uri");
    }
}
