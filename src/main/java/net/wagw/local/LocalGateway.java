package net.wagw.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import net.wagw.functions.HttpGateway;
import net.wagw.functions.Route;
import net.wagw.functions.ScheduledFunctions;
import net.wagw.queue.SqsWorkQueue;
import net.wagw.store.AwsCallCounter;
import net.wagw.store.DynamoConnection;

/**
 * The whole gateway on one local port, as API Gateway + Lambda would serve it: each request is
 * matched against the route table, turned into the payload 2.0 event JSON, read into the event
 * object the way the Lambda runtime reads it, handed to the route's function, and its response
 * object is written back. Dev and test builds only; the WhatsApp simulator shares the port under
 * {@code /_simulator/}.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class LocalGateway {
    private static final Logger LOG = Logger.getLogger(LocalGateway.class);

    private final HttpGateway gateway;
    private final WhatsAppSimulator simulator;
    private final ScheduledFunctions scheduled;
    private final AwsCallCounter calls;
    private final SqsWorkQueue queue;
    private final DynamoConnection dynamo;
    private final ObjectMapper json;
    private final int configuredPort;
    private final LocalPages pages;
    private HttpServer server;
    private ExecutorService executor;

    public LocalGateway(HttpGateway gateway, WhatsAppSimulator simulator, ScheduledFunctions scheduled,
            AwsCallCounter calls, SqsWorkQueue queue, DynamoConnection dynamo, ObjectMapper json, LocalPages pages,
            @ConfigProperty(name = "wagw.local.port", defaultValue = "8080") int configuredPort) {
        this.pages = pages;
        this.gateway = gateway;
        this.simulator = simulator;
        this.scheduled = scheduled;
        this.calls = calls;
        this.queue = queue;
        this.dynamo = dynamo;
        this.json = json;
        this.configuredPort = configuredPort;
    }

    void start(@Observes StartupEvent startup) {
        // Without TCP_NODELAY, keep-alive clients wait out a 40 ms delayed ACK between the response
        // headers and body that the JDK server writes separately.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", configuredPort), 128);
        } catch (java.net.BindException busy) {
            throw new PortInUse(configuredPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + configuredPort, e);
        }
        executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.createContext(WhatsAppSimulator.PREFIX, simulator::serve);
        server.createContext("/_local/", this::runScheduled);
        server.createContext(LocalPages.CONSOLE, pages::console);
        server.createContext(LocalPages.DOCS, pages::docs);
        server.start();
        simulator.attach(port());
        LOG.infof("wagw gateway listening on http://localhost:%d", port());
    }

    /** A busy port is a fact about the machine, not a bug: one sentence, no stack trace. */
    static final class PortInUse extends RuntimeException {
        PortInUse(int port) {
            super("Port " + port + " is already in use: stop what listens there, or pick another port with "
                    + "-Dwagw.local.port=<port> (or WAGW_LOCAL_PORT).", null, false, false);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * {@code POST /_local/dispatch} and {@code /_local/sweep} run a scheduled function now;
     * {@code GET /_local/stats} counts the DynamoDB and SQS calls made so far, by operation, and
     * the work waiting on the queue.
     */
    private void runScheduled(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Object report;
            if (path.equals("/_local/stats") && "GET".equals(exchange.getRequestMethod())) {
                write(exchange, 200, Map.of("content-type", "application/json"), json.writeValueAsBytes(Map.of(
                        "dynamodbCalls", calls.snapshot(AwsCallCounter.DYNAMODB),
                        "sqsCalls", calls.snapshot(AwsCallCounter.SQS),
                        "workQueueDepth", queue.depth(),
                        "dynamodbEndpoint", dynamo.endpoint().map(Object::toString).orElse("aws"))));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                write(exchange, 405, Map.of(), new byte[0]);
                return;
            } else if (path.equals("/_local/dispatch")) {
                report = scheduled.dispatch(json.createObjectNode());
            } else if (path.equals("/_local/sweep")) {
                report = scheduled.sweep(json.createObjectNode());
            } else {
                write(exchange, 404, Map.of(), new byte[0]);
                return;
            }
            write(exchange, 200, Map.of("content-type", "application/json"), json.writeValueAsBytes(report));
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Optional<Map.Entry<Route, Map<String, String>>> match = ApiGatewayEvents.route(method, rawPath);
            if (match.isEmpty()) {
                write(exchange, 404, Map.of("content-type", "application/json"), json.writeValueAsBytes(Map.of("reason",
                        Map.of("code", 62, "description", "No route " + method + " " + rawPath + " is served here."))));
                return;
            }
            Route route = match.get().getKey();
            ObjectNode eventJson = ApiGatewayEvents.event(json, route, match.get().getValue(), method, rawPath,
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            APIGatewayV2HTTPEvent event = json.treeToValue(eventJson, APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPResponse response = gateway.handle(route.function(), event);
            JsonNode responseJson = json.valueToTree(response);
            if (!route.isMetas()) {
                simulator.hop("bot", "wagw", method + " " + rawPath, response.getStatusCode(), hopDetail(body, response));
            }
            writeResponse(exchange, responseJson);
        } catch (RuntimeException e) {
            LOG.error("local gateway failed to serve a request", e);
            write(exchange, 500, Map.of(), new byte[0]);
        }
    }

    /** For the console's timeline: what the bot sent (JSON bodies only) and what wagw answered. */
    private JsonNode hopDetail(byte[] request, APIGatewayV2HTTPResponse response) {
        ObjectNode detail = json.createObjectNode();
        try {
            if (request.length > 0) {
                detail.set("request", json.readTree(request));
            }
            String type = response.getHeaders() == null ? null : response.getHeaders().get("content-type");
            if (response.getBody() != null && !response.getIsBase64Encoded() && type != null && type.contains("json")) {
                detail.set("response", json.readTree(response.getBody()));
            }
        } catch (IOException notJson) {
            detail.put("note", "not JSON");
        }
        return detail;
    }

    /** Writes the Lambda response as API Gateway would: status, headers, body (base64-decoded if flagged). */
    private void writeResponse(HttpExchange exchange, JsonNode response) throws IOException {
        int status = response.path("statusCode").asInt(500);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        JsonNode bodyNode = response.get("body");
        String bodyText = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asText();
        boolean base64 = response.path("isBase64Encoded").asBoolean(false);
        byte[] bytes = base64 ? Base64.getDecoder().decode(bodyText) : bodyText.getBytes(StandardCharsets.UTF_8);
        write(exchange, status, headers, bytes);
    }

    static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
