package net.wagw.domain.media;

import net.wagw.domain.meta.MetaOutcome;

/** A media file a customer sent, as fetched from Meta for the bot (docs/contracts.md §3.5). */
public sealed interface Media {
    record Found(String contentType, byte[] bytes) implements Media {
    }

    /** Larger than what one answer may carry. */
    record TooLarge(long size) implements Media {
    }

    /** Meta did not give it: unknown id, expired, or Meta unreachable. */
    record Failed(MetaOutcome outcome) implements Media {
    }
}
