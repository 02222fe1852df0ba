package net.wagw.domain.inbound;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a customer sent to a business number, as Meta's webhook told it (docs/contracts.md §3.5).
 *
 * @param phoneNumberId the business number it was sent to ({@code metadata.phone_number_id})
 * @param wamid         Meta's message id: stored once, forwarded once
 * @param from          the sender's wa_id
 * @param profileName   {@code contacts[].profile.name}, if sent
 * @param userId        the 2026 {@code user_id} (business-scoped user id), if sent
 * @param timestamp     when the customer sent it (Meta's own timestamp, not arrival)
 * @param type          Meta's message type: text, image, interactive, button, ...
 * @param text          the text a stop keyword is looked for in: the body of a text message; null otherwise
 * @param groupId       Meta's group id when sent in a group, else null
 * @param rawJson       Meta's message object exactly as received
 * @param received      its content, read from it once
 * @param parentUserId  the parent business-scoped user id ({@code contacts[].parent_user_id}), if sent
 * @param username      the customer's WhatsApp username ({@code contacts[].profile.username}), if sent
 */
public record InboundMessage(String phoneNumberId, String wamid, String from, String profileName, String userId,
        Instant timestamp, String type, String text, String groupId, String rawJson,
        Received received, String parentUserId, String username) {
    public InboundMessage {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawJson, "rawJson");
        Objects.requireNonNull(received, "received");
    }

    /** The same message, in the group the bot knows by {@code id}. */
    public InboundMessage withGroupId(String id) {
        return new InboundMessage(phoneNumberId, wamid, from, profileName, userId, timestamp, type, text, id, rawJson,
                received, parentUserId, username);
    }
}
