package net.wagw.store;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * How a DynamoDB client is built: with the SDK's Apache HTTP client (why that one:
 * docs/architecture.md, "AWS SDK clients") and bounded waits. Plain values in, a client out; the
 * wiring builds one per process.
 */
public final class DynamoClients {
    private DynamoClients() {
    }

    /** Also used by tests and the local runner, which need a client before the application starts. */
    public static DynamoDbClient build(DynamoConnection connection) {
        return build(connection, new AwsCallCounter());
    }

    public static DynamoDbClient build(DynamoConnection connection, AwsCallCounter counter) {
        // Bounded waits: a request that cannot reach DynamoDB fails within seconds, well inside the
        // Lambda timeout, and the bot (or Meta) is told to retry rather than left hanging.
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(3))
                        .build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(6)).addExecutionInterceptor(counter))
                .region(Region.of(connection.region()));
        connection.endpoint().ifPresentOrElse(
                endpoint -> builder.endpointOverride(endpoint)
                        // a local server accepts any credentials; these are not secrets
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create()));
        return builder.build();
    }
}
