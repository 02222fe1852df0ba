package net.wagw.json;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading one JSON value as text, the same way everywhere wagw reads Meta's and bots' JSON. */
public final class JsonScalars {
    private JsonScalars() {
    }

    /**
     * A scalar as a string: text as is, integers as their exact digits, integral floating-point
     * numbers without exponent or decimals. Missing, null, blank and containers: null.
     */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isTextual()) {
            String s = node.textValue();
            return s.isBlank() ? null : s;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return null; // 1e400 reads as infinity, which has no digits
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
        }
        return node.asText();
    }

    /** Any plain value (text, number, boolean) as Jackson writes it, blank kept; missing, null and containers: null. */
    public static String valueText(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    /** A string, or a number (as BLiP bots sometimes send ids), as given; empty for anything else. */
    public static Optional<String> stringOrNumber(JsonNode node) {
        return node != null && (node.isTextual() || node.isNumber()) ? Optional.of(node.asText()) : Optional.empty();
    }
}
