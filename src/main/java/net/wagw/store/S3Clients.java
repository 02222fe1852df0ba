package net.wagw.store;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner, built once per process with the SDK's Apache HTTP client (as for
 * DynamoDB). A set endpoint is a local S3-compatible server: path-style addressing, s3rver's fixed
 * credentials, plain (not aws-chunked) bodies and checksums only where S3 requires them: such
 * servers predate the SDK's signed chunks and default CRC trailers.
 */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client client(S3Connection connection) {
        Optional<URI> endpoint = connection.endpoint();
        String region = connection.region();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(20)))
                .region(Region.of(region))
                .credentialsProvider(credentials(endpoint));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    public static S3Presigner presigner(S3Connection connection) {
        Optional<URI> endpoint = connection.endpoint();
        String region = connection.region();
        S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials(endpoint))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Local runs and tests create the bucket that SAM declares in AWS. */
    public static void createBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(r -> r.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException already) {
            // kept from an earlier start (s3rver says "exists" of its own buckets)
        }
    }

    private static AwsCredentialsProvider credentials(Optional<URI> endpoint) {
        // s3rver's built-in local key pair (its documentation's); not secrets
        return endpoint.<AwsCredentialsProvider>map(uri -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create("S3RVER", "S3RVER"))).orElseGet(EnvironmentVariableCredentialsProvider::create);
    }
}
