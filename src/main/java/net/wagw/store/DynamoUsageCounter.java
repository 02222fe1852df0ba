package net.wagw.store;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.wagw.domain.send.UsageCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link UsageCounter} on the counters table: one item per bot per UTC day (pk bot#usage#day), one
 * number attribute per {@code category|type}, raised by one atomic {@code ADD}. The message's own
 * status item is marked billed first, so two priced statuses of one message count once.
 */
public final class DynamoUsageCounter implements UsageCounter {
    /** Kept for Meta's billing cycles and a year's comparisons. */
    private static final Duration KEEP = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final DynamoStatusStore statuses;
    private final String table;
    private final Clock clock;

    public DynamoUsageCounter(DynamoDbClient dynamo, TableNames names, DynamoStatusStore statuses, Clock clock) {
        this.dynamo = dynamo;
        this.statuses = statuses;
        this.table = names.of(Tables.COUNTERS);
        this.clock = clock;
    }

    @Override
    public void count(String botId, String wamid, LocalDate day, String category, String type) {
        if (!statuses.markBilled(botId, wamid)) {
            return;
        }
        countMarked(botId, wamid, day, category, type);
    }

    /** The day's counter raised by one atomic {@code ADD}: the message was marked billed by its status's own write. */
    @Override
    public void countMarked(String botId, String wamid, LocalDate day, String category, String type) {
        dynamo.updateItem(r -> r.tableName(table).key(key(botId, day))
                .updateExpression("ADD #counter :one SET #expiresAt = :expiresAt")
                .expressionAttributeNames(Map.of("#counter", "n|" + category + "|" + type, "#expiresAt", Tables.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":expiresAt",
                        AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond())))));
    }

    @Override
    public List<Usage> between(String botId, LocalDate from, LocalDate to) {
        List<Usage> usage = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(botId, d))).item();
            if (item == null) {
                continue;
            }
            new TreeMap<>(item).forEach((name, value) -> {
                String[] parts = name.split("\\|", 3);
                if (parts.length == 3 && "n".equals(parts[0]) && value.n() != null) {
                    usage.add(new Usage(d, parts[1], parts[2], Long.parseLong(value.n())));
                }
            });
        }
        return usage;
    }

    private static Map<String, AttributeValue> key(String botId, LocalDate day) {
        return Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, "usage#" + day)));
    }
}
