package net.wagw.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptInStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link OptInStore} on the opt-ins table: the current state under sk "current", each change under
 * "history#&lt;epoch ms&gt;#&lt;uuid&gt;". The history item is written first: a failure between the two
 * writes leaves a change in the history that the current state lacks, never the reverse.
 */
public final class DynamoOptInStore implements OptInStore {
    private static final String CURRENT = "current";
    private static final String HISTORY = "history#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOptInStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.OPT_INS);
    }

    @Override
    public Optional<OptInChange> current(String botId, ContactKey customer) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, customer.value())),
                        Tables.SK, AttributeValue.fromS(CURRENT)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public void record(String botId, ContactKey customer, OptInChange change) {
        String pk = Tables.key(botId, customer.value());
        String historyKey = HISTORY + String.format("%015d", change.at().toEpochMilli()) + "#" + UUID.randomUUID();
        dynamo.putItem(r -> r.tableName(table).item(write(pk, historyKey, change)));
        dynamo.putItem(r -> r.tableName(table).item(write(pk, CURRENT, change)));
    }

    @Override
    public List<OptInChange> history(String botId, ContactKey customer) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :history)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Tables.key(botId, customer.value())),
                        ":history", AttributeValue.fromS(HISTORY))))
                .items().stream().map(DynamoOptInStore::read).toList();
    }

    private static Map<String, AttributeValue> write(String pk, String sk, OptInChange change) {
        Map<String, AttributeValue> item = Item.create().s(Tables.PK, pk).s(Tables.SK, sk).bool("active", change.active())
                .s("source", change.source()).s("text", change.text()).s("by", change.by()).millis("at", change.at())
                .build();
        if (!change.categories().isEmpty()) {
            item.put("categories", AttributeValue.fromSs(List.copyOf(change.categories())));
        }
        return item;
    }

    private static OptInChange read(Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        AttributeValue categories = values.get("categories");
        return new OptInChange(item.bool("active"), categories == null ? java.util.Set.of() : new HashSet<>(categories.ss()),
                item.s("source"), item.s("text"), item.s("by"), item.millis("at"));
    }
}
