package net.wagw.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.identity.CustomerState;
import net.wagw.domain.identity.CustomerStates;
import net.wagw.domain.window.WindowStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per customer key on the accounts table (docs/storage.md): what was learned of the
 * customer (wa_id, name, BSUID, the key it is an alias of), their customer-service window and free
 * entry point, and their current consent ({@link DynamoOptInStore} writes it; the history stays in
 * its own table). A send reads it once; an inbound message writes it once. The window only moves
 * forward, by a condition on the same write.
 */
public final class DynamoCustomerStore implements ContactStore, WindowStore, CustomerStates {
    private static final String CANONICAL = "canonical";
    private static final String LAST_INBOUND_AT = "lastInboundAt";
    private static final String LAST_WAMID = "lastWamid";
    private static final String NOT_ALIAS = "attribute_not_exists(" + CANONICAL + ")";
    private static final String FORWARD = "(attribute_not_exists(" + LAST_INBOUND_AT + ") OR " + LAST_INBOUND_AT
            + " <= :at)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCustomerStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.ACCOUNTS);
    }

    @Override
    public Optional<CustomerState> read(String botId, ContactKey key) {
        return item(botId, key).map(DynamoCustomerStore::state);
    }

    static CustomerState state(Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        Optional<KnownContact> contact = values.containsKey("learnedAt") || values.containsKey(CANONICAL)
                ? Optional.of(new KnownContact(item.s("waId"), item.s("fullName"),
                        Instant.ofEpochMilli(item.number("learnedAt", 0)), item.s("bsuid"), item.s("parentId"),
                        item.s("username"), item.s(CANONICAL)))
                : Optional.empty();
        Instant last = item.millis(LAST_INBOUND_AT);
        return new CustomerState(contact, Optional.ofNullable(last).map(at -> new LastInbound(at, item.s(LAST_WAMID))),
                DynamoOptInStore.current(values));
    }

    @Override
    public boolean messaged(String botId, ContactKey key, KnownContact learned, Instant at, String wamid) {
        if (window(contactFields(learned), at, wamid).apply(botId, key, NOT_ALIAS + " AND " + FORWARD)) {
            return true;
        }
        if (item(botId, key).map(values -> values.containsKey(CANONICAL)).orElse(false)) {
            return false;
        }
        // a later message already holds the window: what this one taught is kept all the same
        return contactFields(learned).apply(botId, key, NOT_ALIAS);
    }

    @Override
    public Optional<KnownContact> find(String botId, ContactKey key) {
        return item(botId, key).flatMap(values -> state(values).contact());
    }

    @Override
    public void remember(String botId, ContactKey key, KnownContact contact) {
        // one write that keeps what this learning does not know (a BSUID learned earlier, an alias)
        contactFields(contact).apply(botId, key, null);
    }

    @Override
    public void rememberWaId(String botId, ContactKey key, String waId, Instant learnedAt) {
        remember(botId, key, new KnownContact(waId, null, learnedAt));
    }

    @Override
    public boolean rememberWaIdIfOwnKey(String botId, ContactKey key, String waId, Instant learnedAt) {
        return contactFields(new KnownContact(waId, null, learnedAt)).apply(botId, key, NOT_ALIAS);
    }

    @Override
    public Optional<Instant> lastInbound(String botId, ContactKey customer) {
        return read(botId, customer).flatMap(CustomerState::lastInboundAt);
    }

    @Override
    public Optional<LastInbound> lastInboundMessage(String botId, ContactKey customer) {
        return read(botId, customer).flatMap(CustomerState::lastInbound);
    }

    @Override
    public void recordInbound(String botId, ContactKey customer, Instant at, String wamid) {
        // a later message already holds the window open: out-of-order deliveries never shorten it
        window(new Update(), at, wamid).apply(botId, customer, FORWARD);
    }

    private Optional<Map<String, AttributeValue>> item(String botId, ContactKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(botId, key))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(String botId, ContactKey key) {
        return Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, key.value())));
    }

    /** The window's part of a write: the message's time and wamid (none: the stored one goes). */
    private static Update window(Update update, Instant at, String wamid) {
        update.set(LAST_INBOUND_AT, AttributeValue.fromN(Long.toString(at.toEpochMilli())), ":at");
        if (wamid == null) {
            update.remove(LAST_WAMID);
        } else {
            update.set(LAST_WAMID, AttributeValue.fromS(wamid), ":wamid");
        }
        return update;
    }

    /** SET of what is known (nulls leave the stored value), as the contact's one write. */
    private Update contactFields(KnownContact contact) {
        Update update = new Update();
        update.setIfPresent("waId", contact.waId());
        update.setIfPresent("fullName", contact.fullName());
        update.set("learnedAt", AttributeValue.fromN(Long.toString(contact.learnedAt().toEpochMilli())), ":learnedAt");
        update.setIfPresent("bsuid", contact.bsuid());
        update.setIfPresent("parentId", contact.parentId());
        update.setIfPresent("username", contact.username());
        update.setIfPresent(CANONICAL, contact.canonical());
        return update;
    }

    /** One UpdateItem of the customer's item, built attribute by attribute. */
    private final class Update {
        private final List<String> sets = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        Update set(String attribute, AttributeValue value, String placeholder) {
            names.put("#" + attribute, attribute);
            sets.add("#" + attribute + " = " + placeholder);
            values.put(placeholder, value);
            return this;
        }

        void setIfPresent(String attribute, String value) {
            if (value != null) {
                set(attribute, AttributeValue.fromS(value), ":" + attribute);
            }
        }

        void remove(String attribute) {
            names.put("#" + attribute, attribute);
            removes.add("#" + attribute);
        }

        /** @return false when {@code condition} (null: none) did not hold, and nothing changed */
        boolean apply(String botId, ContactKey key, String condition) {
            String expression = "SET " + String.join(", ", sets)
                    + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
            try {
                dynamo.updateItem(r -> r.tableName(table).key(DynamoCustomerStore.key(botId, key))
                        .updateExpression(expression).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values));
                return true;
            } catch (ConditionalCheckFailedException notNow) {
                return false;
            }
        }
    }
}
