package net.wagw.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import net.wagw.local.Dynalite;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real dynalite process for a {@code @QuarkusTest}: started on a free loopback port with the
 * wagw tables created, handed to the application as {@code wagw.dynamodb.endpoint}, stopped after.
 */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {
    public static final String TABLE_PREFIX = "test-";
    private Dynalite dynalite;

    @Override
    public Map<String, String> start() {
        dynalite = Dynalite.start(Path.of("").toAbsolutePath());
        DynamoConnection connection = new DynamoConnection(Optional.of(dynalite.endpoint()), "us-east-1");
        try (DynamoDbClient dynamo = DynamoClients.build(connection)) {
            TableInstaller.createMissing(dynamo, new TableNames(TABLE_PREFIX));
        }
        return Map.of("wagw.dynamodb.endpoint", dynalite.endpoint().toString(),
                "wagw.dynamodb.table-prefix", TABLE_PREFIX);
    }

    @Override
    public void stop() {
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
