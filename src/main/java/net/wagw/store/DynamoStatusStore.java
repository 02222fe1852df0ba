package net.wagw.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import java.util.Optional;

import net.wagw.domain.content.TypedValue;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StatusStore} on the statuses table: pk bot#wamid, the message's envelope id and recipient,
 * and the rank reached, moved by one conditional update per status (forward only). A group
 * participant's rank lives in its own item, pk bot#wamid#participant.
 */
public final class DynamoStatusStore implements StatusStore {
    private static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoStatusStore(DynamoDbClient dynamo, TableNames names, Clock clock) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.STATUSES);
        this.clock = clock;
    }

    @Override
    public void track(String botId, String wamid, String recipientNode, SentMessage sent) {
        Map<String, AttributeValue> item = Item.create().s(Tables.PK, Tables.key(botId, wamid))
                .s("messageId", sent.envelopeId()).s("recipient", recipientNode).n("rank", 0)
                .s("content", sent.contentKind()).seconds(Tables.EXPIRES_AT, clock.instant().plus(KEEP)).build();
        if (!sent.replies().isEmpty()) {
            Map<String, AttributeValue> replies = new java.util.HashMap<>();
            sent.replies().forEach((id, value) -> replies.put(id, AttributeValue.fromM(Map.of(
                    "type", AttributeValue.fromS(value.type()), "json", AttributeValue.fromS(value.json())))));
            item = new java.util.HashMap<>(item);
            item.put("replies", AttributeValue.fromM(replies));
        }
        Map<String, AttributeValue> written = item;
        dynamo.putItem(r -> r.tableName(table).item(written));
    }

    @Override
    public Optional<SentMessage> sent(String botId, String wamid) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, wamid))))).item();
        if (item == null || !item.containsKey("messageId")) {
            return Optional.empty();
        }
        Map<String, TypedValue> replies = new java.util.HashMap<>();
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
        String base = Tables.key(botId, wamid);
        if (participant == null) {
            return advance(base, rank, "attribute_exists(pk) AND #rank < :rank", Map.of());
        }
        Map<String, AttributeValue> message = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(base)))).item();
        if (message == null || message.isEmpty()) {
            return new Unknown();
        }
        // the participant's item is made on its first status, carrying the message's ids along
        return advance(base + "#" + participant, rank, "attribute_not_exists(#rank) OR #rank < :rank", Map.of(
                "messageId", message.get("messageId"), "recipient", message.get("recipient")));
    }

    private Advance advance(String pk, int rank, String condition, Map<String, AttributeValue> copied) {
        StringBuilder update = new StringBuilder("SET #rank = :rank, #expiresAt = :expiresAt");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":rank", AttributeValue.fromN(Integer.toString(rank)),
                ":expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond()))));
        copied.forEach((name, value) -> {
            update.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, value);
        });
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(Tables.PK, AttributeValue.fromS(pk)))
                    .updateExpression(update.toString())
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#rank", "rank", "#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new Advanced(item.get("messageId").s(), item.get("recipient").s());
        } catch (ConditionalCheckFailedException notForward) {
            Map<String, AttributeValue> existing = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of(Tables.PK, AttributeValue.fromS(pk)))).item();
            return existing == null || existing.isEmpty() ? new Unknown() : new Stale();
        }
    }
}
