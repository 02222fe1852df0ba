import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The AWS SDK's own CPU per DynamoDB call, without any server work: an UpdateItem against a
 * loopback stub that answers at once, measured on the calling thread, for each configuration
 * given: apache (the gateway's: the SDK's Apache client as DynamoClients builds it, an endpoint
 * override), url (the URL-connection client, the gateway's until docs/architecture.md's "AWS SDK
 * clients"), +fixedep (an endpoint provider that skips the endpoint rules engine), +noacct
 * (account-id endpoint mode off), crt (the SDK's AWS CRT client, native I/O). bench/sdk-call-cost.sh runs one per JVM.
 * Usage: java -cp CP bench/sdk-call-cost.java N CONFIG[,CONFIG...]   (N calls to warm up, then 5 timed series of N)
 */
public class SdkCallCost {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = "{\"Attributes\":{\"pk\":{\"S\":\"x\"}}}".getBytes();
        CRC32 crc = new CRC32();
        crc.update(body);
        stub.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.setExecutor(Executors.newFixedThreadPool(2));
        stub.start();
        URI endpoint = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
        UpdateItemRequest request = UpdateItemRequest.builder().tableName("wagw-messages")
                .key(Map.of("pk", AttributeValue.fromS("m#abc"), "sk", AttributeValue.fromS("x")))
                .updateExpression("SET #a = :a, #b = if_not_exists(#b, :b)")
                .conditionExpression("attribute_not_exists(pk) OR #c < :c")
                .expressionAttributeNames(Map.of("#a", "a", "#b", "b", "#c", "c"))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("hello world ".repeat(20)),
                        ":b", AttributeValue.fromN("12"), ":c", AttributeValue.fromN("3")))
                .returnValues(ReturnValue.ALL_OLD).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // the CRT client does its I/O on its own native threads: the caller's CPU alone would flatter it
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String config : args[1].split(",")) {
            try (DynamoDbClient client = build(config, endpoint)) {
                for (int i = 0; i < n; i++) {
                    client.updateItem(request);
                }
                double[] micros = new double[5];
                double[] process = new double[5];
                for (int series = 0; series < micros.length; series++) {
                    long started = threads.getCurrentThreadCpuTime();
                    long processStarted = os.getProcessCpuTime();
                    for (int i = 0; i < n; i++) {
                        client.updateItem(request);
                    }
                    micros[series] = (threads.getCurrentThreadCpuTime() - started) / 1e3 / n;
                    process[series] = (os.getProcessCpuTime() - processStarted) / 1e3 / n;
                }
                Arrays.sort(micros);
                Arrays.sort(process);
                System.out.printf("%-24s caller CPU per call: median %.0f us (min %.0f); whole process, the stub's "
                        + "share included: median %.0f us%n", config, micros[2], micros[0], process[2]);
            }
        }
        stub.stop(0);
        System.exit(0);
    }

    private static DynamoDbClient build(String config, URI endpoint) {
        SdkHttpClient http = config.contains("crt")
                ? AwsCrtHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).build()
                : config.contains("apache")
                ? ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(3)).build()
                : UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(3)).build();
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of("us-east-1")).httpClient(http)
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(6)))
                // a loopback stub: these are not secrets
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        if (config.contains("fixedep")) {
            CompletableFuture<Endpoint> fixed = CompletableFuture.completedFuture(Endpoint.builder().url(endpoint).build());
            builder.endpointProvider((DynamoDbEndpointProvider) parameters -> fixed);
        } else {
            builder.endpointOverride(endpoint);
        }
        if (config.contains("noacct")) {
            builder.accountIdEndpointMode(AccountIdEndpointMode.DISABLED);
        }
        return builder.build();
    }
}
