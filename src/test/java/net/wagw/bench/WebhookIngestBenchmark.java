package net.wagw.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

import net.wagw.store.DynamoClients;
import net.wagw.store.DynamoConnection;
import net.wagw.store.Tables;
import net.wagw.whatsapp.MetaSignature;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Not a test: the webhook ingestion benchmark (bench/local-webhook.sh runs it against the local
 * gateway). Signed one-message payloads at each given concurrency (16 unless told), each followed,
 * in the same run and against the same dynalite, by the raw rate of the DynamoDB writes the
 * gateway makes per message.
 */
public final class WebhookIngestBenchmark {
    private static final String APP_SECRET = "local-simulator-app-secret"; // the dev profile's, local only
    private static final String PHONE_NUMBER_ID = "100000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int[] concurrencies = Arrays.stream((args.length > 2 ? args[2] : "16").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        HttpClient client = HttpClient.newBuilder().build();
        List<String> loadClients = List.of(System.getenv().getOrDefault("WAGW_BENCH_LOAD_CLIENT", "apache").split(","));
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (String loadClient : loadClients) {
            try (Poster poster = Poster.named(loadClient, client, concurrencies[0])) {
                ingest(poster, base, run + "w" + loadClient, 400, concurrencies[0]);
            }
        }
        String endpoint = JSON.readTree(get(client, base + "/_local/stats")).path("dynamodbEndpoint").asText();
        try (DynamoDbClient raw = DynamoClients.build(new DynamoConnection(Optional.of(URI.create(endpoint)), "us-east-1"))) {
            // warmed as the gateway was: the first series' raw rate would otherwise include this JVM's JIT
            // compiling the SDK (raw CPU per message 4.8 ms cold against 2.6 ms warm, session 16)
            rawWrites(raw, run + "w", 400, concurrencies[0]);
            series(client, raw, base, run, n, concurrencies, loadClients);
        }
        batch(client, base, run);
        media(client, base, run, Math.max(200, n / 2), concurrencies[concurrencies.length / 2], endpoint);
        forwarding(client, base);
    }

    /** At each concurrency: the gateway's ingestion with each load client, then the same writes without it. */
    private static void series(HttpClient client, DynamoDbClient rawClient, String base, String run, int n,
            int[] concurrencies, List<String> loadClients) throws Exception {
        for (int concurrency : concurrencies) {
            Map<String, Result> gateway = new java.util.LinkedHashMap<>();
            for (String loadClient : loadClients) {
                String series = run + "c" + concurrency + loadClient;
                Map<String, Long> before = stats(client, base, "dynamodbCalls");
                Map<String, Long> queueBefore = stats(client, base, "sqsCalls");
                try (Poster poster = Poster.named(loadClient, client, concurrency)) {
                    ProcessCpu cpuBefore = ProcessCpu.now();
                    gateway.put(loadClient, ingest(poster, base, series, n, concurrency));
                    String cpu = cpuBefore.perMessageUntilNow(n);
                    System.out.println("webhook ingestion (gateway, " + loadClient + " load client): " + gateway.get(loadClient));
                    System.out.println("  " + cpu);
                }
                // both include the local dispatch's calls, forwarding the backlog to the bot meanwhile
                System.out.println("DynamoDB calls per inbound message: " + perMessage(before, stats(client, base, "dynamodbCalls"), n));
                System.out.println("SQS calls per inbound message: " + perMessage(queueBefore, stats(client, base, "sqsCalls"), n));
            }
            ProcessCpu rawBefore = ProcessCpu.now();
            Result raw = rawWrites(rawClient, run + "c" + concurrency, n, concurrency);
            String rawCpu = rawBefore.perMessageUntilNow(n);
            System.out.println("same DynamoDB writes without the gateway: " + raw);
            System.out.println("  " + rawCpu);
            gateway.forEach((loadClient, result) -> System.out.printf(
                    "concurrency %d: gateway throughput is %.2f of the raw DynamoDB rate; median %.1fx (%s load client)%n",
                    concurrency, result.throughput / raw.throughput, result.median / raw.median, loadClient));
        }
    }

    /**
     * How fast the local dispatch hands the backlog the runs above left on the queue to the bot (which
     * answers each delivery after the bench's delay): the queue's depth, 10 s apart.
     */
    private static void forwarding(HttpClient client, String base) throws Exception {
        long before = JSON.readTree(get(client, base + "/_local/stats")).path("workQueueDepth").asLong();
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        long after = JSON.readTree(get(client, base + "/_local/stats")).path("workQueueDepth").asLong();
        System.out.printf("backlog to the bot: %d -> %d waiting, %.1f deliveries/s%n", before, after,
                (before - after) / ((System.nanoTime() - t0) / 1e9));
    }

    /**
     * docs/contracts.md §11: what keeping media costs Meta's acknowledgement. Text and image webhooks
     * interleaved in one timed run at the same concurrency, so that both meet the same machine: an
     * image's extra work on the request path is the media record and the copy's hand-off to the
     * queue (the copy itself runs in dispatch). Then the customer's own media through the simulator,
     * and the bytes of each copy as S3 holds them.
     */
    private static void media(HttpClient client, String base, String run, int n, int concurrency, String endpoint)
            throws Exception {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String from = "55319" + String.format("%08d", 80000000 + i % 5000);
            payloads.add(i % 2 == 0 ? payload("wamid.TXT." + run + "." + i, from)
                    : imagePayload("wamid.IMG." + run + "." + i, from, run + i));
        }
        long[][] byKind = new long[2][n / 2 + 1];
        AtomicInteger[] counts = { new AtomicInteger(), new AtomicInteger() };
        AtomicInteger failures = new AtomicInteger();
        timed(n, concurrency, i -> {
            long t0 = System.nanoTime();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", MetaSignature.of(payloads.get(i), APP_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(payloads.get(i))).build(),
                    HttpResponse.BodyHandlers.discarding());
            byKind[i % 2][counts[i % 2].getAndIncrement()] = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                failures.incrementAndGet();
            }
        }, failures);
        double[] text = medianAndP99(byKind[0], counts[0].get());
        double[] image = medianAndP99(byKind[1], counts[1].get());
        System.out.printf("webhook ack, text: median=%.2f ms p99=%.2f ms; image (copy queued): median=%.2f ms "
                + "p99=%.2f ms; added by media: median %+.2f ms, p99 %+.2f ms (n=%d each, concurrency %d, failures %d)%n",
                text[0], text[1], image[0], image[1], image[0] - text[0], image[1] - text[1], counts[1].get(),
                concurrency, failures.get());
        copies(client, base, endpoint);
    }

    /**
     * The simulator's customer sends an image, a voice note and a PDF: each copy's bytes, as served back.
     * The media link is read from the message's stored delivery (the bench's bot keeps no journal, and
     * its backlog of slow deliveries would hold the message up for minutes).
     */
    private static void copies(HttpClient client, String base, String endpoint) throws Exception {
        String auth = "Key " + java.util.Base64.getEncoder().encodeToString(
                "demo:demo-access-key-local-only".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder("bytes per media copy:");
        try (DynamoDbClient dynamo = DynamoClients.build(new DynamoConnection(Optional.of(URI.create(endpoint)),
                "us-east-1"))) {
            for (String kind : List.of("image", "audio", "document")) {
                String body = "{\"from\":\"5531988880001\",\"media\":\"" + kind + "\"}";
                String wamid = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base
                        + "/_simulator/customer/messages")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .path("wamid").asText();
                String uri = null;
                for (int tries = 0; tries < 100 && uri == null; tries++) {
                    var item = dynamo.getItem(r -> r.tableName("wagw-deliveries").key(Map.of(Tables.PK,
                            AttributeValue.fromS(Tables.key("demo", "message:" + wamid))))).item();
                    if (item.containsKey("body")) {
                        uri = JSON.readTree(item.get("body").s()).path("content").path("uri").asText(null);
                    }
                    if (uri == null) {
                        Thread.sleep(100);
                    }
                }
                if (uri == null) {
                    line.append(" ").append(kind).append("=? (no delivery with a media link was stored)");
                    continue;
                }
                String mediaUri = uri;
                long bytes = -1;
                for (int tries = 0; tries < 100 && bytes < 0; tries++) {
                    HttpResponse<byte[]> got = client.send(HttpRequest.newBuilder(URI.create(mediaUri))
                            .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (got.statusCode() == 200) {
                        bytes = got.body().length;
                    } else {
                        Thread.sleep(100);
                    }
                }
                line.append(" ").append(kind).append('=').append(bytes);
            }
        }
        System.out.println(line);
    }

    private static double[] medianAndP99(long[] nanos, int count) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new double[] { sorted[count / 2] / 1e6, sorted[(int) Math.ceil(count * 0.99) - 1] / 1e6 };
    }

    /** One webhook holding 1,000 messages (Meta's largest batch): time to Meta's 200. */
    private static void batch(HttpClient client, String base, String run) throws Exception {
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            String from = "55319" + String.format("%08d", 60000000 + i);
            messages.append(i == 0 ? "" : ",").append("{\"from\":\"").append(from).append("\",\"id\":\"wamid.BATCH.")
                    .append(run).append('.').append(i).append("\",\"timestamp\":\"").append(Instant.now().getEpochSecond())
                    .append("\",\"text\":{\"body\":\"oi\"},\"type\":\"text\"}");
        }
        String payload = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"0\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                + "\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},\"messages\":[" + messages + "]},\"field\":\"messages\"}]}]}";
        Map<String, Long> queueBefore = stats(client, base, "sqsCalls");
        long t0 = System.nanoTime();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaSignature.of(payload, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("one webhook of 1,000 messages (%d KB): HTTP %d in %.2f s; SQS calls per message meanwhile %s%n",
                payload.length() / 1024, response.statusCode(), seconds, perMessage(queueBefore, stats(client, base, "sqsCalls"), 1000));
    }

    record Result(int n, int concurrency, double median, double p99, double throughput, int failures) {
        @Override
        public String toString() {
            return String.format("n=%d concurrency=%d median=%.2f ms p99=%.2f ms throughput=%.0f/s failures=%d", n,
                    concurrency, median, p99, throughput, failures);
        }
    }

    /**
     * Payloads signed before the clock starts (Meta signs on its own machines, not on the gateway's
     * cores), then posted.
     */
    private static Result ingest(Poster poster, String base, String run, int n, int concurrency) throws Exception {
        List<String> payloads = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            payloads.add(payload("wamid.BENCH." + run + "." + i, "55319" + String.format("%08d", 70000000 + i % 5000)));
            signatures.add(MetaSignature.of(payloads.get(i), APP_SECRET));
        }
        AtomicInteger failures = new AtomicInteger();
        String url = base + "/webhooks/whatsapp";
        return timed(n, concurrency, i -> {
            if (poster.post(url, payloads.get(i), signatures.get(i)) != 200) {
                failures.incrementAndGet();
            }
        }, failures);
    }

    /**
     * The load client of the ingestion runs: it shares the two cores with what it measures, so its
     * own CPU per message lowers the gateway's throughput. {@code apache}: Apache HttpClient's
     * blocking pool, one connection per worker; {@code jdk}: the JDK's HttpClient, as before
     * session 16 (its asynchronous machinery costs more CPU per request).
     */
    interface Poster extends AutoCloseable {
        /** @return the HTTP status */
        int post(String url, String body, String signature) throws Exception;

        @Override
        default void close() throws IOException {
        }

        static Poster named(String name, HttpClient jdk, int concurrency) {
            return switch (name) {
                case "jdk" -> (url, body, signature) -> jdk.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                case "apache" -> new ApachePoster(concurrency);
                default -> throw new IllegalArgumentException("WAGW_BENCH_LOAD_CLIENT: apache or jdk, not " + name);
            };
        }
    }

    private static final class ApachePoster implements Poster {
        private final CloseableHttpClient http;

        ApachePoster(int concurrency) {
            PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
            pool.setMaxTotal(concurrency);
            pool.setDefaultMaxPerRoute(concurrency);
            http = HttpClients.custom().setConnectionManager(pool)
                    .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries()
                    .disableContentCompression().build();
        }

        @Override
        public int post(String url, String body, String signature) throws IOException {
            HttpPost post = new HttpPost(url);
            post.setHeader("X-Hub-Signature-256", signature);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            try (var response = http.execute(post)) {
                EntityUtils.consume(response.getEntity());
                return response.getStatusLine().getStatusCode();
            }
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    /**
     * Per message, what the gateway writes: the customer's item (contact and window in one
     * conditional update) and the store-once delivery (docs/storage.md).
     */
    private static Result rawWrites(DynamoDbClient dynamo, String run, int n, int concurrency) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        String prefix = "wagw-";
        return timed(n, concurrency, i -> {
            String key = "raw-" + run + "#" + i;
            long now = Instant.now().toEpochMilli();
            dynamo.updateItem(r -> r.tableName(prefix + "accounts").key(Map.of(Tables.PK, AttributeValue.fromS(key)))
                    .updateExpression("SET waId = :waId, learnedAt = :now, lastInboundAt = :now, lastWamid = :key")
                    .conditionExpression("attribute_not_exists(canonical) AND "
                            + "(attribute_not_exists(lastInboundAt) OR lastInboundAt <= :now)")
                    .expressionAttributeValues(Map.of(":waId", AttributeValue.fromS("5531900000000"),
                            ":now", AttributeValue.fromN("" + now), ":key", AttributeValue.fromS(key))));
            Map<String, AttributeValue> delivery = new java.util.HashMap<>(Map.of(Tables.PK, AttributeValue.fromS(key),
                    "body", AttributeValue.fromS("{\"id\":\"" + key + "\",\"type\":\"text/plain\",\"content\":\"x\"}"),
                    "version", AttributeValue.fromN("0"),
                    Tables.NEXT_ATTEMPT_AT, AttributeValue.fromN("" + now)));
            dynamo.putItem(r -> r.tableName(prefix + "deliveries").item(delivery)
                    .conditionExpression("attribute_not_exists(pk)"));
        }, failures);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static Result timed(int n, int concurrency, Task task, AtomicInteger failures) throws Exception {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            task.run(i);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        return new Result(n, concurrency, nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, n / seconds,
                failures.get());
    }

    private static String payload(String wamid, String from) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"0\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                + "\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Bench\"},"
                + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"text\":{\"body\":\"oi\"},"
                + "\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";
    }

    private static String imagePayload(String wamid, String from, String mediaId) {
        return payload(wamid, from).replace("\"text\":{\"body\":\"oi\"},\"type\":\"text\"",
                "\"image\":{\"id\":\"" + mediaId + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\"x\"},"
                        + "\"type\":\"image\"");
    }

    /** The calls between two snapshots of the local stats, per message: in all, then by operation. */
    private static String perMessage(Map<String, Long> before, Map<String, Long> after, int n) {
        Map<String, String> byOperation = new TreeMap<>();
        long total = 0;
        for (var e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += delta;
            if (delta > 0) {
                byOperation.put(e.getKey(), String.format("%.2f", delta / (double) n));
            }
        }
        return String.format("%.2f %s", total / (double) n, byOperation);
    }

    private static Map<String, Long> stats(HttpClient client, String base, String field) throws Exception {
        JsonNode calls = JSON.readTree(get(client, base + "/_local/stats")).path(field);
        Map<String, Long> counts = new TreeMap<>();
        calls.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private WebhookIngestBenchmark() {
    }
}
