package net.wagw.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.send.MessageStore;
import net.wagw.domain.send.OutboundMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link MessageStore} on the messages table. Every write after the first is conditional on the
 * version read, so two writers never both win; when a retry is due is the queue's business.
 */
public final class DynamoMessageStore implements MessageStore {
    /** Long enough for any retry of the same envelope id by a bot, and for status webhooks. */
    private static final Duration KEEP = Duration.ofDays(30);

    private final VersionedTable table;

    public DynamoMessageStore(DynamoDbClient dynamo, TableNames names) {
        this.table = new VersionedTable(dynamo, names.of(Tables.MESSAGES));
    }

    @Override
    public boolean create(OutboundMessage m) {
        return table.create(write(m));
    }

    @Override
    public Optional<OutboundMessage> find(String botId, String id) {
        return table.find(Tables.key(botId, id)).map(DynamoMessageStore::read);
    }

    @Override
    public boolean replace(OutboundMessage updated) {
        return table.replace(write(updated), updated.version());
    }

    private static Map<String, AttributeValue> write(OutboundMessage m) {
        Item item = Item.create()
                .s(Tables.PK, Tables.key(m.botId(), m.id()))
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
