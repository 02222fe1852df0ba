import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Verify round trips against a running local gateway: warm-up, then N sequential calls, printing
 * median, p99 and throughput. Usage: java bench/VerifyRoundTrip.java <baseUrl> <authorization> [n]
 */
public class VerifyRoundTrip {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String authorization = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 200; i++) {
            call(client, base, authorization, i);
        }
        long[] nanos = new long[n];
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call(client, base, authorization, i);
            nanos[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("verify round trips: n=%d median=%.2f ms p99=%.2f ms max=%.2f ms throughput=%.0f/s (sequential)%n",
                n, nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n / seconds);
    }

    private static void call(HttpClient client, String base, String authorization, int i) throws Exception {
        String number = String.format("+55319%08d", 80000000 + (i % 10000));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/accounts/" + number))
                .header("Authorization", authorization).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
