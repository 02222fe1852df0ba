package net.wagw.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.content.TypedValue;
import net.wagw.domain.send.MessageStatus;
import net.wagw.domain.send.StatusUpdate;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StatusStore} on the statuses table: pk bot#wamid, the message's envelope id and recipient,
 * and the rank reached, moved by one conditional update per status (forward only). A group
 * participant's rank lives in its own item, pk bot#wamid#participant. A status of a wamid with no
 * message yet is kept in the same item ({@code kept*} attributes, the furthest one), and handed back
 * by {@link #track}: the item exists then without {@code messageId}.
 */
public final class DynamoStatusStore implements StatusStore {
    private static final Duration KEEP = Duration.ofDays(30);
    private static final String MESSAGE_ID = "messageId";
    private static final String KEPT = "kept";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoStatusStore(DynamoDbClient dynamo, TableNames names, Clock clock) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.STATUSES);
        this.clock = clock;
    }

    @Override
    public Optional<StatusUpdate> track(String botId, String wamid, String recipientNode, SentMessage sent) {
        StringBuilder update = new StringBuilder("SET messageId = :m, recipient = :r, #rank = if_not_exists(#rank, :zero), "
                + "#content = :content, #expiresAt = :expiresAt");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":m", AttributeValue.fromS(sent.envelopeId()),
                ":r", AttributeValue.fromS(recipientNode), ":zero", AttributeValue.fromN("0"),
                ":content", AttributeValue.fromS(sent.contentKind()), ":expiresAt", expiry()));
        if (!sent.replies().isEmpty()) {
            Map<String, AttributeValue> replies = new HashMap<>();
            sent.replies().forEach((id, value) -> replies.put(id, AttributeValue.fromM(Map.of(
                    "type", AttributeValue.fromS(value.type()), "json", AttributeValue.fromS(value.json())))));
            update.append(", #replies = :replies");
            values.put(":replies", AttributeValue.fromM(replies));
        }
        Map<String, AttributeValue> old = dynamo.updateItem(r -> r.tableName(table)
                .key(key(Tables.key(botId, wamid)))
                .updateExpression(update.toString())
                .expressionAttributeNames(sent.replies().isEmpty()
                        ? Map.of("#rank", "rank", "#expiresAt", Tables.EXPIRES_AT, "#content", "content")
                        : Map.of("#rank", "rank", "#expiresAt", Tables.EXPIRES_AT, "#content", "content",
                                "#replies", "replies"))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        if (old == null || !old.containsKey(KEPT) || !old.get(KEPT).hasM() || old.containsKey(MESSAGE_ID)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> kept = old.get(KEPT).m();
        Map<String, String> pricing = new HashMap<>();
        AttributeValue meta = kept.get("pricing");
        if (meta != null && meta.hasM()) {
            meta.m().forEach((k, v) -> pricing.put(k, v.s()));
        }
        return Optional.of(new StatusUpdate(s(kept, "phoneNumberId"), wamid, status(s(kept, "status")),
                Instant.ofEpochSecond(Long.parseLong(kept.get("at").n())), s(kept, "recipient"), null,
                Integer.parseInt(kept.get("code").n()), s(kept, "text"), s(kept, "recipientUserId"), pricing));
    }

    @Override
    public boolean keep(String botId, StatusUpdate status, int rank) {
        Map<String, AttributeValue> kept = new HashMap<>(Item.create().s("status", status.status().name())
                .s("phoneNumberId", status.phoneNumberId()).n("at", status.timestamp().getEpochSecond())
                .n("code", status.errorCode()).s("recipient", status.recipientId())
                .s("recipientUserId", status.recipientUserId()).s("text", status.errorText()).build());
        Map<String, AttributeValue> pricing = new HashMap<>();
        status.pricing().forEach((k, v) -> pricing.put(k, AttributeValue.fromS(v)));
        kept.put("pricing", AttributeValue.fromM(pricing));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(Tables.key(botId, status.wamid())))
                    .updateExpression("SET kept = :kept, keptRank = :rank, #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(messageId) AND "
                            + "(attribute_not_exists(keptRank) OR keptRank < :rank)")
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":kept", AttributeValue.fromM(kept),
                            ":rank", AttributeValue.fromN(Integer.toString(rank)), ":expiresAt", expiry())));
            return true;
        } catch (ConditionalCheckFailedException notKept) {
            return !exists(Tables.key(botId, status.wamid()));
        }
    }

    /** Kept as the status's name (items kept before the names were Meta's lower-case words read alike). */
    private static MessageStatus status(String name) {
        try {
            return MessageStatus.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return MessageStatus.OTHER;
        }
    }

    private static String s(Map<String, AttributeValue> map, String name) {
        AttributeValue v = map.get(name);
        return v == null ? null : v.s();
    }

    @Override
    public Optional<SentMessage> sent(String botId, String wamid) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, wamid))))).item();
        if (item == null || !item.containsKey("messageId")) {
            return Optional.empty();
        }
        Map<String, TypedValue> replies = new HashMap<>();
        AttributeValue stored = item.get("replies");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((id, value) -> replies.put(id, new TypedValue(value.m().get("type").s(),
                    value.m().get("json").s())));
        }
        AttributeValue content = item.get("content");
        return Optional.of(new SentMessage(item.get("messageId").s(), content == null ? "" : content.s(), replies));
    }

    @Override
    public Advance advance(String botId, String wamid, String participant, int rank) {
        return advance(botId, wamid, participant, rank, false);
    }

    /** A priced status also sets {@code billed} to a token of its own if unset: the message is billed by this write. */
    @Override
    public Advance advance(String botId, String wamid, String participant, int rank, boolean priced) {
        String base = Tables.key(botId, wamid);
        if (participant == null) {
            return advance(base, rank, "attribute_exists(messageId) AND #rank < :rank", Map.of(),
                    priced ? java.util.UUID.randomUUID().toString() : null);
        }
        Map<String, AttributeValue> message = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(base))).item();
        if (message == null || !message.containsKey(MESSAGE_ID)) {
            return new Unknown();
        }
        // the participant's item is made on its first status, carrying the message's ids along
        return advance(base + "#" + participant, rank, "attribute_not_exists(#rank) OR #rank < :rank", Map.of(
                MESSAGE_ID, message.get(MESSAGE_ID), "recipient", message.get("recipient")), null);
    }

    /**
     * Marks a message billed, once: {@code true} for the first status that brings its pricing.
     */
    boolean markBilled(String botId, String wamid) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(Tables.key(botId, wamid)))
                    .updateExpression("SET billed = :yes, #expiresAt = if_not_exists(#expiresAt, :expiresAt)")
                    .conditionExpression("attribute_not_exists(billed)")
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":expiresAt", expiry())));
            return true;
        } catch (ConditionalCheckFailedException counted) {
            return false;
        }
    }

    private Advance advance(String pk, int rank, String condition, Map<String, AttributeValue> copied,
            String billedToken) {
        StringBuilder update = new StringBuilder("SET #rank = :rank, #expiresAt = :expiresAt");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":rank", AttributeValue.fromN(Integer.toString(rank)), ":expiresAt", expiry()));
        copied.forEach((name, value) -> {
            update.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, value);
        });
        if (billedToken != null) {
            update.append(", billed = if_not_exists(billed, :billed)");
            values.put(":billed", AttributeValue.fromS(billedToken));
        }
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table)
                    .key(key(pk))
                    .updateExpression(update.toString())
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#rank", "rank", "#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            AttributeValue billed = item.get("billed");
            return new Advanced(item.get(MESSAGE_ID).s(), item.get("recipient").s(), billedToken == null
                    ? Billed.NOT_MARKED : billedToken.equals(billed.s()) ? Billed.NOW : Billed.BEFORE);
        } catch (ConditionalCheckFailedException notForward) {
            return exists(pk) ? new Stale() : new Unknown();
        }
    }

    /** Whether a tracked message (not just a kept status) has this key. */
    private boolean exists(String pk) {
        Map<String, AttributeValue> existing = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(pk))).item();
        return existing != null && existing.containsKey(MESSAGE_ID);
    }

    private AttributeValue expiry() {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond()));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk));
    }
}
