package net.wagw.functions;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.Bounds;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.content.Content;
import net.wagw.domain.delivery.Outbox;
import net.wagw.domain.media.MediaLimits;
import net.wagw.domain.media.MediaService;
import net.wagw.domain.send.RenderedMessage;
import net.wagw.domain.send.SendRequest;
import net.wagw.domain.send.SendService;
import net.wagw.lime.LimeContentParser;
import net.wagw.whatsapp.OutboundRenderer;
import net.wagw.lime.Lime;

/** {@code POST /messages} (docs/contracts.md §3.3) and {@code POST /notifications} from the bot (3.4). */
@ApplicationScoped
public class MessagesResource {
    private final SendService sending;
    private final OutboundRenderer renderer;
    private final LimeContentParser parser;
    private final ObjectMapper json;

    private final MediaResource mediaRoutes;
    private final MediaService media;
    private final Outbox outbox;

    public MessagesResource(SendService sending, OutboundRenderer renderer, ObjectMapper json, MediaResource mediaRoutes,
            MediaService media, Outbox outbox) {
        this.sending = sending;
        this.outbox = outbox;
        this.renderer = renderer;
        this.parser = new LimeContentParser(json);
        this.json = json;
        this.mediaRoutes = mediaRoutes;
        this.media = media;
    }

    ResourceResponse send(ResourceRequest request) {
        JsonNode envelope = Bodies.object(request.body(), "a LIME message envelope {id, to, type, content}");
        String id = Bodies.text(envelope, "id").filter(s -> !s.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
        Bounds.check("id", id, Bounds.ENVELOPE_ID);
        String to = Bounds.check("to", Bodies.text(envelope, "to").orElse(null), Bounds.META_ID);
        String type = Bodies.text(envelope, "type").orElse(null);
        Map<String, String> metadata = Bodies.metadata(envelope);
        Content content = parser.parse(type, envelope.get("content"), metadata);
        RenderedMessage rendered = byMediaId(request.bot(), type, envelope.get("content"), renderer.render(content, metadata));
        String accepted = sending.send(request.bot(), SendRequest.of(id, to, rendered, metadata));
        return new ResourceResponse(202, null, Map.of("id", accepted));
    }

    ResourceResponse notification(ResourceRequest request) {
        JsonNode envelope = Bodies.object(request.body(), "a LIME notification envelope {id, event}");
        String id = Bodies.text(envelope, "id").filter(s -> !s.isBlank()).orElseThrow(() -> new Refusal(
                Reason.VALIDATION_ERROR, "The notification has no id: give the id of the message it is about."));
        String event = Bodies.text(envelope, "event").orElse("");
        switch (event) {
            case Lime.CONSUMED -> {
                // only a message that came to this bot (docs/contracts.md §3.4): another bot's wamid is refused
                if (Bounds.fits(id, Bounds.META_ID) && outbox.received(request.bot(), id)) {
                    sending.markRead(request.bot(), id);
                } else {
                    throw new Refusal(Reason.RESOURCE_NOT_FOUND, "No message with id '" + Bounds.shown(id)
                            + "' came to this bot; 'consumed' marks read only the bot's own inbound messages.",
                            Refusal.Kind.NOT_FOUND);
                }
            }
            // WhatsApp has no receipt for these; the bot may send them as it would to BLiP
            case Lime.RECEIVED, Lime.ACCEPTED, Lime.DISPATCHED -> {
            }
            default -> throw new Refusal(Reason.VALIDATION_ERROR, "'" + event + "' is not a notification event wagw "
                    + "takes; send \"consumed\" to mark a message read.");
        }
        return new ResourceResponse(202, null, Map.of("id", id));
    }

    /**
     * A media-link to a file the bot uploaded through wagw goes to Meta by its media id
     * (docs/contracts.md §11): Meta could not fetch wagw's uri, which needs the bot's key.
     */
    private RenderedMessage byMediaId(Bot bot, String type, JsonNode content, RenderedMessage rendered) {
        if (!net.wagw.lime.Lime.MEDIA_LINK.equals(MediaLimits.bare(type)) || content == null) {
            return rendered;
        }
        String id = mediaRoutes.mediaIdOf(content.path("uri").asText(null));
        if (id == null) {
            return rendered;
        }
        String metaId = media.uploadedMediaId(bot, id);
        try {
            ObjectNode payload = (ObjectNode) json.readTree(rendered.payloadJson());
            ObjectNode file = (ObjectNode) payload.get(payload.path("type").asText());
            file.remove("link");
            file.put("id", metaId);
            return new RenderedMessage(rendered.content(), java.util.List.of(json.writeValueAsString(payload)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a rendered payload is not JSON", e);
        }
    }
}
