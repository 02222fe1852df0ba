package net.wagw.domain.media;

import java.time.Instant;
import java.util.Objects;

/**
 * A media file wagw keeps for one bot (docs/contracts.md §11): sent to it by a customer, or
 * uploaded by it. Only this bot may read it.
 *
 * @param mediaId     Meta's media id (inbound: from the webhook; upload: what Meta answered)
 * @param contentType the MIME type Meta or the bot gave
 * @param size        bytes in the copy; -1 until copied
 * @param copiedAt    when the copy was stored; null while there is none
 * @param expiresAt   after this the copy is never served, whatever the storage still holds
 * @param metaExpiresAt until when Meta still has the file under this id
 * @param attempts    copies tried and failed so far
 */
public record MediaRecord(String botId, String mediaId, Origin origin, String contentType, long size,
        Instant receivedAt, Instant copiedAt, Instant expiresAt, Instant metaExpiresAt, int attempts) {

    public enum Origin {
        INBOUND, UPLOAD
    }

    public MediaRecord {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(metaExpiresAt, "metaExpiresAt");
    }

    public boolean copied() {
        return copiedAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Where the bytes are in the media store: by bot, then Meta's id. */
    public String key() {
        return MediaRecord.key(botId, mediaId);
    }

    public static String key(String botId, String mediaId) {
        return "media/" + botId + "/" + mediaId;
    }
}
