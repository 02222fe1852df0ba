package net.wagw.store;

import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The item life wagw's outboxes share (messages to Meta, deliveries to bots): created once per
 * key, every later write conditional on the version read. Only single-item conditional writes: no transactions (docs/contracts.md §1).
 */
final class VersionedTable {
    private final DynamoDbClient dynamo;
    private final String table;

    VersionedTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores the item unless its key is taken; false (nothing changed) if it is. */
    boolean create(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    Optional<Map<String, AttributeValue>> find(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(pk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Stores the item if the stored version is still {@code version - 1}. */
    boolean replace(Map<String, AttributeValue> item, long version) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version - 1)))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }
}
