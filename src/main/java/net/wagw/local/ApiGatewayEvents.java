package net.wagw.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.functions.Route;

/**
 * Builds the JSON event API Gateway's HTTP API (payload format 2.0) sends a Lambda function, the
 * way AWS does: lower-cased header names with repeated values joined by commas, the raw path and
 * query, the matched route key and decoded path parameters, and a body that is base64-encoded
 * unless it is text.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
public final class ApiGatewayEvents {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    /** The route a request is for and its path parameters, as API Gateway matches the route table's routes. */
    public static Optional<Map.Entry<Route, Map<String, String>>> route(String method, String rawPath) {
        return Arrays.stream(Route.values())
                .filter(r -> r.method().equals(method))
                .flatMap(r -> r.match(rawPath).map(p -> Map.entry(r, p)).stream())
                .findFirst();
    }

    public static ObjectNode event(ObjectMapper json, Route route, Map<String, String> pathParameters, String method,
            String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body, String sourceIp) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headerNode.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("cookie")).findFirst().ifPresent(e -> {
            var cookies = event.putArray("cookies");
            e.getValue().forEach(v -> List.of(v.split(";\\s*")).forEach(cookies::add));
        });
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.put(name, query.has(name) ? query.get(name).asText() + "," + value : value);
            }
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "local");
        context.put("apiId", "local");
        // as API Gateway does: the host the request was addressed to
        String host = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("host"))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("localhost");
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]", 2)[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", decode(rawPath));
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("user-agent"))
                .map(e -> String.join(",", e.getValue())).findFirst().orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (body.length > 0) {
            boolean text = isText(headers);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway passes text and JSON bodies as they are and base64-encodes everything else. */
    private static boolean isText(Map<String, List<String>> headers) {
        String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(e -> e.getValue().get(0)).findFirst().orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
