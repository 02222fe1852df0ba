package net.wagw.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.window.WindowStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link WindowStore} on the windows table: one item per customer, moved only forwards. */
public final class DynamoWindowStore implements WindowStore {
    /** Kept past the window itself, for the 72-hour free entry point and for audits. */
    private static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWindowStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.WINDOWS);
    }

    @Override
    public Optional<Instant> lastInbound(String botId, ContactKey customer) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, customer.value()))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Item.of(item).millis("lastInboundAt"));
    }

    @Override
    public Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, customer.value()))))).item();
        if (item == null || item.isEmpty() || Item.of(item).millis("lastInboundAt") == null) {
            return Optional.empty();
        }
        AttributeValue wamid = item.get("lastWamid");
        return Optional.of(new LastInbound(Item.of(item).millis("lastInboundAt"), wamid == null ? null : wamid.s()));
    }

    @Override
    public void recordInbound(String botId, ContactKey customer, Instant at, String wamid) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())),
                ":expiresAt", AttributeValue.fromN(Long.toString(at.plus(KEEP).getEpochSecond()))));
        if (wamid != null) {
            values.put(":wamid", AttributeValue.fromS(wamid));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, customer.value()))))
                    .updateExpression("SET lastInboundAt = :at, #expiresAt = :expiresAt"
                            + (wamid == null ? " REMOVE lastWamid" : ", lastWamid = :wamid"))
                    .conditionExpression("attribute_not_exists(lastInboundAt) OR lastInboundAt < :at")
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException later) {
            // a later message already holds the window open: out-of-order deliveries never shorten it
        }
    }
}
