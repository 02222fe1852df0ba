package net.wagw.lime;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code application/vnd.lime.collection+json}: {@code {itemType, total, items}} (docs/contracts.md §3.2). */
@RegisterForReflection
public record LimeCollection(String itemType, int total, List<?> items) {
    public static LimeCollection of(String itemType, List<?> items) {
        return new LimeCollection(itemType, items.size(), items);
    }
}
