package net.wagw.functions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table (docs/contracts.md §1): every HTTP route of wagw, the function that serves it, and
 * whether a bot can reach it through {@code /commands}. The single source for the local server,
 * the {@code commands} dispatcher and {@code infra/template.yaml} (a test holds them equal).
 */
public enum Route {
    GET_ACCOUNT("GET", "/accounts/{msisdn}", "verify", true),
    SET_OPT_IN("POST", "/opt-ins", "verify", true),
    GET_OPT_IN("GET", "/opt-ins/{customer}", "verify", true),
    DELETE_OPT_IN("DELETE", "/opt-ins/{customer}", "verify", true),
    SEND_MESSAGE("POST", "/messages", "send", false),
    SEND_NOTIFICATION("POST", "/notifications", "send", false),
    GET_MESSAGE_TEMPLATES("GET", "/message-templates", "send", true),
    /** The bot's billable messages per day, as Meta priced them in its statuses. */
    GET_USAGE("GET", "/usage", "send", true),
    GET_DEAD_LETTERS("GET", "/dead-letters", "send", true),
    REDRIVE_DEAD_LETTER("POST", "/dead-letters/{id}", "send", true),
    /** The file's bytes as the body, not JSON: no LIME command carries it. */
    UPLOAD_MEDIA("POST", "/media", "send", false),
    CREATE_GROUP("POST", "/groups", "groups", true),
    LIST_GROUPS("GET", "/groups", "groups", true),
    GET_GROUP("GET", "/groups/{id}", "groups", true),
    DELETE_GROUP("DELETE", "/groups/{id}", "groups", true),
    GET_INVITE_LINK("GET", "/groups/{id}/invite-link", "groups", true),
    RESET_INVITE_LINK("POST", "/groups/{id}/invite-link", "groups", true),
    REMOVE_PARTICIPANT("DELETE", "/groups/{id}/participants/{identity}", "groups", true),
    LIST_JOIN_REQUESTS("GET", "/groups/{id}/join-requests", "groups", true),
    ANSWER_JOIN_REQUESTS("POST", "/groups/{id}/join-requests", "groups", true),
    /** Meta's webhook: authenticated by its signature (or verify token), not by a bot key. */
    WEBHOOK_HANDSHAKE("GET", "/webhooks/whatsapp", "webhook", false),
    WEBHOOK_EVENTS("POST", "/webhooks/whatsapp", "webhook", false),
    GET_MEDIA("GET", "/media/{id}", "webhook", false),
    COMMANDS("POST", "/commands", "commands", false),
    /** The operator's: the bots table (X-Wagw-Admin-Key, and IAM in AWS), never a bot's. */
    ADMIN_LIST_BOTS("GET", "/admin/bots", "admin", false),
    ADMIN_GET_BOT("GET", "/admin/bots/{id}", "admin", false),
    ADMIN_PUT_BOT("PUT", "/admin/bots/{id}", "admin", false),
    ADMIN_DISABLE_BOT("DELETE", "/admin/bots/{id}", "admin", false);

    private final String method;
    private final String path;
    private final String function;
    private final boolean viaCommands;
    private final List<String> segments;
    private final String routeKey;

    Route(String method, String path, String function, boolean viaCommands) {
        this.method = method;
        this.path = path;
        this.function = function;
        this.viaCommands = viaCommands;
        this.segments = segments(path);
        this.routeKey = method + " " + path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String function() {
        return function;
    }

    /** Whether a bot may also reach this resource as a LIME command (docs/contracts.md §3.2). */
    public boolean viaCommands() {
        return viaCommands;
    }

    /** API Gateway's route key, e.g. {@code GET /accounts/{msisdn}}. */
    public String routeKey() {
        return routeKey;
    }

    /** Meta's own routes authenticate Meta, not a bot. */
    public boolean isMetas() {
        return this == WEBHOOK_HANDSHAKE || this == WEBHOOK_EVENTS;
    }

    /** The operator's routes: authenticated by the admin key, not a bot's. */
    public boolean isAdmin() {
        return "admin".equals(function);
    }

    public boolean takesBody() {
        return "POST".equals(method) || "PUT".equals(method);
    }

    /** The routes a LIME command on this raw path may reach, whatever its method (docs/contracts.md §3.2). */
    public static List<Route> reachableByCommand(String rawPath) {
        return Arrays.stream(values()).filter(r -> r.viaCommands() && r.match(rawPath).isPresent()).toList();
    }

    public static Optional<Route> byRouteKey(String routeKey) {
        for (Route route : values()) {
            if (route.routeKey.equals(routeKey)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public static List<String> functions() {
        return Arrays.stream(values()).map(Route::function).distinct().toList();
    }

    /**
     * Matches a raw (percent-encoded) path against this route's template, as API Gateway does:
     * each {@code {name}} takes one whole, non-empty segment; values are percent-decoded, and a
     * '+' stays a '+' (it is a path, not a form).
     */
    public Optional<Map<String, String>> match(String rawPath) {
        List<String> actual = segments(rawPath);
        if (actual.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String value = actual.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), decode(value));
            } else if (!expected.equals(value)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return Arrays.asList(trimmed.split("/", -1));
    }

    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
