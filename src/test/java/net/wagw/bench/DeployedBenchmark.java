package net.wagw.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import net.wagw.deployed.DeployedFunction;
import net.wagw.deployed.LocalDeployment;
import net.wagw.deployed.MetaStandIn;
import net.wagw.deployed.RuntimeApi;
import net.wagw.whatsapp.MetaSignature;

/**
 * Not a test: benchmarks of the deployed artifact (bench/deployed.sh, bench/dynamodb-calls.sh).
 * {@code cold}: each function of the template started alone from target/function.zip under the
 * runtime interface client, with Lambda's JVM flags: process start to its first answered request
 * (and the process's CPU time by then), then warm p50/p99 of {@code n} requests through the API
 * front; without priming ({@code wagw.priming=false}), then with it. {@code calls}: the DynamoDB
 * calls of each operation, counted on their way to dynalite.
 */
public final class DeployedBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().build();
    private static final String CUSTOMER = "5531988889999";
    private static LocalDeployment deployment;

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "cold";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path zip = Path.of(args.length > 2 ? args[2] : "target/function.zip");
        try (MetaStandIn meta = new MetaStandIn(0, false);
                LocalDeployment deployed = LocalDeployment.prepare(zip,
                        Path.of("target/lambda-runtime"), Path.of("target/bench/deployed"), meta.baseUrl())) {
            deployment = deployed;
            if (mode.equals("calls")) {
                calls();
            } else {
                // before (no priming: the first request builds and loads what it needs) and after, in one run
                for (String priming : args.length > 3 ? args[3].split(",") : new String[] { "false", "true" }) {
                    deployment.environment("WAGW_PRIMING", priming);
                    System.out.println(priming.equals("true") ? "primed at init (wagw.priming=true, the default)"
                            : "not primed (wagw.priming=false)");
                    cold(n);
                }
            }
        }
    }

    // --- cold start and warm latency -------------------------------------------------------

    private static void cold(int n) throws Exception {
        System.out.printf("%-9s %10s %10s %10s %12s %9s %9s%n", "function", "init (s)", "1st req (s)", "cold (s)",
                "cpu@1st (s)", "p50 (ms)", "p99 (ms)");
        // webhook first: its message opens the customer's window, which send's requests need
        // dispatch after them: each of its requests is an SQS event of one work item they queued
        for (String function : List.of("webhook", "verify", "send", "commands", "groups", "admin", "dispatch", "sweep")) {
            IntFunction<String> request = request(function);
            DeployedFunction started = deployment.start(function);
            long t0 = started.startedNanos();
            long ready = started.awaitReady(LocalDeployment.START_TIMEOUT);
            String first = request.apply(0);
            long answered = System.nanoTime();
            double cpu = ProcessHandle.of(pid(started)).flatMap(p -> p.info().totalCpuDuration())
                    .map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
            if (first.startsWith("!")) {
                throw new IllegalStateException(function + " failed its first request: " + first + "\n" + started.logTail());
            }
            long[] warm = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                request.apply(i + 1);
                warm[i] = System.nanoTime() - s;
            }
            Arrays.sort(warm);
            System.out.printf("%-9s %10.2f %10.2f %10.2f %12.2f %9.1f %9.1f%n", function, (ready - t0) / 1e9,
                    (answered - ready) / 1e9, (answered - t0) / 1e9, cpu, warm[n / 2] / 1e6, warm[Math.min(n - 1, (int) (n * 0.99))] / 1e6);
            if (!function.equals("webhook")) {
                deployment.stop(function);
            }
        }
        deployment.stop("webhook");
    }

    private static long pid(DeployedFunction function) {
        return function.pid();
    }

    // --- DynamoDB calls per operation ------------------------------------------------------

    private static void calls() throws Exception {
        {
            List<String> functions = List.of("verify", "send", "webhook", "dispatch", "sweep");
            functions.forEach(deployment::start);
            for (String function : functions) {
                deployment.function(function).awaitReady(LocalDeployment.START_TIMEOUT);
            }
            String run = Long.toString(System.currentTimeMillis(), 36);
            // warm every path once, so that the counts are a warm function's
            sweep();
            webhook(inbound("wamid.W." + run, CUSTOMER));
            drain();
            Map<String, Runnable> operations = new LinkedHashMap<>();
            int[] counter = { 0 };
            operations.put("verify", measured(null, () -> call(bot("GET", "/accounts/+553197700"
                    + String.format("%04d", ++counter[0]), null))));
            operations.put("opt-in", measured(null, () -> call(bot("POST", "/opt-ins", "{\"phoneNumber\":\"+553197710"
                    + String.format("%04d", ++counter[0]) + "\",\"source\":\"web\"}"))));
            Runnable sessionSend = () -> call(bot("POST", "/messages", "{\"id\":\"s-" + run + "-" + (++counter[0])
                    + "\",\"to\":\"" + CUSTOMER + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"oi\"}"));
            operations.put("session send", measured(null, sessionSend));
            operations.put("  session to Meta", measured(sessionSend, DeployedBenchmark::drain));
            String[] templateTo = { null };
            Runnable optIn = () -> {
                templateTo[0] = "553197720" + String.format("%04d", ++counter[0]);
                call(bot("POST", "/opt-ins", "{\"phoneNumber\":\"+" + templateTo[0] + "\",\"source\":\"web\"}"));
            };
            Runnable templateSend = () -> call(bot("POST", "/messages", "{\"id\":\"t-" + run + "-" + counter[0]
                    + "\",\"to\":\"" + templateTo[0] + "@wa.gw.msging.net\",\"type\":\"application/json\",\"content\":"
                    + "{\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"pt_BR\","
                    + "\"policy\":\"deterministic\"},\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\","
                    + "\"text\":\"42\"}]}]}}}"));
            operations.put("template send", measured(optIn, templateSend));
            operations.put("  template to Meta", measured(() -> {
                optIn.run();
                templateSend.run();
            }, DeployedBenchmark::drain));
            Runnable inbound = () -> webhook(inbound("wamid.I." + run + "." + (++counter[0]),
                    "553197730" + String.format("%04d", counter[0])));
            operations.put("inbound message", measured(null, inbound));
            operations.put("  to the bot (dispatch)", measured(inbound, DeployedBenchmark::drain));
            operations.put("status", measured(null, () -> webhook(status("wamid.DEPLOYED", "delivered"))));
            operations.put("duplicate webhook", measured(null, () -> webhook(inbound("wamid.W." + run, CUSTOMER))));
            operations.put("idle dispatch", measured(null, () -> invoke("dispatch")));
            operations.put("idle sweep", measured(null, DeployedBenchmark::sweep));
            int rounds = 5;
            System.out.printf("%-18s %s%n", "operation", "DynamoDB calls (mean of " + rounds + ", by operation)");
            for (var operation : operations.entrySet()) {
                Map<String, Long> total = new TreeMap<>();
                for (int i = 0; i < rounds; i++) {
                    MARK.set(null);
                    Map<String, Long> before = deployment.dynamoCalls();
                    operation.getValue().run();
                    Map<String, Long> from = MARK.get() == null ? before : MARK.get();
                    deployment.dynamoCalls().forEach((op, count) -> total.merge(op, count - from.getOrDefault(op, 0L), Long::sum));
                }
                total.values().removeIf(v -> v == 0);
                double sum = total.values().stream().mapToLong(Long::longValue).sum() / (double) rounds;
                Map<String, String> mean = new TreeMap<>();
                total.forEach((op, count) -> mean.put(op, String.format("%.1f", count / (double) rounds)));
                System.out.printf("%-18s %5.1f %s%n", operation.getKey(), sum, mean);
            }
        }
    }

    /**
     * An operation whose calls are counted: the queue drained first and {@code setup} run, both
     * uncounted, then {@code counted}.
     */
    private static Runnable measured(Runnable setup, Runnable counted) {
        return () -> {
            drain();
            if (setup != null) {
                setup.run();
            }
            MARK.set(deployment.dynamoCalls());
            counted.run();
        };
    }

    /** Dispatch rounds until the work queue has nothing visible. */
    private static void drain() {
        while (deployment.dispatchRound(10, Duration.ofMillis(200)).messages() > 0) {
            // the next batch
        }
    }

    /** Where an operation starts counting (after its setup). */
    private static final java.util.concurrent.atomic.AtomicReference<Map<String, Long>> MARK =
            new java.util.concurrent.atomic.AtomicReference<>();

    // --- requests --------------------------------------------------------------------------

    /** The function's benchmark request number {@code i}; its answer, or "!" and the reason it failed. */
    private static IntFunction<String> request(String function) {
        return switch (function) {
            case "verify" -> i -> call(bot("GET", "/accounts/+55319770" + String.format("%05d", i), null));
            case "send" -> i -> call(bot("POST", "/messages", "{\"id\":\"b-" + System.nanoTime() + "\",\"to\":\"" + CUSTOMER
                    + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"oi\"}"));
            case "webhook" -> i -> webhook(inbound("wamid.B." + System.nanoTime(), CUSTOMER));
            case "commands" -> i -> call(bot("POST", "/commands", "{\"id\":\"c-" + i + "\",\"to\":\"postmaster@wa.gw.msging.net\","
                    + "\"method\":\"get\",\"uri\":\"lime://wa.gw.msging.net/accounts/+" + CUSTOMER + "\"}"));
            case "groups" -> i -> call(bot("GET", "/groups", null));
            case "admin" -> i -> call(HttpRequest.newBuilder(URI.create(deployment.front().baseUrl() + "/admin/bots"))
                    .header("X-Wagw-Admin-Key", LocalDeployment.ADMIN_KEY).GET().build());
            case "dispatch" -> i -> {
                LocalDeployment.Round round = deployment.dispatchRound(1, Duration.ofSeconds(2));
                return round.messages() == 0 ? "!the work queue is empty" : round.report().toString();
            };
            default -> i -> invoke(function);
        };
    }

    private static String sweep() {
        return invoke("sweep");
    }

    private static String invoke(String function) {
        RuntimeApi.Answer answer = deployment.function(function).invoke(scheduledEvent(), Duration.ofSeconds(30));
        return answer.error() ? "!" + answer.body() : answer.body();
    }

    private static String scheduledEvent() {
        return "{\"version\":\"0\",\"id\":\"bench\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
                + "\"account\":\"000000000000\",\"time\":\"" + Instant.now() + "\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":{}}";
    }

    private static String inbound(String wamid, String from) {
        return envelope("\"contacts\":[{\"profile\":{\"name\":\"Maria\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\""
                + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"text\":{\"body\":\"oi\"},\"type\":\"text\"}]");
    }

    private static String status(String wamid, String status) {
        return envelope("\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + CUSTOMER + "\"}]");
    }

    private static String envelope(String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + LocalDeployment.WABA_ID + "\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + LocalDeployment.PHONE_NUMBER_ID + "\"}," + value + "},\"field\":\"messages\"}]}]}";
    }

    private static String webhook(String payload) {
        return call(HttpRequest.newBuilder(URI.create(deployment.front().baseUrl() + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaSignature.of(payload, LocalDeployment.APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    private static HttpRequest bot(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deployment.front().baseUrl() + path))
                .header("Authorization", LocalDeployment.AUTHORIZATION);
        return (body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)))
                .build();
    }

    private static String call(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() >= 300 ? "!" + response.statusCode() + " " + response.body() : response.body();
        } catch (Exception e) {
            return "!" + e;
        }
    }

}
