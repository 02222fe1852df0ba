package net.wagw.domain.send;

import java.util.Map;
import java.util.Objects;

/**
 * A bot's message to send.
 *
 * @param id          the envelope id: the idempotency key per bot
 * @param to          the recipient node as the bot named it
 * @param fingerprint a digest of what was asked, to tell a repeat from a different message
 */
public record SendRequest(String id, String to, RenderedMessage message, String fingerprint) {
    public SendRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    public static SendRequest of(String id, String to, RenderedMessage message, Map<String, String> metadata) {
        return new SendRequest(id, to, message, Fingerprint.of(to, message.content(), metadata));
    }
}
