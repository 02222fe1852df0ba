package net.wagw.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.wagw.domain.inbound.WebhookBatch;

/**
 * CloudWatch metrics as embedded metric format (EMF) lines on stdout: in Lambda, CloudWatch Logs
 * turns each such line into metrics under the {@code wagw} namespace, with no API call and no
 * agent. A line is one JSON object whose {@code _aws} member declares the metric and its
 * dimensions; the values sit at the top level beside them (the EMF specification, "Embedded
 * metric format specification", AWS CloudWatch user guide). Locally the lines are off
 * ({@code wagw.metrics.emf=false}); listeners see them either way.
 */
@ApplicationScoped
public class Metrics {
    public static final String NAMESPACE = "wagw";
    private static final Pattern META_CODE = Pattern.compile("\\(#(\\d+)\\)");

    private final ObjectMapper json;
    private final boolean toStdout;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @jakarta.inject.Inject
    public Metrics(ObjectMapper json, net.wagw.config.WagwConfig config) {
        this(json, config.metrics().emf());
    }

    Metrics(ObjectMapper json, boolean toStdout) {
        this.json = json;
        this.toStdout = toStdout;
    }

    /** Receives every EMF line from now on (tests, the local console). */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** What one HTTP request says about sends, refusals, window refusals and verifications. */
    void request(Route route, String bot, int status, Integer reason, String description) {
        boolean refused = status >= 400 && status < 500 && reason != null;
        if (route == Route.SEND_MESSAGE) {
            String outcome = status < 300 ? "accepted" : status < 500 ? "refused" : "failed";
            String metaCode = metaCode(description);
            Map<String, String> dimensions = new LinkedHashMap<>();
            dimensions.put("Outcome", outcome);
            if (metaCode != null) {
                dimensions.put("MetaErrorCode", metaCode);
            }
            count("Sends", 1, dimensions, bot);
            if (status == 422 && reason != null && reason == 66) {
                // 422 + 66 on a send is the closed 24-hour window (docs/contracts.md §3.3, policy 1)
                count("WindowRefusals", 1, Map.of(), bot);
            }
        }
        if (refused) {
            count("Refusals", 1, Map.of("Reason", Integer.toString(reason)), bot);
        }
        if (route == Route.GET_ACCOUNT && status == 200) {
            count("VerificationsUsed", 1, Map.of(), bot);
        }
    }

    /** Webhook events by field and type: messages by message type, statuses by status, group events by type. */
    void webhook(WebhookBatch batch) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        batch.messages().forEach(m -> counts.merge(List.of("messages", String.valueOf(m.type())), 1, Integer::sum));
        batch.statuses().forEach(s -> counts.merge(List.of("statuses", s.status().name().toLowerCase(java.util.Locale.ROOT)), 1, Integer::sum));
        batch.groupEvents().forEach(g -> counts.merge(List.of("groups", String.valueOf(g.type())), 1, Integer::sum));
        counts.forEach((key, n) -> count("WebhookEvents", n, Map.of("Field", key.get(0), "Type", key.get(1)), null));
    }

    /** A delivery to a bot that failed and waits for another try, or that was given up and dead-lettered. */
    void delivery(String bot, boolean deadLettered) {
        count(deadLettered ? "DeliveriesDeadLettered" : "DeliveriesRetried", 1, Map.of(), bot);
    }

    /** One EMF line: the metric with its dimensions as one dimension set; the bot as a searchable property. */
    void count(String metric, int value, Map<String, String> dimensions, String bot) {
        ObjectNode line = json.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        var set = directive.putArray("Dimensions").addArray();
        new ArrayList<>(dimensions.keySet()).forEach(set::add);
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        dimensions.forEach(line::put);
        if (bot != null) {
            line.put("bot", bot);
        }
        line.put(metric, value);
        String text;
        try {
            text = json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an EMF line could not be written", e);
        }
        if (toStdout) {
            System.out.println(text);
        }
        listeners.forEach(l -> l.accept(text));
    }

    /** Meta's error code as refusals quote it, {@code (#131047) ...}. */
    static String metaCode(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = META_CODE.matcher(description);
        return m.find() ? m.group(1) : null;
    }
}
