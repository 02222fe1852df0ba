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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link OptInStore}: each change in the opt-ins table under "history#&lt;epoch ms&gt;#&lt;uuid&gt;", the
 * current state on the customer's item of the accounts table ({@link DynamoCustomerStore}), where
 * a send reads it with the window and the contact in one read. The history item is written first:
 * a failure between the two writes leaves a change in the history that the current state lacks,
 * never the reverse.
 */
public final class DynamoOptInStore implements OptInStore {
    private static final String CURRENT = "optIn";
    private static final String HISTORY = "history#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String customers;

    public DynamoOptInStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.OPT_INS);
        this.customers = names.of(Tables.ACCOUNTS);
    }

    @Override
    public Optional<OptInChange> current(String botId, ContactKey customer) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(customers).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, customer.value()))))).item();
        return item == null ? Optional.empty() : current(item);
    }

    /** The current consent kept on a customer's item of the accounts table. */
    static Optional<OptInChange> current(Map<String, AttributeValue> customerItem) {
        AttributeValue current = customerItem.get(CURRENT);
        return current == null || !current.hasM() ? Optional.empty() : Optional.of(read(current.m()));
    }

    @Override
    public void record(String botId, ContactKey customer, OptInChange change) {
        record(botId, customer, change, null);
    }

    /**
     * The current state is made so only on a customer's own item: an alias's history item written
     * first stays unread (history is read under the customer's own key), and the caller records
     * the change again there.
     */
    @Override
    public boolean recordIfOwnKey(String botId, ContactKey customer, OptInChange change) {
        try {
            record(botId, customer, change, "attribute_not_exists(canonical)");
            return true;
        } catch (ConditionalCheckFailedException alias) {
            return false;
        }
    }

    private void record(String botId, ContactKey customer, OptInChange change, String condition) {
        String pk = Tables.key(botId, customer.value());
        String historyKey = HISTORY + String.format("%015d", change.at().toEpochMilli()) + "#" + UUID.randomUUID();
        dynamo.putItem(r -> r.tableName(table).item(write(pk, historyKey, change)));
        Map<String, AttributeValue> current = write(pk, CURRENT, change);
        current.remove(Tables.PK);
        current.remove(Tables.SK);
        dynamo.updateItem(r -> r.tableName(customers).key(Map.of(Tables.PK, AttributeValue.fromS(pk)))
                .updateExpression("SET #current = :current").conditionExpression(condition)
                .expressionAttributeNames(Map.of("#current", CURRENT))
                .expressionAttributeValues(Map.of(":current", AttributeValue.fromM(current))));
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
