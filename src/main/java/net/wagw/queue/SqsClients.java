package net.wagw.queue;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * How an SQS client is built: the SDK's Apache HTTP client (docs/architecture.md, "AWS SDK
 * clients") and bounded waits. Plain values in, a client out; the wiring builds one per process.
 */
public final class SqsClients {
    private SqsClients() {
    }

    /** Also used by tests and the local runner, which need a client before the application starts. */
    public static SqsClient build(QueueConnection connection) {
        return build(connection, new ExecutionInterceptor() {
        });
    }

    /** With an interceptor that sees every call (the wiring's call counter, for the local stats). */
    public static SqsClient build(QueueConnection connection, ExecutionInterceptor interceptor) {
        // bounded waits, as for DynamoDB: a queue that cannot be reached fails the request within
        // seconds and the caller (bot or Meta) is told to retry; long polls are at most 20 s
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(25))
                        .build())
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(25))
                        .apiCallTimeout(Duration.ofSeconds(30)).addExecutionInterceptor(interceptor))
                .region(Region.of(connection.region()));
        connection.endpoint().ifPresentOrElse(
                endpoint -> builder.endpointOverride(endpoint)
                        // a local server accepts any credentials; these are not secrets
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(EnvironmentVariableCredentialsProvider.create()));
        return builder.build();
    }
}
