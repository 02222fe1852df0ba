package net.wagw.domain.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/**
 * The files Meta takes for sending, by MIME type, with each kind's size limit (Meta's "Supported
 * media types" of the Cloud API media reference: audio and video 16 MB, images 5 MB, documents
 * 100 MB, stickers 500 KB animated / 100 KB static). Checked before anything is stored.
 */
public final class MediaLimits {
    private static final long MB = 1024L * 1024L;
    private static final long IMAGE = 5 * MB;
    private static final long AV = 16 * MB;
    private static final long DOCUMENT = 100 * MB;
    private static final long STICKER = 500 * 1024L;

    private static final Map<String, Long> LIMITS = Map.ofEntries(
            Map.entry("audio/aac", AV), Map.entry("audio/amr", AV), Map.entry("audio/mpeg", AV),
            Map.entry("audio/mp4", AV), Map.entry("audio/ogg", AV),
            Map.entry("video/mp4", AV), Map.entry("video/3gpp", AV),
            Map.entry("image/jpeg", IMAGE), Map.entry("image/png", IMAGE),
            Map.entry("image/webp", STICKER),
            Map.entry("text/plain", DOCUMENT), Map.entry("application/pdf", DOCUMENT),
            Map.entry("application/msword", DOCUMENT), Map.entry("application/vnd.ms-excel", DOCUMENT),
            Map.entry("application/vnd.ms-powerpoint", DOCUMENT),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCUMENT),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DOCUMENT),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", DOCUMENT));

    private MediaLimits() {
    }

    /** The MIME type without parameters, in lower case ({@code audio/ogg; codecs=opus} is audio/ogg). */
    public static String bare(String contentType) {
        if (contentType == null) {
            return "";
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Long> limit(String contentType) {
        return Optional.ofNullable(LIMITS.get(bare(contentType)));
    }

    /**
     * Refuses what Meta would refuse, and what this gateway cannot carry in one request.
     *
     * @param gatewayLimit the largest body one request to wagw may have
     */
    public static void check(String contentType, long size, long gatewayLimit) {
        String type = bare(contentType);
        if (type.isEmpty()) {
            throw new Refusal(Reason.UNSUPPORTED_CONTENT_TYPE, "Send the file with its Content-Type (for example "
                    + "image/jpeg).");
        }
        Long limit = LIMITS.get(type);
        if (limit == null) {
            throw new Refusal(Reason.UNSUPPORTED_CONTENT_TYPE, "WhatsApp does not send files of type " + type
                    + "; it takes " + String.join(", ", LIMITS.keySet().stream().sorted().toList()) + ".");
        }
        if (size == 0) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The body is empty: send the file's bytes.");
        }
        long allowed = Math.min(limit, gatewayLimit);
        if (size > allowed) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The file has " + size + " bytes; " + type + " files may have at"
                    + " most " + allowed + (allowed < limit ? " through this gateway" : " on WhatsApp") + ".",
                    Refusal.Kind.TOO_LARGE);
        }
    }
}
