package net.wagw.functions;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;


import net.wagw.config.WagwConfig;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.media.Media;
import net.wagw.domain.meta.MetaErrors;
import net.wagw.lime.InboundRenderer;
import net.wagw.lime.PublicBase;

/**
 * {@code GET /media/{id}} and {@code POST /media} (docs/contracts.md §11). GET serves a file the
 * bot received (or uploaded) from wagw's copy, from Meta while there is none; any other bot is
 * told the file does not exist. A Lambda answer carries at most 6 MB, base64 included: a larger
 * copy is answered with a short-lived link to it, a larger file only at Meta is refused.
 */
@ApplicationScoped
public class MediaResource {
    private final MediaService media;
    private final long maxBytes;
    private final PublicBase publicBase;

    public MediaResource(MediaService media, WagwConfig config, PublicBase publicBase) {
        this.media = media;
        this.maxBytes = config.http().maxMediaBytes();
        this.publicBase = publicBase;
    }

    ResourceResponse get(ResourceRequest request) {
        String id = request.pathParameter("id");
        if (id == null || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "'" + id + "' is not a WhatsApp media id (digits only).");
        }
        MediaService.Read read = media.read(request.bot(), id);
        if (read instanceof MediaService.Bytes bytes) {
            return ResourceResponse.binary(bytes.contentType(), bytes.bytes());
        }
        if (read instanceof MediaService.Link link) {
            return ResourceResponse.redirect(link.uri());
        }
        if (read instanceof MediaService.NotFound) {
            throw new Refusal(Reason.RESOURCE_NOT_FOUND, "This bot has no media " + id + ".", Refusal.Kind.NOT_FOUND);
        }
        Media fromMeta = ((MediaService.FromMeta) read).media();
        if (fromMeta instanceof Media.Found found) {
            return ResourceResponse.binary(found.contentType(), found.bytes());
        }
        if (fromMeta instanceof Media.TooLarge tooLarge) {
            throw new Refusal(Reason.PROCESSING_ERROR, "Media " + id + " has " + tooLarge.size() + " bytes; this gateway "
                    + "answers at most " + maxBytes + " (AWS Lambda's 6 MB response limit).", Refusal.Kind.UNPROCESSABLE);
        }
        throw MetaErrors.mediaRefusal(id, ((Media.Failed) fromMeta).outcome());
    }

    /**
     * {@code POST /media?id=<client id>&filename=<name>} with the file as the body and its
     * Content-Type: {@code {id, uri, expires}}.
     */
    ResourceResponse upload(Bot bot, byte[] body, String contentType, Map<String, String> query) {
        String clientId = blankToNull(query.get("id"));
        String filename = blankToNull(query.get("filename"));
        MediaService.Upload upload = media.upload(bot, clientId, contentType, filename == null ? "file" : filename, body,
                maxBytes);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", upload.mediaId());
        answer.put("uri", uri(upload.mediaId()));
        answer.put("expires", upload.expires().toString());
        return new ResourceResponse(201, "application/json", answer);
    }

    /** wagw's address of a media file: what inbound media-links and upload answers carry. */
    public String uri(String mediaId) {
        return publicBase.url() + InboundRenderer.MEDIA_PATH + mediaId;
    }

    /**
     * The media id of a uri that is wagw's own {@code /media/{id}}, or null when it is any other
     * address (a link Meta fetches itself).
     */
    public String mediaIdOf(String uri) {
        String prefix = publicBase.url() + InboundRenderer.MEDIA_PATH;
        if (uri == null || !uri.strip().startsWith(prefix)) {
            return null;
        }
        String id = uri.strip().substring(prefix.length());
        return id.isEmpty() ? null : id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
