package net.wagw.whatsapp.render;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.content.Media;

/** A media link as image, video, audio, document or sticker, by its MIME type. */
final class MediaRenderer {
    /**
     * The image types Meta's Cloud API takes ("Supported media types": JPEG and PNG; WebP goes as a
     * sticker); {@code image/jpg} and {@code image/pjpeg} are JPEG as bots and browsers write it.
     * Meta would accept any other in the request and fail the message later.
     */
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/jpg", "image/pjpeg", "image/png");

    void render(Media media, ObjectNode payload) {
        String kind = kind(media.mimeType());
        payload.put("type", kind);
        ObjectNode body = payload.putObject(kind);
        body.put("link", media.uri());
        boolean captioned = !kind.equals("audio") && !kind.equals("sticker");
        if (captioned && media.text() != null) {
            body.put("caption", Limits.atMost(media.text(), Limits.MAX_CAPTION, "A media caption"));
        }
        if (kind.equals("document") && media.title() != null) {
            body.put("filename", media.title());
        }
    }

    static String kind(String mime) {
        if (mime.equals("image/webp")) {
            return "sticker";
        }
        if (mime.startsWith("image/")) {
            if (!IMAGES.contains(mime)) {
                throw Limits.invalid("WhatsApp shows images in JPEG or PNG only; " + mime
                        + " is neither (send an animation as an MP4 video).");
            }
            return "image";
        }
        if (mime.startsWith("video/")) {
            return "video";
        }
        if (mime.startsWith("audio/")) {
            return "audio";
        }
        return "document";
    }

    /** An interactive message's media header. */
    static void header(Media media, ObjectNode interactive) {
        String kind = kind(media.mimeType());
        if (kind.equals("audio") || kind.equals("sticker")) {
            throw Limits.invalid("An interactive message's header is an image, a video or a document; "
                    + media.mimeType() + " is not.");
        }
        ObjectNode header = interactive.putObject("header");
        header.put("type", kind);
        ObjectNode body = header.putObject(kind);
        body.put("link", media.uri());
        if (kind.equals("document") && media.title() != null) {
            body.put("filename", media.title());
        }
    }
}
