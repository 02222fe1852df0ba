package net.wagw.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import net.wagw.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynaliteTest {

    @Test
    void startsOnAFreeLoopbackPortServesTheTablesAndStopsWhenClosed() {
        Dynalite first = Dynalite.start(Path.of("").toAbsolutePath());
        Dynalite second = Dynalite.start(Path.of("").toAbsolutePath());
        try (first; second;
                DynamoDbClient dynamo = DynamoClients.build(new DynamoConnection(Optional.of(first.endpoint()), "us-east-1"))) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");

            TableInstaller.createMissing(dynamo, new TableNames("t-"));
            TableInstaller.createMissing(dynamo, new TableNames("t-"));

            assertThat(dynamo.listTables().tableNames())
                    .containsExactlyInAnyOrderElementsOf(Tables.ALL.stream().map(t -> "t-" + t.name()).toList());
        }
        assertThat(first.isRunning()).isFalse();
        assertThat(second.isRunning()).isFalse();
    }
}
