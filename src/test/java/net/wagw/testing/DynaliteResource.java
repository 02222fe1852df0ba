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
    /** The process of the application under test (one at a time: Quarkus tests run one app). */
    private static volatile Dynalite current;
    private Dynalite dynalite;

    @Override
    public Map<String, String> start() {
        dynalite = Dynalite.start(Path.of("").toAbsolutePath());
        current = dynalite;
        createTables(dynalite);
        return Map.of("wagw.dynamodb.endpoint", dynalite.endpoint().toString(),
                "wagw.dynamodb.table-prefix", TABLE_PREFIX);
    }

    /** Takes DynamoDB away from the running application (an outage). */
    public static void stopDatabase() {
        current.close();
    }

    /** Brings it back, empty, on the same endpoint, with its tables. */
    public static void restartDatabase() {
        current = current.restart();
        createTables(current);
    }

    private static void createTables(Dynalite dynalite) {
        DynamoConnection connection = new DynamoConnection(Optional.of(dynalite.endpoint()), "us-east-1");
        try (DynamoDbClient dynamo = DynamoClients.build(connection)) {
            TableInstaller.createMissing(dynamo, new TableNames(TABLE_PREFIX));
        }
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
