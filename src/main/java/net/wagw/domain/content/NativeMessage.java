package net.wagw.domain.content;

import java.util.Objects;

/**
 * A Cloud API message object the bot wrote itself (BLiP's "dynamic content"), passed through.
 *
 * @param type            its {@code type}: interactive, contacts, image, ...
 * @param interactiveType its {@code interactive.type} when interactive, else null
 * @param json            the object, without {@code messaging_product}, {@code recipient_type} and {@code to}
 */
public record NativeMessage(String type, String interactiveType, String json) implements Content {
    public NativeMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
    }
}
