package net.wagw.domain.content;

import java.util.Objects;

/**
 * {@code application/vnd.lime.media-link+json}: a file by its address.
 *
 * @param mimeType the media's MIME type without parameters, lower case
 * @param title    shown as a document's file name; may be null
 * @param text     the caption; may be null
 */
public record Media(String mimeType, String uri, String title, String text) implements Content {
    public Media {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(uri, "uri");
    }
}
