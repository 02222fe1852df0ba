package net.wagw.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.send.MessageStore;
import net.wagw.domain.send.OutboundMessage;
import net.wagw.domain.send.SentMessage;
import net.wagw.domain.send.StatusUpdate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link MessageStore} on the messages table. Every write after the first is conditional on the
 * version read, so two writers never both win; when a retry is due is the queue's business. A
 * write names the message's own attributes only (an update, not a put), so the tracking that
 * statuses write on the same item ({@link MessageTracking}) is never undone by it.
 */
public final class DynamoMessageStore implements MessageStore {
    /** Long enough for any retry of the same envelope id by a bot, and for status webhooks. */
    private static final Duration KEEP = Duration.ofDays(30);
    /** The attributes {@link #write} may set: one left out of a version is removed. */
    private static final List<String> OWN = List.of("botId", "id", "recipient", "to", "group", "payload",
            "fingerprint", "state", "attempts", "createdAt", Tables.NEXT_ATTEMPT_AT, "accepted", "wamid",
            "failureCode", "failureKind", "failureDescription", "lastError", "version", Tables.EXPIRES_AT);

    private final DynamoDbClient dynamo;
    private final String name;
    private final VersionedTable table;

    public DynamoMessageStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.name = names.of(Tables.MESSAGES);
        this.table = new VersionedTable(dynamo, name);
    }

    @Override
    public boolean create(OutboundMessage m) {
        Map<String, AttributeValue> item = write(m);
        item.put(Tables.PK, AttributeValue.fromS(Tables.key(m.botId(), m.id())));
        return table.create(item);
    }

    @Override
    public Optional<OutboundMessage> find(String botId, String id) {
        return table.find(Tables.key(botId, id)).map(DynamoMessageStore::read);
    }

    @Override
    public boolean replace(OutboundMessage updated) {
        return update(updated, null).written();
    }

    /**
     * The outcome and the tracking in one update: the wamid's index key, the rank from zero (a
     * status may not move it before this write: it is kept instead, under the condition that no
     * wamid is set), what a reply needs; a status kept before is handed back and removed.
     */
    @Override
    public Recorded recordSent(OutboundMessage sent, SentMessage sentAs) {
        return update(sent, sentAs);
    }

    private Recorded update(OutboundMessage m, SentMessage tracked) {
        Map<String, AttributeValue> own = write(m);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (int i = 0; i < OWN.size(); i++) {
            String attribute = OWN.get(i);
            names.put("#a" + i, attribute);
            AttributeValue value = own.get(attribute);
            if (value == null) {
                remove.add("#a" + i);
            } else {
                set.add("#a" + i + " = :a" + i);
                values.put(":a" + i, value);
            }
        }
        names.put("#version", "version");
        values.put(":expected", AttributeValue.fromN(Long.toString(m.version() - 1)));
        if (tracked != null) {
            names.putAll(Map.of("#wk", Tables.WAMID_KEY, "#rank", MessageTracking.RANK,
                    "#content", MessageTracking.CONTENT, "#kept", MessageTracking.KEPT,
                    "#keptRank", MessageTracking.KEPT_RANK));
            set.add("#wk = :wk");
            set.add("#rank = if_not_exists(#rank, :zero)");
            set.add("#content = :content");
            values.putAll(Map.of(":wk", AttributeValue.fromS(Tables.key(m.botId(), m.wamid())),
                    ":zero", AttributeValue.fromN("0"), ":content", AttributeValue.fromS(tracked.contentKind())));
            if (!tracked.replies().isEmpty()) {
                names.put("#replies", MessageTracking.REPLIES);
                set.add("#replies = :replies");
                values.put(":replies", MessageTracking.replies(tracked.replies()));
            }
            remove.add("#kept");
            remove.add("#keptRank");
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        Map<String, AttributeValue> old;
        try {
            old = dynamo.updateItem(r -> r.tableName(name)
                    .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(m.botId(), m.id()))))
                    .updateExpression(expression)
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(tracked == null ? ReturnValue.NONE : ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException changed) {
            return new Recorded(false, Optional.empty());
        }
        if (tracked == null || old == null || old.containsKey(Tables.WAMID_KEY)
                || !old.containsKey(MessageTracking.KEPT) || !old.get(MessageTracking.KEPT).hasM()) {
            return new Recorded(true, Optional.empty());
        }
        // kept for this wamid only: one kept under another (an earlier try's) is not this send's
        StatusUpdate kept = MessageTracking.kept(m.wamid(), old.get(MessageTracking.KEPT));
        return new Recorded(true, kept.wamid().equals(m.wamid()) ? Optional.of(kept) : Optional.empty());
    }

    private static Map<String, AttributeValue> write(OutboundMessage m) {
        Item item = Item.create()
                .s("botId", m.botId()).s("id", m.id())
                .s("recipient", m.recipientNode()).s("to", m.to()).bool("group", m.group())
                .s("payload", m.payloadJson()).s("fingerprint", m.fingerprint())
                .s("state", m.state().name()).n("attempts", m.attempts())
                .millis("createdAt", m.createdAt()).millis(Tables.NEXT_ATTEMPT_AT, m.nextAttemptAt())
                .bool("accepted", m.accepted()).s("wamid", m.wamid())
                .n("failureCode", m.failureCode()).s("failureKind", m.failureKind())
                .s("failureDescription", m.failureDescription()).s("lastError", m.lastError())
                .n("version", m.version())
                .seconds(Tables.EXPIRES_AT, m.createdAt().plus(KEEP));
        return item.build();
    }

    private static OutboundMessage read(Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        return new OutboundMessage(i.s("botId"), i.s("id"), i.s("recipient"), i.s("to"), i.bool("group"),
                i.s("payload"), i.s("fingerprint"),
                OutboundMessage.State.valueOf(i.s("state")), (int) i.number("attempts", 0), i.millis("createdAt"),
                i.millis(Tables.NEXT_ATTEMPT_AT), i.bool("accepted"), i.s("wamid"), (int) i.number("failureCode", 0),
                i.s("failureKind"), i.s("failureDescription"), i.s("lastError"), i.number("version", 0));
    }
}
