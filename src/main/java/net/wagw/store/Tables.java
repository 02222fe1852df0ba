package net.wagw.store;

import java.util.List;

/** Every table of wagw (DESIGN.md 1). Keys are prefixed by the bot id. */
public final class Tables {
    public static final String PK = "pk";
    public static final String EXPIRES_AT = "expiresAt";

    /** What each bot learned of its customers: wa_id and profile name, by contact key. */
    public static final TableDefinition ACCOUNTS = new TableDefinition("accounts", PK, null, null);

    /** Bounded counters (daily verification quota), each expiring after its period. */
    public static final TableDefinition COUNTERS = new TableDefinition("counters", PK, null, EXPIRES_AT);

    public static final List<TableDefinition> ALL = List.of(ACCOUNTS, COUNTERS);

    private Tables() {
    }

    /** The key of a bot's item: every key starts with the bot id, so bots never share an item. */
    public static String key(String botId, String rest) {
        return botId + "#" + rest;
    }
}
