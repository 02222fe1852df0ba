package net.wagw.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the tables of {@link Tables#ALL} that do not exist yet. For local runs and tests only:
 * in AWS the SAM template owns the tables.
 */
public final class TableInstaller {
    private TableInstaller() {
    }

    public static void createMissing(DynamoDbClient dynamo, TableNames names) {
        Set<String> existing = Set.copyOf(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (TableDefinition table : Tables.ALL) {
            if (!existing.contains(names.of(table))) {
                dynamo.createTable(createRequest(table, names));
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(names.of(table)));
            }
        }
    }

    static CreateTableRequest createRequest(TableDefinition table, TableNames names) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(table.partitionKey()).keyType(KeyType.HASH).build());
        attributes.add(stringAttribute(table.partitionKey()));
        table.sortKeyAttribute().ifPresent(sk -> {
            keys.add(KeySchemaElement.builder().attributeName(sk).keyType(KeyType.RANGE).build());
            attributes.add(stringAttribute(sk));
        });
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableDefinition.Index index : table.indexes()) {
            if (attributes.stream().noneMatch(a -> a.attributeName().equals(index.partitionKey()))) {
                attributes.add(stringAttribute(index.partitionKey()));
            }
            attributes.add(AttributeDefinition.builder().attributeName(index.numberSortKey())
                    .attributeType(ScalarAttributeType.N).build());
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(KeySchemaElement.builder().attributeName(index.partitionKey()).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(index.numberSortKey()).keyType(KeyType.RANGE).build())
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(names.of(table))
                .keySchema(keys)
                .attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
