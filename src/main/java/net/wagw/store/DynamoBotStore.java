package net.wagw.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.bot.BotStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link BotStore} on the bots table, one item per bot (pk: the bot id). Listing is a Scan: the
 * table holds one small item per bot, and every function reads it whole only when its cached copy
 * is older than {@code wagw.bots-cache-seconds}.
 */
public final class DynamoBotStore implements BotStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBotStore(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.BOTS);
    }

    @Override
    public List<BotRecord> all() {
        return dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().stream()
                .map(DynamoBotStore::read).toList();
    }

    @Override
    public Optional<BotRecord> find(String botId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(Tables.PK, AttributeValue.fromS(botId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public void put(BotRecord record) {
        Bot bot = record.bot();
        Map<String, AttributeValue> item = Item.create().s(Tables.PK, bot.id())
                .s("accessKeySha256", record.accessKeySha256())
                .n("verificationQuota", bot.verificationQuota())
                .s("phoneNumberId", bot.phoneNumberId()).s("wabaId", bot.wabaId())
                .s("messagesUrl", bot.messagesUrl()).s("notificationsUrl", bot.notificationsUrl())
                .bool("requireOptIn", bot.requireOptIn())
                .s("callbackSecretRef", record.callbackSecretRef())
                .s("inboundReplies", record.inboundReplies().text())
                .bool("enabled", record.enabled())
                .millis("updatedAt", record.updatedAt()).build();
        item.put("stopKeywords", AttributeValue.fromL(bot.stopKeywords().stream().map(AttributeValue::fromS).toList()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static BotRecord read(Map<String, AttributeValue> values) {
        Item i = Item.of(values);
        AttributeValue keywords = values.get("stopKeywords");
        List<String> stopKeywords = keywords == null || !keywords.hasL() ? null
                : keywords.l().stream().map(AttributeValue::s).toList();
        Bot bot = new Bot(i.s(Tables.PK), i.number("verificationQuota", 0), i.s("phoneNumberId"), i.s("wabaId"),
                i.s("messagesUrl"), i.s("notificationsUrl"), i.bool("requireOptIn"), stopKeywords);
        Instant updatedAt = i.millis("updatedAt");
        return new BotRecord(bot, i.s("accessKeySha256"), i.s("callbackSecretRef"),
                BotRecord.InboundReplies.parse(i.s("inboundReplies")), i.bool("enabled"),
                updatedAt == null ? Instant.EPOCH : updatedAt);
    }
}
