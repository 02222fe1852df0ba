package net.wagw.whatsapp;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import net.wagw.json.JsonScalars;

import net.wagw.domain.send.Template;

/**
 * Reads Meta's template definitions ({@code GET /{WABA-ID}/message_templates}, one element of
 * {@code data[]}) into the catalog's {@link Template}: name, language, status, category and how
 * many parameters a message must give each component ({@code header}, {@code body},
 * {@code button:<index>}).
 */
public final class TemplateDefinitions {
    /** {@code {{1}}} or a named parameter {@code {{first_name}}}, spaces inside the braces tolerated. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private TemplateDefinitions() {
    }

    /**
     * One template definition as Meta describes it.
     *
     * @throws IllegalArgumentException when the definition lacks its name, language or status
     */
    public static Template parse(JsonNode metaTemplate) {
        if (metaTemplate == null || !metaTemplate.isObject()) {
            throw new IllegalArgumentException("a template definition is a JSON object");
        }
        String name = required(metaTemplate, "name");
        String language = required(metaTemplate, "language");
        String status = required(metaTemplate, "status");
        String category = JsonScalars.valueText(metaTemplate.path("category"));
        boolean authentication = "AUTHENTICATION".equalsIgnoreCase(category);

        Map<String, Integer> parameters = new LinkedHashMap<>();
        for (JsonNode component : metaTemplate.path("components")) {
            switch (upper(component.path("type"))) {
                case "HEADER" -> put(parameters, "header", header(component));
                case "BODY" -> put(parameters, "body", body(component, authentication));
                case "BUTTONS" -> {
                    JsonNode buttons = component.path("buttons");
                    for (int i = 0; i < buttons.size(); i++) {
                        put(parameters, "button:" + i, button(buttons.get(i)));
                    }
                }
                default -> {
                    // FOOTER has no parameters; CAROUSEL, LIMITED_TIME_OFFER, ... are not counted
                }
            }
        }
        return new Template(name, language, status, category, parameters);
    }

    /** Distinct placeholders in a template text: {@code {{1}} and {{1}}} count 1. */
    static int placeholders(String text) {
        if (text == null) {
            return 0;
        }
        Set<String> distinct = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            distinct.add(matcher.group(1));
        }
        return distinct.size();
    }

    private static int header(JsonNode component) {
        return switch (upper(component.path("format"))) {
            case "IMAGE", "VIDEO", "DOCUMENT", "LOCATION" -> 1;
            default -> placeholders(JsonScalars.valueText(component.path("text")));
        };
    }

    /**
     * An authentication template's body is Meta's preset "{{1}} is your verification code."; the
     * definition as created may omit its text, and a message still gives the code.
     */
    private static int body(JsonNode component, boolean authentication) {
        String text = JsonScalars.valueText(component.path("text"));
        if (text == null && authentication) {
            return 1;
        }
        return placeholders(text);
    }

    private static int button(JsonNode button) {
        return switch (upper(button.path("type"))) {
            case "URL" -> placeholders(JsonScalars.valueText(button.path("url")));
            case "COPY_CODE", "MPM" -> 1;
            case "OTP" -> switch (upper(button.path("otp_type"))) {
                case "COPY_CODE", "ONE_TAP", "ZERO_TAP" -> 1;
                default -> 0;
            };
            default -> 0; // QUICK_REPLY, PHONE_NUMBER, FLOW, CATALOG, ...: nothing required
        };
    }

    private static void put(Map<String, Integer> parameters, String key, int count) {
        if (count > 0) {
            parameters.put(key, count);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = JsonScalars.valueText(node.path(field));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a template definition without its " + field);
        }
        return value;
    }

    private static String upper(JsonNode node) {
        String value = JsonScalars.valueText(node);
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
