import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template sends against a running local gateway (Meta answering instantly): one opt-in, a
 * warm-up, then N sequential sends with fresh ids, printing median, p99, throughput and the
 * DynamoDB calls per send. Usage: java bench/SendRoundTrip.java <baseUrl> <authorization> [n]
 */
public class SendRoundTrip {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String authorization = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        post(client, base + "/opt-ins", authorization,
                "{\"phoneNumber\":\"+5531988880000\",\"source\":\"benchmark\"}", 201);
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < 200; i++) {
            send(client, base, authorization, run + "-warm-" + i);
        }
        Map<String, Long> before = stats(client, base);
        long[] nanos = new long[n];
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            send(client, base, authorization, run + "-" + i);
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = stats(client, base);
        Arrays.sort(nanos);
        System.out.printf("send round trips: n=%d median=%.2f ms p99=%.2f ms max=%.2f ms throughput=%.0f/s (sequential)%n",
                n, nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n / seconds);
        Map<String, String> perSend = new TreeMap<>();
        long total = 0;
        for (var e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += delta;
            if (delta > 0) {
                perSend.put(e.getKey(), String.format("%.2f", delta / (double) n));
            }
        }
        System.out.printf("DynamoDB calls per send: %.2f %s%n", total / (double) n, perSend);
    }

    private static void send(HttpClient client, String base, String authorization, String id) throws Exception {
        post(client, base + "/messages", authorization, "{\"id\":\"" + id + "\",\"to\":\"5531988880000@wa.gw.msging.net\","
                + "\"type\":\"application/json\",\"content\":{\"type\":\"template\",\"template\":{\"name\":\"bench\","
                + "\"language\":{\"code\":\"pt_BR\"}}}}", 202);
    }

    private static void post(HttpClient client, String url, String authorization, String body, int expected)
            throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static Map<String, Long> stats(HttpClient client, String base) throws Exception {
        String body = client.send(HttpRequest.newBuilder(URI.create(base + "/_local/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(body);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }
}
