package net.wagw.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.MediaConfig;
import net.wagw.config.WagwConfig;
import net.wagw.functions.HttpGateway;
import net.wagw.queue.QueueConnection;
import net.wagw.store.TableNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How many times priming makes its AWS calls, and which of them ask for the connection to be
 * closed (README, "The deployed artifact, tested"): the SDK clients are real, their HTTP client
 * records each request and answers as DynamoDB and S3 do for an absent item.
 */
class PrimingRoundsTest {
    private final List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
    private final List<String> primedRoutes = new CopyOnWriteArrayList<>();

    @Test
    void beforeASnapshotTheWebhookFunctionRunsItsAwsCallsThreeHundredTimesAndOnlyTheLastRoundClosesItsConnections() {
        priming("webhook", OptionalInt.empty()).prime(true);

        assertThat(calls("dynamodb")).hasSize(Priming.SNAPSHOT_ROUNDS);
        assertThat(calls("s3")).hasSize(Priming.SNAPSHOT_ROUNDS);
        assertThat(sent).hasSize(2 * Priming.SNAPSHOT_ROUNDS);
        assertThat(primedRoutes).isEmpty(); // Meta's route checks a secret: none in the snapshot
        assertThat(closing()).extracting(PrimingRoundsTest::service).containsExactlyInAnyOrder("dynamodb", "s3");
        assertThat(closing()).allMatch(r -> sent.indexOf(r) >= sent.size() - 2);
    }

    @Test
    void anOnDemandInitRunsItsAwsCallsOnceAndKeepsTheConnectionForTheFirstRequest() {
        priming("webhook", OptionalInt.empty()).prime(false);

        assertThat(calls("dynamodb")).hasSize(1);
        assertThat(calls("s3")).hasSize(1);
        assertThat(closing()).isEmpty();
        assertThat(primedRoutes).containsExactly("webhook"); // the subscription check, once
    }

    @Test
    void configuredRoundsReplaceTheSnapshotDefaultAndNoneStillPrimesOnce() {
        priming("webhook", OptionalInt.of(7)).prime(true);
        assertThat(calls("dynamodb")).hasSize(7);
        sent.clear();

        priming("webhook", OptionalInt.of(0)).prime(true);
        assertThat(calls("dynamodb")).hasSize(1);
        assertThat(closing()).hasSize(2);
    }

    private List<SdkHttpRequest> calls(String service) {
        return sent.stream().filter(r -> service(r).equals(service)).toList();
    }

    private List<SdkHttpRequest> closing() {
        return sent.stream().filter(r -> r.firstMatchingHeader("Connection").filter("close"::equalsIgnoreCase).isPresent())
                .toList();
    }

    private static String service(SdkHttpRequest request) {
        return request.host().startsWith("dynamodb") ? "dynamodb" : request.host().contains("s3") ? "s3" : request.host();
    }

    private Priming priming(String function, OptionalInt rounds) {
        SdkHttpClient http = new Recording();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials)
                .region(Region.US_EAST_1).endpointOverride(URI.create("http://dynamodb.test")).build();
        S3Client s3 = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://s3.test")).forcePathStyle(true).build();
        SqsClient sqs = SqsClient.builder().httpClient(http).credentialsProvider(credentials).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://sqs.test")).build();
        QueueConnection queue = new QueueConnection(Optional.empty(), "us-east-1", Optional.of("http://sqs.test/q"), "q", 900);
        WagwConfig config = config(WagwConfig.class, "priming", true, "primingRounds", rounds, "http",
                config(WagwConfig.Http.class, "maxBodyBytes", 1024));
        HttpGateway gateway = new HttpGateway(null, null, null, null, null, new ObjectMapper(), config, null) {
            @Override
            public APIGatewayV2HTTPResponse prime(String primed, APIGatewayV2HTTPEvent event) {
                primedRoutes.add(primed);
                return APIGatewayV2HTTPResponse.builder().withStatusCode(401).build();
            }
        };
        return new Priming(gateway, null, dynamo, sqs, s3, queue, new TableNames("t-"), new ObjectMapper(),
                config(MediaConfig.class, "bucket", "media"), config,
                Optional.of(function));
    }

    /** A configuration interface answering the named methods with the given values (and nothing else). */
    private static <T> T config(Class<T> type, Object... answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            for (int i = 0; i < answers.length; i += 2) {
                if (answers[i].equals(method.getName())) {
                    return answers[i + 1];
                }
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }

    /** Answers DynamoDB's GetItem with no item and S3's HeadObject with 404, as for the priming's absent key. */
    private final class Recording implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    SdkHttpRequest recorded = request.httpRequest();
                    sent.add(recorded);
                    boolean dynamo = service(recorded).equals("dynamodb");
                    byte[] body = dynamo ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(dynamo ? 200 : 404)
                                    .putHeader("Content-Length", Integer.toString(body.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
