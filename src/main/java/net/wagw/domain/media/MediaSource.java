package net.wagw.domain.media;

/** Port: where customers' media files come from (Meta's Cloud API, docs/contracts.md §3.5). */
public interface MediaSource {
    /**
     * Fetches an inbound media file: its URL from {@code GET /{media-id}}, then the bytes, unless
     * Meta says it is larger than {@code maxBytes}.
     */
    Media media(String mediaId, long maxBytes);
}
