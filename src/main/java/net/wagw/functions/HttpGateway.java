package net.wagw.functions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.lime.Command;
import net.wagw.lime.LimeReason;
import net.wagw.lime.PublicBase;

/**
 * The HTTP adapter every HTTP function shares: takes API Gateway's HTTP API (payload 2.0) event,
 * authenticates the bot, reads the body, calls the route's resource and shapes the response.
 * Errors leave as {@code {"reason":{"code","description"}}}; nothing unexpected leaks a stack trace.
 */
@ApplicationScoped
public class HttpGateway {
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json");

    private final BotAuthenticator authenticator;
    private final Resources resources;
    private final WebhookResource webhooks;
    private final CommandDispatcher commands;
    private final AdminResource admin;
    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final Metrics metrics;
    private final PublicBase publicBase;

    /** What the log line and the metrics of one request need to know about it. */
    private static final class Outcome {
        Route route;
        String bot;
        LimeReason reason;
    }

    public HttpGateway(BotAuthenticator authenticator, Resources resources, WebhookResource webhooks,
            CommandDispatcher commands, AdminResource admin, ObjectMapper json, WagwConfig config, Metrics metrics,
            PublicBase publicBase) {
        this.authenticator = authenticator;
        this.resources = resources;
        this.webhooks = webhooks;
        this.commands = commands;
        this.admin = admin;
        this.json = json;
        this.maxBodyBytes = config.http().maxBodyBytes();
        this.metrics = metrics;
        this.publicBase = publicBase;
    }

    public APIGatewayV2HTTPResponse handle(String function, APIGatewayV2HTTPEvent event) {
        return handle(function, event, true);
    }

    /**
     * A request of the function's own priming at init: served and logged like any other, but not
     * counted in the metrics, where its refusal would read as a bot's failed request at every cold start.
     */
    public APIGatewayV2HTTPResponse prime(String function, APIGatewayV2HTTPEvent event) {
        return handle(function, event, false);
    }

    private APIGatewayV2HTTPResponse handle(String function, APIGatewayV2HTTPEvent event, boolean counted) {
        long start = System.nanoTime();
        if (counted && event.getRequestContext() != null) {
            // a priming request's made-up context must not name the address
            publicBase.learn(event.getRequestContext().getDomainName(), event.getRequestContext().getStage());
        }
        Outcome outcome = new Outcome();
        APIGatewayV2HTTPResponse response;
        try {
            response = route(function, event, outcome);
        } catch (Refusal refusal) {
            response = error(HttpStatuses.of(refusal), refusal, outcome);
        } catch (RuntimeException e) {
            Refusal failure = Failures.of(e, function);
            response = error(failure.kind().map(HttpStatuses::of).orElse(Failures.isStorage(e) ? 503 : 500), failure,
                    outcome);
        }
        Integer reason = outcome.reason == null ? null : outcome.reason.code();
        RequestLog.request(outcome.route, function, outcome.bot, response.getStatusCode(), reason,
                (System.nanoTime() - start) / 1_000_000,
                event.getRequestContext() == null ? null : event.getRequestContext().getRequestId());
        if (counted && outcome.route != null) {
            metrics.request(outcome.route, outcome.bot, response.getStatusCode(), reason,
                    outcome.reason == null ? null : outcome.reason.description());
        }
        return response;
    }

    private APIGatewayV2HTTPResponse route(String function, APIGatewayV2HTTPEvent event, Outcome outcome) {
        Route route = Route.byRouteKey(event.getRouteKey())
                .filter(r -> r.function().equals(function))
                .orElseThrow(() -> new Refusal(Reason.RESOURCE_NOT_SUPPORTED,
                        "No route " + event.getRouteKey() + " is served by " + function + "."));
        outcome.route = route;
        if (route.isMetas()) {
            return respond(webhooks.handle(route, new WebhookResource.Request(
                    event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
                    header(event, "x-hub-signature-256"), rawBody(event))));
        }
        if (route.isAdmin()) {
            return respond(admin.handle(new AdminResource.Request(route, header(event, AdminResource.ADMIN_KEY_HEADER),
                    event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
                    route.takesBody() ? jsonBody(event) : null)));
        }
        Optional<Bot> bot = authenticator.authenticate(header(event, "authorization"));
        if (bot.isEmpty()) {
            return error(401, new Refusal(Reason.AUTHORIZATION_ERROR,
                    "Authorization: Key base64(botId:accessKey) is missing or wrong."), outcome);
        }
        outcome.bot = bot.get().id();
        if (route == Route.COMMANDS) {
            Command answer = command(bot.get(), event);
            outcome.reason = answer.reason();
            return respond(200, answer);
        }
        if (route == Route.UPLOAD_MEDIA) {
            return respond(resources.upload(bot.get(), rawBody(event), header(event, "content-type"),
                    event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters()));
        }
        JsonNode body = route.takesBody() ? jsonBody(event) : null;
        Map<String, String> parameters = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return respond(resources.invoke(new ResourceRequest(route, bot.get(), parameters, query, body)));
    }

    private APIGatewayV2HTTPResponse respond(ResourceResponse response) {
        if (response.body() instanceof byte[] bytes) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                    .withHeaders(Map.of("content-type", response.type()))
                    .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build();
        }
        if (response.body() instanceof ResourceResponse.Redirect redirect) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                    .withHeaders(Map.of("location", redirect.location().toString())).withIsBase64Encoded(false).build();
        }
        if (response.body() instanceof ResourceResponse.PlainText text) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(response.status())
                    .withHeaders(Map.of("content-type", "text/plain")).withBody(text.text())
                    .withIsBase64Encoded(false).build();
        }
        return respond(response.status(), response.body());
    }

    private static byte[] rawBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? decode(raw) : raw.getBytes(StandardCharsets.UTF_8);
    }

    private Command command(Bot bot, APIGatewayV2HTTPEvent event) {
        try {
            return commands.dispatch(bot, textBody(event));
        } catch (Refusal refusal) {
            return commands.failure(bot, refusal);
        }
    }

    /** The JSON body, or null when there is none (the resource says whether it needed one). */
    private JsonNode jsonBody(APIGatewayV2HTTPEvent event) {
        if (rawBody(event).length == 0) {
            return null;
        }
        try {
            return json.readTree(textBody(event));
        } catch (JsonProcessingException e) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The body is not valid JSON: " + e.getOriginalMessage() + ".");
        }
    }

    /** The body as text after the size and content-type checks every body goes through. */
    private String textBody(APIGatewayV2HTTPEvent event) {
        byte[] bytes = rawBody(event);
        if (bytes.length > maxBodyBytes) {
            throw new Refusal(Reason.VALIDATION_ERROR,
                    "The body has " + bytes.length + " bytes; the limit is " + maxBodyBytes + ".");
        }
        String contentType = Optional.ofNullable(header(event, "content-type")).orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase();
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new Refusal(Reason.UNSUPPORTED_CONTENT_TYPE, "The body must be sent as Content-Type: application/json"
                    + (mediaType.isEmpty() ? "" : ", not " + mediaType) + ".");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The body is marked base64 but is not.");
        }
    }

    /** API Gateway lower-cases header names in payload 2.0; other callers may not. */
    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        return event.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private APIGatewayV2HTTPResponse error(int status, Refusal refusal, Outcome outcome) {
        outcome.reason = LimeReason.of(refusal);
        return respond(status, Map.of("reason", outcome.reason));
    }

    private APIGatewayV2HTTPResponse respond(int status, Object body) {
        String text;
        try {
            text = body == null ? null : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(body == null ? Map.of() : JSON_HEADERS)
                .withBody(text)
                .withIsBase64Encoded(false)
                .build();
    }
}
