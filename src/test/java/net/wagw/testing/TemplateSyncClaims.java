package net.wagw.testing;

import java.util.Map;

import net.wagw.store.TableNames;
import net.wagw.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A send of an unknown template syncs the catalog at most once per bot per few minutes of real time
 * (docs/contracts.md §3.3): a test that counts Meta's catalog calls releases the bot's claim first, and
 * one that fills a bot's catalog empties it again, so neither depends on which test ran before it.
 */
public final class TemplateSyncClaims {
    private TemplateSyncClaims() {
    }

    public static void release(DynamoDbClient dynamo, TableNames names, String botId) {
        dynamo.deleteItem(r -> r.tableName(names.of(Tables.COUNTERS))
                .key(Map.of(Tables.PK, AttributeValue.fromS(Tables.key(botId, "claim#template-sync")))));
    }
}
