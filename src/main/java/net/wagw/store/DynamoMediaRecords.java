package net.wagw.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import net.wagw.domain.media.MediaRecord;
import net.wagw.domain.media.MediaRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link MediaRecords} on the media table. */
public final class DynamoMediaRecords implements MediaRecords {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMediaRecords(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.table = names.of(Tables.MEDIA);
    }

    @Override
    public void recordInbound(MediaRecord received) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(Tables.key(received.botId(), received.mediaId()), received))
                    .conditionExpression("attribute_not_exists(" + Tables.PK + ")"));
        } catch (ConditionalCheckFailedException again) {
            // Meta's duplicate of a webhook: the first record (and its copy) stands
        }
    }

    @Override
    public Optional<MediaRecord> find(String botId, String mediaId) {
        return read(Tables.key(botId, mediaId));
    }

    @Override
    public void markCopied(String botId, String mediaId, String contentType, long size, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(key(Tables.key(botId, mediaId)))
                .updateExpression("SET contentType = :type, #size = :size, copiedAt = :at")
                .conditionExpression("attribute_exists(" + Tables.PK + ")")
                .expressionAttributeNames(Map.of("#size", "size"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS(contentType),
                        ":size", AttributeValue.fromN(Long.toString(size)),
                        ":at", AttributeValue.fromN(Long.toString(at.toEpochMilli())))));
    }

    @Override
    public int countFailedAttempt(String botId, String mediaId) {
        Map<String, AttributeValue> after = dynamo.updateItem(r -> r.tableName(table).key(key(Tables.key(botId, mediaId)))
                .updateExpression("ADD attempts :one")
                .conditionExpression("attribute_exists(" + Tables.PK + ")")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return (int) Item.of(after).number("attempts", 1);
    }

    @Override
    public void recordUpload(String clientId, MediaRecord uploaded) {
        dynamo.putItem(r -> r.tableName(table).item(item(Tables.key(uploaded.botId(), uploaded.mediaId()), uploaded)));
        if (clientId != null) {
            dynamo.putItem(r -> r.tableName(table).item(item(uploadKey(uploaded.botId(), clientId), uploaded)));
        }
    }

    @Override
    public Optional<MediaRecord> findUpload(String botId, String clientId) {
        return read(uploadKey(botId, clientId));
    }

    private static String uploadKey(String botId, String clientId) {
        return Tables.key(botId, "upload#" + clientId);
    }

    private Optional<MediaRecord> read(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(pk))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Item i = Item.of(item);
        return Optional.of(new MediaRecord(i.s("botId"), i.s("mediaId"), MediaRecord.Origin.valueOf(i.s("origin")),
                i.s("contentType"), i.number("size", -1), i.millis("receivedAt"), i.millis("copiedAt"),
                i.millis("servedUntil"), i.millis("metaExpiresAt"), (int) i.number("attempts", 0)));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(Tables.PK, AttributeValue.fromS(pk));
    }

    private static Map<String, AttributeValue> item(String pk, MediaRecord record) {
        return Item.create().s(Tables.PK, pk).s("botId", record.botId()).s("mediaId", record.mediaId())
                .s("origin", record.origin().name()).s("contentType", record.contentType()).n("size", record.size())
                .millis("receivedAt", record.receivedAt()).millis("copiedAt", record.copiedAt())
                .millis("servedUntil", record.expiresAt()).millis("metaExpiresAt", record.metaExpiresAt())
                .n("attempts", record.attempts())
                // the record outlives the copy by a day: the code, not TTL, decides what is served
                .seconds(Tables.EXPIRES_AT, record.expiresAt().plusSeconds(86_400)).build();
    }
}
