package net.wagw.domain.send;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A status of a message the business sent (docs/contracts.md §3.4): Meta's {@code statuses[]} entry.
 *
 * @param status          sent, delivered, read, played or failed (or anything else Meta invents: not told)
 * @param recipientId     the customer's wa_id (or the group id for group messages); null when Meta names
 *                        the customer only by business-scoped user id
 * @param participantId   for group messages: the participant this status is about, else null
 * @param errorCode       for failed: Meta's error code, else 0
 * @param errorText       for failed: Meta's title and details, else null
 * @param recipientUserId the customer's business-scoped user id ({@code recipient_user_id}), if sent
 * @param pricing         Meta's {@code pricing} and {@code conversation} as the bot's metadata
 *                        ({@code #wa.pricing.category}, {@code #wa.conversation.id}, ...); empty when not priced
 * @param callbackData    the message's {@code biz_opaque_callback_data} as Meta echoes it, or null
 */
public record StatusUpdate(String phoneNumberId, String wamid, MessageStatus status, Instant timestamp, String recipientId,
        String participantId, int errorCode, String errorText, String recipientUserId, Map<String, String> pricing,
        String callbackData) {
    public StatusUpdate {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        pricing = pricing == null ? Map.of() : Map.copyOf(pricing);
    }

    public StatusUpdate(String phoneNumberId, String wamid, MessageStatus status, Instant timestamp, String recipientId,
            String participantId, int errorCode, String errorText, String recipientUserId, Map<String, String> pricing) {
        this(phoneNumberId, wamid, status, timestamp, recipientId, participantId, errorCode, errorText, recipientUserId,
                pricing, null);
    }

    public StatusUpdate(String phoneNumberId, String wamid, MessageStatus status, Instant timestamp, String recipientId,
            String participantId, int errorCode, String errorText) {
        this(phoneNumberId, wamid, status, timestamp, recipientId, participantId, errorCode, errorText, null, Map.of());
    }

    /** Whether Meta bills this message ({@code pricing.billable}). */
    public boolean billable() {
        return "true".equalsIgnoreCase(pricing.get(PRICING_BILLABLE));
    }

    public static final String PRICING_BILLABLE = "#wa.pricing.billable";
    public static final String PRICING_CATEGORY = "#wa.pricing.category";
    public static final String PRICING_TYPE = "#wa.pricing.type";
}
