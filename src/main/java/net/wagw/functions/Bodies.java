package net.wagw.functions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import net.wagw.domain.Bounds;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.json.JsonScalars;

/** Reading the fields of a JSON body or command resource, with refusals that say what is wrong. */
final class Bodies {
    private Bodies() {
    }

    static JsonNode object(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The body must be " + what + " as a JSON object.");
        }
        return body;
    }

    /** A string (or number, as BLiP bots sometimes send ids) field; empty when absent. */
    static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = JsonScalars.stringOrNumber(value).orElseThrow(
                () -> new Refusal(Reason.VALIDATION_ERROR, "'" + field + "' must be a string."));
        // every text field a bot sends is bounded before anything is stored (docs/contracts.md §3)
        return Optional.of(Bounds.check(field, text, Bounds.TEXT));
    }

    static Map<String, String> metadata(JsonNode body) {
        JsonNode metadata = body.get("metadata");
        Map<String, String> values = new LinkedHashMap<>();
        if (metadata == null || metadata.isNull()) {
            return values;
        }
        if (!metadata.isObject()) {
            throw new Refusal(Reason.VALIDATION_ERROR, "'metadata' must be an object of strings.");
        }
        metadata.fields().forEachRemaining(e -> values.put(Bounds.check("metadata key", e.getKey(), Bounds.NAME),
                Bounds.check("metadata." + Bounds.shown(e.getKey()), e.getValue().asText(), Bounds.METADATA_VALUE)));
        return values;
    }
}
