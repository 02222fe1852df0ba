package net.wagw.functions;

import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per HTTP request and per delivery attempt to a bot. The message is a short line
 * for a terminal; the fields go in the MDC, which the JSON console format of Lambda writes out as
 * structured fields ({@code mdc.route}, {@code mdc.status}, ...). Never a body, a phone number or a
 * secret: only the route template, the bot id, status, reason code, latency and request ids.
 */
public final class RequestLog {
    /** The category both lines use; a deployment can raise or lower it on its own. */
    public static final String CATEGORY = "wagw.requests";
    /** Where the Lambda runtime puts the invocation's request id (Quarkus' Lambda poll loop). */
    static final String LAMBDA_REQUEST_ID = "AWSRequestId";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private RequestLog() {
    }

    static void request(Route route, String function, String bot, int status, Integer reason, long latencyMillis,
            String apiRequestId) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", "request");
        fields.put("route", route == null ? "unrouted" : route.routeKey());
        fields.put("function", function);
        fields.put("bot", bot);
        fields.put("status", status);
        fields.put("reason", reason);
        fields.put("latencyMs", latencyMillis);
        fields.put("apiRequestId", apiRequestId);
        write(fields, (route == null ? function : route.routeKey()) + (bot == null ? "" : " bot=" + bot) + " -> "
                + status + (reason == null ? "" : " reason=" + reason) + " " + latencyMillis + "ms");
    }

    /** A delivery attempt: which bot, messages or notifications, whether the bot took it, how long it took. */
    public static void delivery(String bot, String target, boolean delivered, String failure, long latencyMillis) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", "delivery");
        fields.put("bot", bot);
        fields.put("target", target);
        fields.put("outcome", delivered ? "delivered" : "failed");
        fields.put("failure", failure);
        fields.put("latencyMs", latencyMillis);
        write(fields, "delivery " + target + (bot == null ? "" : " bot=" + bot) + " -> "
                + (delivered ? "delivered" : "failed: " + failure) + " " + latencyMillis + "ms");
    }

    private static void write(Map<String, Object> fields, String line) {
        Object lambdaRequestId = MDC.get(LAMBDA_REQUEST_ID);
        if (lambdaRequestId != null) {
            fields.put("lambdaRequestId", lambdaRequestId);
        }
        fields.entrySet().removeIf(e -> e.getValue() == null);
        fields.forEach(MDC::put);
        try {
            LOG.info(line);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
