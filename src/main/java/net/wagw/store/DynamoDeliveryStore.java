package net.wagw.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.DeliveryStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link DeliveryStore} on the deliveries table. Dead letters carry {@code deadBot} (the sparse "dead" index) and never
 * expire, so they stay visible until re-driven.
 */
public final class DynamoDeliveryStore implements DeliveryStore {
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final VersionedTable table;

    public DynamoDeliveryStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.tableName = names.of(Tables.DELIVERIES);
        this.table = new VersionedTable(dynamo, tableName);
    }

    @Override
    public boolean create(Delivery delivery) {
        return table.create(write(delivery));
    }

    /**
     * One update that sets each attribute only if absent, handing back the item as it was: an
     * empty one means this delivery was stored now; a stored one keeps every attribute it had
     * (each attribute a new delivery writes, every stored one has).
     */
    @Override
    public Optional<Delivery> createOrFind(Delivery delivery) {
        Map<String, AttributeValue> item = write(delivery);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            if (attribute.getKey().equals(Tables.PK)) {
                continue;
            }
            names.put("#a" + i, attribute.getKey());
            values.put(":a" + i, attribute.getValue());
            set.add("#a" + i + " = if_not_exists(#a" + i + ", :a" + i + ")");
            i++;
        }
        Map<String, AttributeValue> old = dynamo.updateItem(r -> r.tableName(tableName)
                .key(Map.of(Tables.PK, item.get(Tables.PK)))
                .updateExpression("SET " + String.join(", ", set))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(read(old));
    }

    @Override
    public Optional<Delivery> find(String botId, String id) {
        return table.find(Tables.key(botId, id)).map(DynamoDeliveryStore::read);
    }

    @Override
    public boolean replace(Delivery updated) {
        return table.replace(write(updated), updated.version());
    }

    @Override
    public List<Delivery> dead(String botId, int limit) {
        return dynamo.query(r -> r.tableName(tableName).indexName(Tables.DEAD_INDEX).limit(limit)
                .keyConditionExpression("#dead = :bot")
                .expressionAttributeNames(Map.of("#dead", Tables.DEAD_BOT))
                .expressionAttributeValues(Map.of(":bot", AttributeValue.fromS(botId))))
                .items().stream().map(DynamoDeliveryStore::read).toList();
    }

    private static Map<String, AttributeValue> write(Delivery d) {
        Item item = Item.create()
                .s(Tables.PK, Tables.key(d.botId(), d.id()))
                .s("botId", d.botId()).s("id", d.id()).s("target", d.target().name()).s("body", d.body())
                .s("state", d.state().name()).n("attempts", d.attempts())
                .millis("createdAt", d.createdAt()).millis(Tables.NEXT_ATTEMPT_AT, d.nextAttemptAt())
                .s("lastError", d.lastError()).n("version", d.version());
        switch (d.state()) {
            case PENDING -> {
            }
            case DEAD -> item.s(Tables.DEAD_BOT, d.botId());
            case DELIVERED -> item.seconds(Tables.EXPIRES_AT, d.nextAttemptAt().plus(KEEP_DELIVERED));
        }
        return item.build();
    }

    private static Delivery read(Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        return new Delivery(i.s("botId"), i.s("id"), Delivery.Target.valueOf(i.s("target")), i.s("body"),
                Delivery.State.valueOf(i.s("state")), (int) i.number("attempts", 0), i.millis("createdAt"),
                i.millis(Tables.NEXT_ATTEMPT_AT), i.s("lastError"), i.number("version", 0));
    }
}
