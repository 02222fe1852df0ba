package net.wagw.store;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import net.wagw.domain.secret.SecretSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link SecretSource} on AWS Secrets Manager: a reference is a secret's name or ARN, its value the
 * secret's SecretString (the current version, AWSCURRENT). One client per process, on the
 * SDK's Apache HTTP client like DynamoDB's.
 */
public final class SecretsManagerSource implements SecretSource, AutoCloseable {
    private final SecretsManagerClient client;

    public SecretsManagerSource(SecretsManagerClient client) {
        this.client = client;
    }

    /**
     * @param endpoint an endpoint override (a test server), or empty for AWS's
     * @param credentials the Lambda's role (its environment variables) in AWS
     */
    public static SecretsManagerSource create(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(3))
                        .build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(6)))
                .region(Region.of(region))
                .credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return new SecretsManagerSource(builder.build());
    }

    public static SecretsManagerSource inLambda(String region) {
        return create(region, Optional.empty(), EnvironmentVariableCredentialsProvider.create());
    }

    @Override
    public Optional<String> read(String reference) {
        try {
            return Optional.ofNullable(client.getSecretValue(r -> r.secretId(reference)).secretString());
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
