package net.wagw.deployed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import net.wagw.functions.Route;
import net.wagw.local.ApiGatewayEvents;

/**
 * An HTTP API in front of the deployed functions, on a free loopback port: each request matched
 * against the route table (as the template's HttpApi events route it), turned into the payload
 * 2.0 event, handed to that route's function through its Runtime API, and the function's
 * response object written back (status, headers, body base64-decoded when flagged).
 */
public final class ApiGatewayFront implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** More than API Gateway's 30 s: a first request on a loaded machine may take that long. */
    private static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, DeployedFunction> functions;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public ApiGatewayFront(Map<String, DeployedFunction> functions) {
        this.functions = functions;
        server = LoopbackServer.start("/", this::serve, executor, 64);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** When ({@link System#nanoTime()}) the latest request was received and its answer about to be written. */
    public record Hop(long received, long answering) {
    }

    private volatile Hop lastHop;

    /** The latest request's times (sequential requests: the one just answered). */
    public Hop lastHop() {
        return lastHop;
    }

    private void serve(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Optional<Map.Entry<Route, Map<String, String>>> match = ApiGatewayEvents.route(method, rawPath);
            DeployedFunction function = match.map(m -> functions.get(m.getKey().function())).orElse(null);
            if (function == null) {
                write(exchange, 404, "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode event = ApiGatewayEvents.event(JSON, match.get().getKey(), match.get().getValue(), method, rawPath,
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            RuntimeApi.Answer answer = function.invoke(JSON.writeValueAsString(event), INTEGRATION_TIMEOUT);
            if (answer.error()) {
                write(exchange, 500, "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode response = JSON.readTree(answer.body());
            response.path("headers").properties()
                    .forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
            String text = response.path("body").asText("");
            byte[] bytes = response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
            lastHop = new Hop(received, System.nanoTime());
            write(exchange, response.path("statusCode").asInt(500), bytes);
        } catch (RuntimeException e) {
            write(exchange, 502, ("{\"message\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
