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

import net.wagw.deployed.BackendProxy;
import net.wagw.deployed.DeployedFunction;
import net.wagw.deployed.LocalDeployment;
import net.wagw.deployed.MetaStandIn;
import net.wagw.deployed.RuntimeApi;
import net.wagw.whatsapp.MetaSignature;

/**
 * Not a test: benchmarks of the deployed artifact (bench/deployed.sh, bench/dynamodb-calls.sh,
 * bench/deployed-cds.sh). {@code cold}: each function of the template started alone from
 * target/function.zip under the runtime interface client, with Lambda's JVM flags: process start
 * to its first answered request (and the process's CPU time by then), then warm p50/p99 of
 * {@code n} requests through the API front, with their backends' round trips and hops; without
 * priming ({@code wagw.priming=false}), then with it. {@code calls}: the DynamoDB calls of each
 * operation, counted on their way to dynalite. {@code cds}: cold starts without and with an AppCDS
 * archive recorded under the runtime client.
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
            } else if (mode.equals("cds")) {
                String homes = args.length > 3 ? args[3] : System.getProperty("java.home");
                for (String home : homes.split(",")) {
                    cds(Path.of(home), n);
                }
            } else {
                // before (no priming: the first request builds and loads what it needs) and after, in one run
                // a number: primed, its AWS calls that many times (wagw.priming-rounds), as before a SnapStart snapshot
                for (String priming : args.length > 3 ? args[3].split(",") : new String[] { "false", "true" }) {
                    boolean rounds = priming.matches("\\d+");
                    deployment.environment("WAGW_PRIMING", rounds ? "true" : priming);
                    deployment.environment("WAGW_PRIMING_ROUNDS", rounds ? priming : "1");
                    System.out.println(rounds ? "primed at init, its AWS calls " + priming + " times (wagw.priming-rounds)"
                            : priming.equals("true") ? "primed at init (wagw.priming=true, the default)"
                            : "not primed (wagw.priming=false)");
                    cold(n);
                }
            }
        }
    }

    // --- cold start and warm latency -------------------------------------------------------

    private static void cold(int n) throws Exception {
        System.out.printf("%-9s %10s %10s %10s %12s %9s %9s %7s %12s %12s %12s %12s%n", "function", "init (s)", "1st req (s)",
                "cold (s)", "cpu@1st (s)", "p50 (ms)", "p99 (ms)", "DDB/req", "backend (ms)", "-backend (ms)", "cpu/req (ms)",
                "bench cpu/req");
        List<String> traces = new java.util.ArrayList<>();
        // webhook first: its messages open the customers' windows, which send's requests need
        // dispatch after them: each of its requests is an SQS event of one work item they queued
        for (String function : functions()) {
            IntFunction<String> request = request(function);
            deployment.jvmFlags(Jfr.flags());
            DeployedFunction started = deployment.start(function);
            long t0 = started.startedNanos();
            long ready = started.awaitReady(LocalDeployment.START_TIMEOUT);
            String first = request.apply(0);
            long answered = System.nanoTime();
            Jfr.warmFrom(started, function);
            double cpu = cpuMillis(started.pid()) / 1000.0;
            if (first.startsWith("!")) {
                throw new IllegalStateException(function + " failed its first request: " + first + "\n" + started.logTail());
            }
            long[] warm = new long[n];
            Hops hops = new Hops(n);
            List<BackendProxy> backends = List.of(deployment.dynamoCalls(function), deployment.queueCalls(function),
                    deployment.metaCalls());
            boolean http = !List.of("dispatch", "sweep").contains(function);
            double cpuBefore = cpuMillis(started.pid());
            double benchBefore = cpuMillis(ProcessHandle.current().pid());
            for (int i = 0; i < n; i++) {
                List<BackendProxy.Totals> before = backends.stream().map(BackendProxy::totals).toList();
                long s = System.nanoTime();
                request.apply(i + 1);
                long e = System.nanoTime();
                warm[i] = e - s;
                List<BackendProxy.Totals> calls = new java.util.ArrayList<>();
                for (int b = 0; b < backends.size(); b++) {
                    calls.add(backends.get(b).totals().minus(before.get(b)));
                }
                hops.add(i, s, e, http ? deployment.front().lastHop() : null, started.lastTrace(), calls);
            }
            // the function's CPU time per warm request, and the harness's own (this JVM: front, Runtime API, proxies)
            double cpuPerRequest = (cpuMillis(started.pid()) - cpuBefore) / n;
            double benchPerRequest = (cpuMillis(ProcessHandle.current().pid()) - benchBefore) / n;
            Jfr.warmTo(started, function);
            Arrays.sort(warm);
            System.out.printf("%-9s %10.2f %10.2f %10.2f %12.2f %9.1f %9.1f %7.1f %12.1f %12.1f %12.1f %12.1f%n", function,
                    (ready - t0) / 1e9, (answered - ready) / 1e9, (answered - t0) / 1e9, cpu, warm[n / 2] / 1e6,
                    warm[Math.min(n - 1, (int) (n * 0.99))] / 1e6, hops.meanCalls(), hops.median(Hops.BACKENDS),
                    hops.median(Hops.WITHOUT_BACKENDS), cpuPerRequest, benchPerRequest);
            traces.add(String.format("%-9s %s", function, hops.medians()));
            if (!function.equals("webhook")) {
                deployment.stop(function);
            }
        }
        deployment.stop("webhook");
        System.out.println("warm request hops, medians (ms): " + String.join(", ", Hops.NAMES));
        traces.forEach(System.out::println);
    }

    /**
     * The functions {@code cold} runs, in this order (webhook first: its message opens the
     * customer's window, which send's requests need); {@code WAGW_BENCH_FUNCTIONS} picks some.
     */
    private static List<String> functions() {
        String only = System.getenv("WAGW_BENCH_FUNCTIONS");
        List<String> all = List.of("webhook", "verify", "send", "commands", "groups", "admin", "dispatch", "sweep");
        return only == null || only.isBlank() ? all : all.stream().filter(List.of(only.split(","))::contains).toList();
    }

    /**
     * Flight recordings of {@code cold}'s functions when {@code WAGW_BENCH_JFR} names a directory:
     * {@code <function>-init.jfr} from the JVM's start to its first answer, then
     * {@code <function>-warm.jfr} of the warm requests alone ({@code jcmd}, settings
     * {@code WAGW_BENCH_JFR_SETTINGS}, default {@code profile}); bench/jfr-top.java sums them.
     */
    private static final class Jfr {
        static final String DIR = System.getenv("WAGW_BENCH_JFR");
        static final String SETTINGS = System.getenv().getOrDefault("WAGW_BENCH_JFR_SETTINGS", "profile");

        /** The function's JVM flags besides Lambda's: {@code WAGW_BENCH_JVM_FLAGS} (space-separated), and JFR's. */
        static List<String> flags() {
            List<String> flags = new java.util.ArrayList<>();
            String extra = System.getenv("WAGW_BENCH_JVM_FLAGS");
            if (extra != null && !extra.isBlank()) {
                flags.addAll(List.of(extra.trim().split("\\s+")));
            }
            if (DIR != null) {
                flags.add("-XX:FlightRecorderOptions=stackdepth=256");
                flags.add("-XX:StartFlightRecording=name=init,settings=" + SETTINGS);
            }
            return flags;
        }

        static void warmFrom(DeployedFunction function, String name) {
            if (DIR != null) {
                jcmd(function, "JFR.stop", "name=init", "filename=" + Path.of(DIR, name + "-init.jfr").toAbsolutePath());
                jcmd(function, "JFR.start", "name=warm", "settings=" + SETTINGS);
            }
        }

        static void warmTo(DeployedFunction function, String name) {
            if (DIR != null) {
                jcmd(function, "JFR.stop", "name=warm", "filename=" + Path.of(DIR, name + "-warm.jfr").toAbsolutePath());
            }
        }

        private static void jcmd(DeployedFunction function, String... command) {
            List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(function.pid())));
            line.addAll(List.of(command));
            try {
                java.nio.file.Files.createDirectories(Path.of(DIR));
                Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
                String out = new String(jcmd.getInputStream().readAllBytes());
                if (jcmd.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", line) + ": " + out);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Where a warm request's time goes, per request (medians printed): the client to the API front,
     * the front building the event and the function taking it ({@code /next} answered), the
     * function's work (and, within it, its backends' round trips as their proxies timed them:
     * DynamoDB, the work queue, Meta and the bot), its answer to the front and the front's to the
     * client; and the whole request less its backends. Functions invoked without the front
     * (dispatch: the bench's receive from the queue and delete after, in the first and last hops;
     * sweep) have only the Runtime API's hops.
     */
    private static final class Hops {
        static final List<String> NAMES = List.of("client->front", "front->handed", "in function", "DynamoDB", "queue",
                "Meta/bot", "answer->front", "front->client");
        static final int BACKENDS = NAMES.size();
        static final int WITHOUT_BACKENDS = NAMES.size() + 1;
        private final double[][] ms;
        private long calls;

        Hops(int n) {
            ms = new double[NAMES.size() + 2][n];
        }

        /** @param backends the request's calls to DynamoDB, the queue, Meta and the bot */
        void add(int i, long sent, long received, net.wagw.deployed.ApiGatewayFront.Hop front, RuntimeApi.Trace trace,
                List<BackendProxy.Totals> backends) {
            long in = front == null ? sent : front.received();
            long out = front == null ? received : front.answering();
            long backend = backends.stream().mapToLong(BackendProxy.Totals::nanos).sum();
            ms[0][i] = (in - sent) / 1e6;
            ms[1][i] = (trace.handed() - in) / 1e6;
            ms[2][i] = (trace.answered() - trace.handed()) / 1e6;
            for (int b = 0; b < 3; b++) {
                ms[3 + b][i] = backends.get(b).nanos() / 1e6;
            }
            ms[6][i] = (out - trace.answered()) / 1e6;
            ms[7][i] = (received - out) / 1e6;
            ms[BACKENDS][i] = backend / 1e6;
            ms[WITHOUT_BACKENDS][i] = (received - sent - backend) / 1e6;
            calls += backends.get(0).calls();
        }

        double median(int hop) {
            double[] sorted = ms[hop].clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        double meanCalls() {
            return calls / (double) ms[0].length;
        }

        String medians() {
            StringBuilder line = new StringBuilder();
            for (int hop = 0; hop < NAMES.size(); hop++) {
                line.append(String.format(" %8.2f", median(hop)));
            }
            return line.toString();
        }
    }

    // --- AppCDS -----------------------------------------------------------------------------

    /**
     * A class-data archive per function, recorded under the runtime client as Lambda would run it:
     * a training run with {@code -XX:ArchiveClassesAtExit} that answers the function's first
     * request and exits as Lambda shuts an environment down (SIGTERM); then {@code rounds} cold
     * starts without the archive and with it ({@code -XX:SharedArchiveFile}, and
     * {@code -Xshare:on} so that an archive the JVM cannot map fails the run rather than measuring
     * nothing), alternating, on the JVM of {@code javaHome}; medians of init and of process start to
     * first answer. The archive only loads in the JVM build that wrote it.
     */
    private static void cds(Path javaHome, int rounds) throws Exception {
        Path archives = Path.of("target/bench/deployed/cds").toAbsolutePath();
        java.nio.file.Files.createDirectories(archives);
        deployment.javaHome(javaHome);
        String version = version(javaHome);
        System.out.printf("AppCDS on %s (%s): medians of %d cold starts each%n", javaHome, version, rounds);
        System.out.printf("%-9s %12s %12s %12s %12s %11s %11s %12s%n", "function", "init (s)", "init+CDS (s)", "cold (s)",
                "cold+CDS (s)", "saving (s)", "archive MB", "training (s)");
        int[] next = { 1000 };
        for (String function : List.of("webhook", "verify", "send", "commands", "groups", "admin", "dispatch", "sweep")) {
            IntFunction<String> request = request(function);
            Path archive = archives.resolve(function + "-" + version + ".jsa");
            java.nio.file.Files.deleteIfExists(archive);
            long training = System.nanoTime();
            deployment.jvmFlags(List.of("-XX:ArchiveClassesAtExit=" + archive));
            firstRequest(function, request, next[0]++);
            int exit = deployment.exit(function, Duration.ofMinutes(2));
            double trained = (System.nanoTime() - training) / 1e9;
            if (!java.nio.file.Files.isRegularFile(archive)) {
                throw new IllegalStateException(function + " exited (" + exit + ") without writing " + archive);
            }
            double[][] plain = new double[2][rounds];
            double[][] shared = new double[2][rounds];
            for (int r = 0; r < rounds; r++) {
                for (double[][] variant : List.of(plain, shared)) {
                    deployment.jvmFlags(variant == plain ? List.of()
                            : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"));
                    double[] times = firstRequest(function, request, next[0]++);
                    variant[0][r] = times[0];
                    variant[1][r] = times[1];
                    deployment.stop(function);
                }
            }
            double[] medians = { median(plain[0]), median(shared[0]), median(plain[1]), median(shared[1]) };
            System.out.printf("%-9s %12.2f %12.2f %12.2f %12.2f %11.2f %11.1f %12.1f%n", function, medians[0], medians[1],
                    medians[2], medians[3], medians[2] - medians[3], java.nio.file.Files.size(archive) / 1e6, trained);
        }
        deployment.jvmFlags(List.of());
        deployment.javaHome(Path.of(System.getProperty("java.home")));
    }

    /** Starts the function and answers its first request: init and process start to first answer, seconds. */
    private static double[] firstRequest(String function, IntFunction<String> request, int i) {
        DeployedFunction started = deployment.start(function);
        long ready = started.awaitReady(LocalDeployment.START_TIMEOUT);
        String first = request.apply(i);
        long answered = System.nanoTime();
        if (first.startsWith("!")) {
            throw new IllegalStateException(function + " failed its first request: " + first + "\n" + started.logTail());
        }
        return new double[] { (ready - started.startedNanos()) / 1e9, (answered - started.startedNanos()) / 1e9 };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The JVM's version string, as its {@code release} file names it. */
    private static String version(Path javaHome) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(javaHome.resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "")).orElse("unknown");
    }

    /** The process's CPU time so far (user and system), ms. */
    private static double cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
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
            // naming the send it is about in its callback data, as Meta's statuses do
            operations.put("status", measured(sessionSend, () -> webhook(status("wamid.DEPLOYED", "delivered",
                    "wagw:" + LocalDeployment.BOT + ":s-" + run + "-" + counter[0]))));
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
            // request i of send to the customer whose window request i of webhook opened: one send per
            // customer, as most are, rather than past Meta's pair burst to one (45, then one per 6 s:
            // Pacer), which would measure the send deferred on the queue instead of the one made to Meta
            case "send" -> i -> call(bot("POST", "/messages", "{\"id\":\"b-" + System.nanoTime() + "\",\"to\":\"" + customer(i)
                    + "@wa.gw.msging.net\",\"type\":\"text/plain\",\"content\":\"oi\"}"));
            case "webhook" -> i -> webhook(inbound("wamid.B." + System.nanoTime(), customer(i)));
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

    /** The benchmark's customer number {@code i}, a Brazilian mobile. */
    private static String customer(int i) {
        return "55319888" + String.format("%05d", i);
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

    private static String status(String wamid, String status, String callbackData) {
        return envelope("\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + CUSTOMER + "\",\"biz_opaque_callback_data\":\""
                + callbackData + "\"}]");
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
