package net.wagw.local;

import java.nio.file.Path;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.TableInstaller;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one-command local run ({@code ./mvnw quarkus:dev}): starts dynalite and creates the tables
 * before anything uses DynamoDB, stops it on exit, and prints how to call the demo bot.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class LocalRun {
    private static final Logger LOG = Logger.getLogger(LocalRun.class);

    private Dynalite dynalite;

    @Produces
    @Singleton
    DynamoConnection localDynamo(TableNames names) {
        dynalite = Dynalite.start(Path.of("").toAbsolutePath());
        DynamoConnection connection = new DynamoConnection(java.util.Optional.of(dynalite.endpoint()), "us-east-1");
        try (DynamoDbClient dynamo = DynamoClients.build(connection)) {
            TableInstaller.createMissing(dynamo, names);
        }
        LOG.infof("dynalite (in memory) at %s with the wagw tables", dynalite.endpoint());
        return connection;
    }

    void started(@Observes @Priority(3000) StartupEvent startup, DynamoConnection connection, LocalGateway gateway,
            @ConfigProperty(name = "wagw.local.demo-bot-id") String botId,
            @ConfigProperty(name = "wagw.local.demo-access-key") String accessKey) {
        String authorization = "Key " + Base64.getEncoder()
                .encodeToString((botId + ":" + accessKey).getBytes(StandardCharsets.UTF_8));
        LOG.infof("Demo bot '%s' (local only): Authorization: %s", botId, authorization);
        LOG.infof("Try: curl -H 'Authorization: %s' http://localhost:%d/accounts/+5531988889999",
                authorization, gateway.port());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
