package net.wagw.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads and writes the attribute maps of the low-level client, leaving absent what is null. */
final class Item {
    private final Map<String, AttributeValue> values;

    private Item(Map<String, AttributeValue> values) {
        this.values = values;
    }

    static Item create() {
        return new Item(new HashMap<>());
    }

    static Item of(Map<String, AttributeValue> values) {
        return new Item(values);
    }

    Item s(String name, String value) {
        if (value != null) {
            values.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    Item n(String name, long value) {
        values.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    Item bool(String name, boolean value) {
        values.put(name, AttributeValue.fromBool(value));
        return this;
    }

    Item millis(String name, Instant value) {
        if (value != null) {
            n(name, value.toEpochMilli());
        }
        return this;
    }

    Item seconds(String name, Instant value) {
        return n(name, value.getEpochSecond());
    }

    Map<String, AttributeValue> build() {
        return values;
    }

    String s(String name) {
        AttributeValue value = values.get(name);
        return value == null ? null : value.s();
    }

    long number(String name, long otherwise) {
        AttributeValue value = values.get(name);
        return value == null || value.n() == null ? otherwise : Long.parseLong(value.n());
    }

    boolean bool(String name) {
        AttributeValue value = values.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    Instant millis(String name) {
        AttributeValue value = values.get(name);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}
