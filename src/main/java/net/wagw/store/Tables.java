package net.wagw.store;

import java.util.List;

/** Every table of wagw (docs/contracts.md §1). Keys are prefixed by the bot id. */
public final class Tables {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    /** Set only on dead letters: the sparse "dead" index lists a bot's, oldest first. */
    public static final String DEAD_BOT = "deadBot";
    public static final String DEAD_INDEX = "dead";
    /** Set on a message Meta took: bot#wamid, which the sparse "wamid" index finds it by. */
    public static final String WAMID_KEY = "wamidKey";
    public static final String WAMID_INDEX = "wamid";

    /**
     * One item per customer key (docs/storage.md): what each bot learned of its customers (wa_id,
     * profile name, BSUID, the key an alias points at), their customer-service window and free entry
     * point, and their current consent: what a send checks, in one read.
     */
    public static final TableDefinition ACCOUNTS = new TableDefinition("accounts", PK, null, null);

    /** Bounded counters (daily verification quota), each expiring after its period. */
    public static final TableDefinition COUNTERS = new TableDefinition("counters", PK, null, EXPIRES_AT);

    /** Consent per customer: one "history#..." item per change, kept forever (the current one is on accounts). */
    public static final TableDefinition OPT_INS = new TableDefinition("opt-ins", PK, SK, null);

    /**
     * Outbound messages by bot and envelope id (idempotency, states) and, once Meta took one, the
     * furthest status it reached and what a reply to it needs (docs/storage.md), expiring after 30
     * days. The sparse "wamid" index finds a sent message by bot#wamid (replies, reactions, a status
     * that names no envelope id), newest first.
     */
    public static final TableDefinition MESSAGES = new TableDefinition("messages", PK, null, EXPIRES_AT,
            List.of(new TableDefinition.Index(WAMID_INDEX, WAMID_KEY, "createdAt")));

    /**
     * Deliveries to bots (notifications, inbound messages), retried and dead-lettered. An inbound
     * message's delivery ("message:&lt;wamid&gt;") is also its store-once record: created
     * conditionally before Meta is answered, it holds the event as forwarded.
     */
    public static final TableDefinition DELIVERIES = new TableDefinition("deliveries", PK, null, EXPIRES_AT,
            List.of(new TableDefinition.Index(DEAD_INDEX, DEAD_BOT, "createdAt")));

    /**
     * Statuses by Meta's id (pk bot#wamid) where the message item cannot hold them: each group
     * participant's (pk bot#wamid#participant), a status of a message wagw does not know (kept),
     * and the tracking of a send whose callback data did not fit or that was sent before messages
     * tracked their own statuses.
     */
    public static final TableDefinition STATUSES = new TableDefinition("statuses", PK, null, EXPIRES_AT);

    /**
     * Each bot's groups: pk bot id, sk "group#&lt;id&gt;" for the group, "request#&lt;id&gt;" and
     * "meta#&lt;id&gt;" pointing to it from Meta's create request and group ids.
     */
    public static final TableDefinition GROUPS = new TableDefinition("groups", PK, SK, null);

    /** Each bot's copy of its template catalog: pk bot id, sk name#language. */
    public static final TableDefinition TEMPLATES = new TableDefinition("templates", PK, SK, null);

    /**
     * Media files by bot and Meta's media id (pk bot#&lt;id&gt;): whose they are, whether copied to
     * the media store; a bot's uploads also by its own id (pk bot#upload#&lt;id&gt;). Expiring with
     * the copies' retention.
     */
    public static final TableDefinition MEDIA = new TableDefinition("media", PK, null, EXPIRES_AT);

    /**
     * The bots this deployment serves (docs/contracts.md §10), pk bot id: not prefixed, it is the
     * one table whose items are the bots themselves. Read whole by every function and cached.
     */
    public static final TableDefinition BOTS = new TableDefinition("bots", PK, null, null);

    public static final List<TableDefinition> ALL = List.of(ACCOUNTS, COUNTERS, OPT_INS, MESSAGES, DELIVERIES,
            STATUSES, GROUPS, TEMPLATES, MEDIA, BOTS);

    private Tables() {
    }

    /** The key of a bot's item: every key starts with the bot id, so bots never share an item. */
    public static String key(String botId, String rest) {
        return botId + "#" + rest;
    }
}
