package net.wagw.wiring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import net.wagw.config.WagwConfig;
import net.wagw.store.AwsCallCounter;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB clients, built once per process (Lambda reuses them across invocations). The local
 * run replaces the connection with its dynalite's.
 */
@ApplicationScoped
public class DynamoProducers {

    @Produces
    @Singleton
    @DefaultBean
    DynamoConnection connection(WagwConfig config) {
        return new DynamoConnection(config.dynamodb().endpoint(), config.dynamodb().region());
    }

    @Produces
    @Singleton
    AwsCallCounter callCounter() {
        return new AwsCallCounter();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamo(DynamoConnection connection, AwsCallCounter counter) {
        return DynamoClients.build(connection, counter);
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @Singleton
    TableNames tableNames(WagwConfig config) {
        return new TableNames(config.dynamodb().tablePrefix());
    }
}
