package net.wagw.domain.media;

import java.time.Instant;
import java.util.Optional;

/** Port: which bot each media file belongs to, and whether it is copied (docs/contracts.md §11). */
public interface MediaRecords {
    /** Records a file a customer sent, once: a repeat (Meta's duplicate webhook) changes nothing. */
    void recordInbound(MediaRecord received);

    Optional<MediaRecord> find(String botId, String mediaId);

    /** The copy is stored: its type and size. */
    void markCopied(String botId, String mediaId, String contentType, long size, Instant at);

    /** One more failed copy; answers how many have failed so far. */
    int countFailedAttempt(String botId, String mediaId);

    /** A bot's upload, by the id the bot gave it, and by Meta's id. */
    void recordUpload(String clientId, MediaRecord uploaded);

    Optional<MediaRecord> findUpload(String botId, String clientId);
}
