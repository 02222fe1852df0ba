package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

import net.wagw.config.WagwConfig;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.send.Media;
import net.wagw.domain.send.MetaOutcome;
import net.wagw.domain.send.WhatsAppApi;

/**
 * {@code GET /media/{id}} (docs/contracts.md §3.5): the bytes of a file a customer sent, streamed from Meta
 * with its content type. A Lambda response carries at most 6 MB, base64 included, so larger files
 * are refused with a reason.
 */
@ApplicationScoped
public class MediaResource {
    private final WhatsAppApi meta;
    private final long maxBytes;

    public MediaResource(WhatsAppApi meta, WagwConfig config) {
        this.meta = meta;
        this.maxBytes = config.http().maxMediaBytes();
    }

    ResourceResponse get(ResourceRequest request) {
        String id = request.pathParameter("id");
        if (id == null || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "'" + id + "' is not a WhatsApp media id (digits only).");
        }
        Media media = meta.media(id, maxBytes);
        if (media instanceof Media.Found found) {
            return ResourceResponse.binary(found.contentType(), found.bytes());
        }
        if (media instanceof Media.TooLarge tooLarge) {
            throw new Refusal(Reason.PROCESSING_ERROR, "Media " + id + " has " + tooLarge.size() + " bytes; this gateway "
                    + "answers at most " + maxBytes + " (AWS Lambda's 6 MB response limit).", Refusal.Kind.UNPROCESSABLE);
        }
        MetaOutcome outcome = ((Media.Failed) media).outcome();
        if (outcome instanceof MetaOutcome.Error error && error.httpStatus() / 100 == 4) {
            throw new Refusal(Reason.RESOURCE_NOT_FOUND, "Meta has no media " + id + " (#" + error.code() + ")"
                    + (error.message() == null ? "" : ": " + error.message()), Refusal.Kind.NOT_FOUND);
        }
        throw new Refusal(Reason.GATEWAY_ERROR, "Meta did not give media " + id + " just now; try again.",
                Refusal.Kind.UNAVAILABLE);
    }
}
