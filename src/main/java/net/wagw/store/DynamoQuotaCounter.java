package net.wagw.store;

import java.time.Instant;
import java.util.Map;

import net.wagw.domain.verify.QuotaCounter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link QuotaCounter} on the counters table: one conditional {@code ADD}, so concurrent callers
 * can never together pass the limit. (The enhanced client has no atomic ADD, hence the low-level
 * client here.)
 */
public final class DynamoQuotaCounter implements QuotaCounter, net.wagw.domain.send.Claims {
    private final DynamoDbClient dynamo;
    private final String tableName;

    public DynamoQuotaCounter(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.tableName = names.of(Tables.COUNTERS);
    }

    @Override
    public boolean tryIncrement(String botId, String counter, long limit, Instant expiresAt) {
        if (limit <= 0) {
            return false;
        }
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, counter))))
                    .updateExpression("ADD #count :one SET #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", "count", "#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Long.toString(limit)),
                            ":expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /** One conditional write: the claim's time moves only when the last one is a whole period old. */
    @Override
    public boolean claim(String botId, String what, Instant now, java.time.Duration every) {
        try {
            dynamo.updateItem(r -> r.tableName(tableName)
                    .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, "claim#" + what))))
                    .updateExpression("SET claimedAt = :now, #expiresAt = :expiresAt")
                    .conditionExpression("attribute_not_exists(claimedAt) OR claimedAt <= :cutoff")
                    .expressionAttributeNames(Map.of("#expiresAt", Tables.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":cutoff", AttributeValue.fromN(Long.toString(now.minus(every).toEpochMilli())),
                            ":expiresAt", AttributeValue.fromN(Long.toString(now.plus(every).getEpochSecond() + 60)))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }
}
