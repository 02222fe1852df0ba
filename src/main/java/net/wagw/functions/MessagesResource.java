package net.wagw.functions;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.content.Content;
import net.wagw.domain.send.RenderedMessage;
import net.wagw.domain.send.SendRequest;
import net.wagw.domain.send.SendService;
import net.wagw.lime.LimeContentParser;
import net.wagw.whatsapp.OutboundRenderer;

/** {@code POST /messages} (docs/contracts.md §3.3) and {@code POST /notifications} from the bot (3.4). */
@ApplicationScoped
public class MessagesResource {
    private final SendService sending;
    private final OutboundRenderer renderer;
    private final LimeContentParser parser;

    public MessagesResource(SendService sending, OutboundRenderer renderer, ObjectMapper json) {
        this.sending = sending;
        this.renderer = renderer;
        this.parser = new LimeContentParser(json);
    }

    ResourceResponse send(ResourceRequest request) {
        JsonNode envelope = Bodies.object(request.body(), "a LIME message envelope {id, to, type, content}");
        String id = Bodies.text(envelope, "id").filter(s -> !s.isBlank()).orElseGet(() -> UUID.randomUUID().toString());
        String to = Bodies.text(envelope, "to").orElse(null);
        String type = Bodies.text(envelope, "type").orElse(null);
        Map<String, String> metadata = Bodies.metadata(envelope);
        Content content = parser.parse(type, envelope.get("content"), metadata);
        RenderedMessage rendered = renderer.render(content, metadata);
        String accepted = sending.send(request.bot(), SendRequest.of(id, to, rendered, metadata));
        return new ResourceResponse(202, null, Map.of("id", accepted));
    }

    ResourceResponse notification(ResourceRequest request) {
        JsonNode envelope = Bodies.object(request.body(), "a LIME notification envelope {id, event}");
        String id = Bodies.text(envelope, "id").filter(s -> !s.isBlank()).orElseThrow(() -> new Refusal(
                Reason.VALIDATION_ERROR, "The notification has no id: give the id of the message it is about."));
        String event = Bodies.text(envelope, "event").orElse("");
        switch (event) {
            case "consumed" -> sending.markRead(request.bot(), id);
            // WhatsApp has no receipt for these; the bot may send them as it would to BLiP
            case "received", "accepted", "dispatched" -> {
            }
            default -> throw new Refusal(Reason.VALIDATION_ERROR, "'" + event + "' is not a notification event wagw "
                    + "takes; send \"consumed\" to mark a message read.");
        }
        return new ResourceResponse(202, null, Map.of("id", id));
    }
}
