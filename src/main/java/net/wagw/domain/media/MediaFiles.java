package net.wagw.domain.media;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Port: the media store (S3), encrypted at rest. Any failure to reach it is thrown. */
public interface MediaFiles {
    void put(String key, String contentType, byte[] bytes);

    Optional<StoredFile> get(String key);

    /** An address that serves the file without credentials for {@code validity}. */
    URI temporaryLink(String key, Duration validity);

    record StoredFile(String contentType, byte[] bytes) {
    }
}
