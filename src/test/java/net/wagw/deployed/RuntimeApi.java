package net.wagw.deployed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API of one execution environment, on a free loopback port, as the runtime
 * interface client (AWS's, the one the java21 runtime runs) talks to it:
 * {@code GET /2018-06-01/runtime/invocation/next} waits for an event and hands it over with its
 * request id and deadline, {@code POST .../invocation/{id}/response} and {@code .../error} answer
 * it, {@code POST /2018-06-01/runtime/init/error} reports a function that could not start.
 * One invocation at a time, like one Lambda instance.
 * See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
 */
public final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** What the function answered: its response body, or the error it reported. */
    public record Answer(boolean error, String body) {
    }

    /**
     * When ({@link System#nanoTime()}) an invocation was queued, handed to the function (its
     * {@code /next} answer written) and answered (its {@code /response} or {@code /error} received).
     */
    public record Trace(long queued, long handed, long answered) {
    }

    private record Invocation(String id, byte[] event, long deadlineMillis, CompletableFuture<Answer> answer,
            long queued) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicLong handedOut = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Long> handedAt = new ConcurrentHashMap<>();
    private volatile Trace lastTrace;
    private final String functionArn;

    public RuntimeApi(String functionName) {
        this.functionArn = "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
        server = LoopbackServer.start(BASE, this::serve, executor, 16);
    }

    /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} names it. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the future completes when the function answers it. */
    public CompletableFuture<Answer> invoke(byte[] event, Duration timeout) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event,
                System.currentTimeMillis() + timeout.toMillis(), new CompletableFuture<>(), System.nanoTime());
        pending.add(invocation);
        initError.thenAccept(error -> invocation.answer().completeExceptionally(
                new IllegalStateException("the function failed to start: " + error)));
        return invocation.answer().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes with the error a function reported on init. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    /** Completes, with {@link System#nanoTime()}, when the runtime first asks for an event: init is done. */
    public CompletableFuture<Long> ready() {
        return firstPoll;
    }

    /** The latest answered invocation's hops (set before its answer completes). */
    public Trace lastTrace() {
        return lastTrace;
    }

    /** Whether the function holds an invocation it has not answered yet. */
    public boolean invoking() {
        return !running.isEmpty();
    }

    /** How many invocations the function has been handed. */
    public long invocations() {
        return handedOut.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals("invocation/next")) {
                next(exchange);
            } else if ("POST".equals(method) && path.equals("init/error")) {
                initError.complete(new String(body, StandardCharsets.UTF_8));
                accepted(exchange);
            } else if ("POST".equals(method) && path.startsWith("invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = running.remove(id);
                if (invocation == null) {
                    write(exchange, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                Long handed = handedAt.remove(id);
                lastTrace = new Trace(invocation.queued(), handed == null ? received : handed, received);
                invocation.answer().complete(new Answer(path.endsWith("/error"), new String(body, StandardCharsets.UTF_8)));
                accepted(exchange);
            } else {
                write(exchange, 404, "{\"errorMessage\":\"no such runtime API path\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(System.nanoTime());
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        running.put(invocation.id(), invocation);
        handedOut.incrementAndGet();
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMillis()));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.sendResponseHeaders(200, invocation.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
        handedAt.put(invocation.id(), System.nanoTime());
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        write(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void write(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pending.forEach(invocation -> invocation.answer().completeExceptionally(new IllegalStateException("closed")));
    }
}
