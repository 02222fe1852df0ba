package net.wagw.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.MediaConfig;
import net.wagw.config.WagwConfig;
import net.wagw.functions.HttpGateway;
import net.wagw.queue.QueueConnection;
import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

    @Test
    void beforeASnapshotTheProductionDynamoClientKeepsNoConnectionOpenEvenOneOpenedBeforePriming() throws Exception {
        try (SocketServer server = new SocketServer()) {
            DynamoDbClient dynamo = DynamoClients.build(new DynamoConnection(Optional.of(server.uri()), "us-east-1"));
            dynamo.getItem(r -> r.tableName("t-bots").key(Map.of("pk", AttributeValue.fromS("x")))); // the bots table's read at start

            priming("verify", OptionalInt.of(5), dynamo).prime(true);

            assertThat(server.requests()).isEqualTo(6);
            assertThat(server.allClosedByClient()).as("every connection closed by the client").isTrue();
        }
    }

    @Test
    void atAnOnDemandInitTheProductionDynamoClientKeepsItsConnectionForTheFirstRequest() throws Exception {
        try (SocketServer server = new SocketServer()) {
            DynamoDbClient dynamo = DynamoClients.build(new DynamoConnection(Optional.of(server.uri()), "us-east-1"));

            priming("verify", OptionalInt.empty(), dynamo).prime(false);

            assertThat(server.requests()).isEqualTo(1);
            assertThat(server.allClosedByClient()).as("the connection still open").isFalse();
        }
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
        return priming(function, rounds, DynamoDbClient.builder().httpClient(new Recording())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .region(Region.US_EAST_1).endpointOverride(URI.create("http://dynamodb.test")).build());
    }

    private Priming priming(String function, OptionalInt rounds, DynamoDbClient dynamo) {
        SdkHttpClient http = new Recording();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        S3Client s3 = S3Client.builder().httpClient(http).credentialsProvider(credentials).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://s3.test")).forcePathStyle(true).build();
        SqsClient sqs = SqsClient.builder().httpClient(http).credentialsProvider(credentials).region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://sqs.test")).build();
        QueueConnection queue = new QueueConnection(Optional.empty(), "us-east-1", Optional.of("http://sqs.test/q"), "q", 900);
        WagwConfig config = config(WagwConfig.class, "priming", true, "primingRounds", rounds, "http",
                config(WagwConfig.Http.class, "maxBodyBytes", 1024));
        HttpGateway gateway = new HttpGateway(null, null, null, null, null, new ObjectMapper(), config, null, null) {
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

    /**
     * A loopback HTTP/1.1 server on a socket that answers every request as DynamoDB answers a GetItem
     * of an absent item, keeps each connection open whatever the request's headers say, and sees
     * whether the client closed it.
     */
    private static final class SocketServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<CountDownLatch> closed = new CopyOnWriteArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final ExecutorService threads = Executors.newCachedThreadPool();

        SocketServer() throws IOException {
            threads.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket accepted = socket.accept();
                        CountDownLatch eof = new CountDownLatch(1);
                        closed.add(eof);
                        threads.execute(() -> serve(accepted, eof));
                    } catch (IOException closing) {
                        return;
                    }
                }
            });
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int requests() {
            return requests.get();
        }

        /** Whether the client closed every connection it opened (waiting a little for a close in flight). */
        boolean allClosedByClient() throws InterruptedException {
            for (CountDownLatch eof : closed) {
                if (!eof.await(10, TimeUnit.SECONDS)) {
                    return false;
                }
            }
            return !closed.isEmpty();
        }

        private void serve(Socket accepted, CountDownLatch eof) {
            try (accepted; BufferedReader in = new BufferedReader(new InputStreamReader(accepted.getInputStream(),
                    StandardCharsets.ISO_8859_1)); OutputStream out = accepted.getOutputStream()) {
                while (in.readLine() != null) { // the request line
                    int length = 0;
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring("content-length:".length()).trim());
                        }
                    }
                    in.skip(length); // the body (ASCII JSON: one char per byte)
                    requests.incrementAndGet();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n\r\n{}")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException resetByTheClient) {
                // closed too
            } finally {
                eof.countDown();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
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
