package net.wagw.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import net.wagw.domain.content.TypedValue;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.StatusUpdate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes that track a sent message's statuses, on its messages item or (for what that
 * item cannot hold) a statuses item: the furthest rank reached, its content kind and what its
 * options return (for replies), the billed mark, and a status kept before the message was tracked
 * (a group participant's names its participant).
 */
final class MessageTracking {
    static final String RANK = "rank";
    static final String CONTENT = "content";
    static final String REPLIES = "replies";
    static final String BILLED = "billed";
    static final String KEPT = "kept";
    static final String KEPT_RANK = "keptRank";
    /** The group participants whose statuses were kept (each on its participant item) before the message was tracked. */
    static final String KEPT_PARTICIPANTS = "keptParticipants";

    private MessageTracking() {
    }

    static AttributeValue replies(Map<String, TypedValue> replies) {
        Map<String, AttributeValue> stored = new HashMap<>();
        replies.forEach((id, value) -> stored.put(id, AttributeValue.fromM(Map.of(
                "type", AttributeValue.fromS(value.type()), "json", AttributeValue.fromS(value.json())))));
        return AttributeValue.fromM(stored);
    }

    static Map<String, TypedValue> replies(AttributeValue stored) {
        Map<String, TypedValue> replies = new HashMap<>();
        if (stored != null && stored.hasM()) {
            stored.m().forEach((id, value) -> replies.put(id, new TypedValue(value.m().get("type").s(),
                    value.m().get("json").s())));
        }
        return replies;
    }

    /** A status kept for a message not tracked yet. */
    static AttributeValue kept(StatusUpdate status) {
        Map<String, AttributeValue> kept = new HashMap<>(Item.create().s("status", status.status().name())
                .s("wamid", status.wamid()).s("phoneNumberId", status.phoneNumberId())
                .n("at", status.timestamp().getEpochSecond()).n("code", status.errorCode())
                .s("recipient", status.recipientId()).s("recipientUserId", status.recipientUserId())
                .s("text", status.errorText()).s("callbackData", status.callbackData())
                .s("participant", status.participantId()).build());
        Map<String, AttributeValue> pricing = new HashMap<>();
        status.pricing().forEach((k, v) -> pricing.put(k, AttributeValue.fromS(v)));
        kept.put("pricing", AttributeValue.fromM(pricing));
        return AttributeValue.fromM(kept);
    }

    /** @param wamid the wamid of the item it was kept in (kept maps written before carried none) */
    static StatusUpdate kept(String wamid, AttributeValue stored) {
        Map<String, AttributeValue> kept = stored.m();
        Map<String, String> pricing = new HashMap<>();
        AttributeValue meta = kept.get("pricing");
        if (meta != null && meta.hasM()) {
            meta.m().forEach((k, v) -> pricing.put(k, v.s()));
        }
        String keptWamid = s(kept, "wamid");
        return new StatusUpdate(s(kept, "phoneNumberId"), keptWamid == null ? wamid : keptWamid,
                status(s(kept, "status")), Instant.ofEpochSecond(Long.parseLong(kept.get("at").n())),
                s(kept, "recipient"), s(kept, "participant"), Integer.parseInt(kept.get("code").n()), s(kept, "text"),
                s(kept, "recipientUserId"), pricing, s(kept, "callbackData"));
    }

    /** Kept as the status's name (items kept before the names were Meta's lower-case words read alike). */
    private static MessageStatus status(String name) {
        try {
            return MessageStatus.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return MessageStatus.OTHER;
        }
    }

    static String s(Map<String, AttributeValue> map, String name) {
        AttributeValue v = map.get(name);
        return v == null ? null : v.s();
    }
}
