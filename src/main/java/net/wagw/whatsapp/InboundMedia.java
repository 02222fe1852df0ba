package net.wagw.whatsapp;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.inbound.InboundMessage;

/** The media file an inbound message carries: Meta's {@code <type>.id} and {@code mime_type}. */
public record InboundMedia(String mediaId, String mimeType) {
    private static final Set<String> TYPES = Set.of("image", "video", "audio", "document", "sticker");

    public static Optional<InboundMedia> of(ObjectMapper json, InboundMessage message) {
        if (!TYPES.contains(message.type())) {
            return Optional.empty();
        }
        JsonNode media;
        try {
            media = json.readTree(message.rawJson()).path(message.type());
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode id = media.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return Optional.empty();
        }
        JsonNode mime = media.get("mime_type");
        return Optional.of(new InboundMedia(id.asText(), mime == null ? null : mime.asText()));
    }
}
