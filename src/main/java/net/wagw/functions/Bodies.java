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
        metadata.fields().forEachRemaining(e -> {
            String key = Bounds.check("metadata key", e.getKey(), Bounds.NAME);
            if (e.getValue().isNull()) {
                return; // as absent: LIME's metadata is a map of strings, and a null one says nothing
            }
            // a number or a boolean is taken as its text, as BLiP's own JSON reader takes it into that map;
            // an object or a list would be sent as nothing at all (a reply without its context), so it is refused
            String value = JsonScalars.valueText(e.getValue());
            if (value == null) {
                throw new Refusal(Reason.VALIDATION_ERROR, "'metadata." + Bounds.shown(key) + "' must be a string, not "
                        + (e.getValue().isArray() ? "a list" : "an object") + ": LIME metadata maps names to strings"
                        + " (e.g. \"#wa.context.id\": \"wamid.HBg...\").");
            }
            values.put(key, Bounds.check("metadata." + Bounds.shown(key), value, Bounds.METADATA_VALUE));
        });
        return values;
    }
}
