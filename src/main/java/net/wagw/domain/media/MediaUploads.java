package net.wagw.domain.media;

import net.wagw.domain.meta.MetaOutcome;

/** Port: Meta's {@code POST /{phone-number-id}/media}. */
public interface MediaUploads {
    Uploaded upload(String phoneNumberId, String contentType, String filename, byte[] bytes);

    sealed interface Uploaded {
    }

    record Accepted(String mediaId) implements Uploaded {
    }

    record Failed(MetaOutcome outcome) implements Uploaded {
    }
}
