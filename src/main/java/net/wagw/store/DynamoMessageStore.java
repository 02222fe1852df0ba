package net.wagw.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.send.MessageKind;
import net.wagw.domain.send.MessageStore;
import net.wagw.domain.send.OutboundMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link MessageStore} on the messages table. Unsettled messages carry {@code dueBot}, which puts
 * them in the sparse "due" index that dispatch queries; every write after the first is
 * conditional on the version read, so two writers never both win.
 */
public final class DynamoMessageStore implements MessageStore {
    /** Long enough for any retry of the same envelope id by a bot, and for status webhooks. */
    private static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMessageStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.MESSAGES);
    }

    @Override
    public boolean create(OutboundMessage message) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(write(message)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Optional<OutboundMessage> find(String botId, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, id))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public boolean replace(OutboundMessage updated) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(write(updated))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected",
                            AttributeValue.fromN(Long.toString(updated.version() - 1)))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public List<OutboundMessage> due(String botId, Instant now, int limit) {
        return dynamo.query(r -> r.tableName(table).indexName(Tables.DUE_INDEX).limit(limit)
                .keyConditionExpression("#bot = :bot AND #next <= :now")
                .expressionAttributeNames(Map.of("#bot", Tables.DUE_BOT, "#next", Tables.NEXT_ATTEMPT_AT))
                .expressionAttributeValues(Map.of(":bot", AttributeValue.fromS(botId),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())))))
                .items().stream().map(DynamoMessageStore::read).toList();
    }

    private static Map<String, AttributeValue> write(OutboundMessage m) {
        Item item = Item.create()
                .s(Tables.PK, Tables.key(m.botId(), m.id()))
                .s("botId", m.botId()).s("id", m.id())
                .s("recipient", m.recipientNode()).s("to", m.to()).bool("group", m.group())
                .s("kind", m.kind().name()).s("payload", m.payloadJson()).s("fingerprint", m.fingerprint())
                .s("state", m.state().name()).n("attempts", m.attempts())
                .millis("createdAt", m.createdAt()).millis(Tables.NEXT_ATTEMPT_AT, m.nextAttemptAt())
                .bool("accepted", m.accepted()).s("wamid", m.wamid())
                .n("failureCode", m.failureCode()).s("failureKind", m.failureKind())
                .s("failureDescription", m.failureDescription()).s("lastError", m.lastError())
                .n("version", m.version())
                .seconds(Tables.EXPIRES_AT, m.createdAt().plus(KEEP));
        if (!m.isSettled()) {
            item.s(Tables.DUE_BOT, m.botId());
        }
        return item.build();
    }

    private static OutboundMessage read(Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        return new OutboundMessage(i.s("botId"), i.s("id"), i.s("recipient"), i.s("to"), i.bool("group"),
                MessageKind.valueOf(i.s("kind")), i.s("payload"), i.s("fingerprint"),
                OutboundMessage.State.valueOf(i.s("state")), (int) i.number("attempts", 0), i.millis("createdAt"),
                i.millis(Tables.NEXT_ATTEMPT_AT), i.bool("accepted"), i.s("wamid"), (int) i.number("failureCode", 0),
                i.s("failureKind"), i.s("failureDescription"), i.s("lastError"), i.number("version", 0));
    }
}
