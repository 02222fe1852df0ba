package net.wagw.deployed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A deployed function's calls to one of its backends, on their way there (the function's own
 * in-process counter lives in another JVM): how many and how long their round trips took, by
 * operation (the {@code X-Amz-Target} header of the AWS JSON protocols, as DynamoDB's and SQS's
 * clients send it). For DynamoDB, also what IAM authorizes each call as (an action on a table, or
 * on {@code table/index/<name>} for an index's Query or Scan; a batch on every table of its
 * {@code RequestItems}, a transaction's items each as their own action), and whether it came while
 * the function served an invocation or outside one (its init).
 */
public final class BackendProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade", "keep-alive");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One action IAM checks for a call: {@code dynamodb:<Action>} on a table, or on one of its
     * indexes ({@code index} null for the table itself).
     */
    public record Access(String action, String table, String index) {
        /** The resource as IAM names it: {@code table/<name>} or {@code table/<name>/index/<index>}. */
        public String resource() {
            return "table/" + table + (index == null ? "" : "/index/" + index);
        }

        @Override
        public String toString() {
            return action + " on " + resource();
        }
    }

    /** Calls and the time spent in their round trips, so far. */
    public record Totals(long calls, long nanos) {
        public Totals minus(Totals earlier) {
            return new Totals(calls - earlier.calls, nanos - earlier.nanos);
        }
    }

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Set<Access> atInit = ConcurrentHashMap.newKeySet();
    private final Set<Access> inInvocations = ConcurrentHashMap.newKeySet();
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private volatile BooleanSupplier invoking = () -> false;

    public BackendProxy(URI target) {
        this.target = target;
        server = LoopbackServer.start("/", this::forward, executor, 64);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Tells calls made while the function serves an invocation from the calls of its init. */
    public void invoking(BooleanSupplier invoking) {
        this.invoking = invoking;
    }

    /** Calls so far, by operation. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    /** Calls so far and the time their round trips took (request received to answer written). */
    public Totals totals() {
        return new Totals(count.sum(), nanos.sum());
    }

    /** What the calls made outside any invocation (the function's init, its priming) were authorized as. */
    public Set<Access> initAccesses() {
        return Set.copyOf(atInit);
    }

    /** What the calls made while the function served invocations were authorized as. */
    public Set<Access> invocationAccesses() {
        return Set.copyOf(inInvocations);
    }

    /**
     * The actions IAM checks for one call of DynamoDB's JSON protocol: see
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html
     * (a batch needs its own action on each table; a transaction, each item's action on its table).
     */
    static List<Access> accesses(String operation, JsonNode request) {
        List<Access> accesses = new ArrayList<>();
        switch (operation) {
            case "BatchGetItem", "BatchWriteItem" -> request.path("RequestItems").fieldNames()
                    .forEachRemaining(table -> accesses.add(new Access("dynamodb:" + operation, table, null)));
            case "TransactGetItems", "TransactWriteItems" -> request.path("TransactItems").forEach(item ->
                    item.properties().forEach(entry -> accesses.add(new Access(transactAction(entry.getKey()),
                            entry.getValue().path("TableName").asText(null), null))));
            default -> accesses.add(new Access("dynamodb:" + operation, request.path("TableName").asText(null),
                    request.path("IndexName").asText(null)));
        }
        return accesses;
    }

    private static String transactAction(String item) {
        return "dynamodb:" + switch (item) {
            case "Get" -> "GetItem";
            case "Put" -> "PutItem";
            case "Update" -> "UpdateItem";
            case "Delete" -> "DeleteItem";
            case "ConditionCheck" -> "ConditionCheckItem";
            default -> item;
        };
    }

    private void forward(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        boolean duringInvocation = invoking.getAsBoolean();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? exchange.getRequestMethod() : target.substring(target.indexOf('.') + 1);
            calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
            if (target != null && target.startsWith("DynamoDB_")) {
                (duringInvocation ? inInvocations : atInit).addAll(accesses(operation, parse(body)));
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(this.target.resolve(exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            count.increment();
            nanos.add(System.nanoTime() - started);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode(); // not JSON: recorded as an access to no table, which no policy grants
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
