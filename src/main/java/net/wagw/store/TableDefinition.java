package net.wagw.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One DynamoDB table as wagw uses it: string keys, on-demand capacity. The single source for the
 * tables that local runs and tests create and that {@code infra/template.yaml} declares (a test
 * holds them equal).
 *
 * @param name         the logical name; the physical one is prefix + name
 * @param partitionKey the partition key attribute (type S)
 * @param sortKey      the sort key attribute (type S), if any
 * @param ttlAttribute the epoch-seconds attribute DynamoDB TTL deletes by, if any; code never
 *                     relies on it (docs/contracts.md §1) and compares expiry times on every read
 * @param indexes      global secondary indexes (all attributes projected)
 */
public record TableDefinition(String name, String partitionKey, String sortKey, String ttlAttribute,
        List<Index> indexes) {

    /** A global secondary index with a string partition key and a number sort key. */
    public record Index(String name, String partitionKey, String numberSortKey) {
    }

    public TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partitionKey, "partitionKey");
        indexes = List.copyOf(indexes);
    }

    public TableDefinition(String name, String partitionKey, String sortKey, String ttlAttribute) {
        this(name, partitionKey, sortKey, ttlAttribute, List.of());
    }

    public Optional<String> sortKeyAttribute() {
        return Optional.ofNullable(sortKey);
    }

    public Optional<String> ttl() {
        return Optional.ofNullable(ttlAttribute);
    }
}
