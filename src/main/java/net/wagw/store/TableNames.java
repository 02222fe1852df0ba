package net.wagw.store;

import java.util.Objects;

/** Physical table names: a deployment-wide prefix (the stack name in AWS) before each logical name. */
public record TableNames(String prefix) {
    public TableNames {
        Objects.requireNonNull(prefix, "prefix");
    }

    public String of(TableDefinition table) {
        return prefix + table.name();
    }
}
