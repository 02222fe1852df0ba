package net.wagw.testing;

import java.util.List;
import java.util.Map;

import net.wagw.store.TableDefinition;
import net.wagw.store.TableNames;
import net.wagw.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every item of every wagw table, to assert that a refused request changed nothing. */
public final class TableSnapshot {
    private TableSnapshot() {
    }

    public static Map<String, List<Map<String, AttributeValue>>> of(DynamoDbClient dynamo) {
        TableNames names = new TableNames(DynaliteResource.TABLE_PREFIX);
        java.util.Map<String, List<Map<String, AttributeValue>>> all = new java.util.TreeMap<>();
        for (TableDefinition table : Tables.ALL) {
            all.put(table.name(), dynamo.scanPaginator(r -> r.tableName(names.of(table))).items().stream().toList());
        }
        return all;
    }
}
