package net.wagw.whatsapp;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.send.MetaOutcome;

/**
 * Reading Graph API answers the same way for every call: whatever the status, as a body; errors
 * in Meta's shape {@code {"error":{"message","type","code","error_subcode","error_data":{"details"}}}}
 * (the reference documents only successes; Meta's OpenAPI has no error schema).
 */
final class MetaAnswers {
    private MetaAnswers() {
    }

    /** REST client versions differ in whether an error status arrives as a response or as an exception. */
    static Response answer(Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    static JsonNode body(ObjectMapper json, Response response) {
        try {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException | RuntimeException unreadable) {
            return json.createObjectNode();
        }
    }

    static boolean ok(Response response) {
        return response.getStatus() / 100 == 2;
    }

    static MetaOutcome.Error error(Response response, JsonNode body) {
        JsonNode error = body.path("error");
        return new MetaOutcome.Error(response.getStatus(), error.path("code").asInt(0),
                error.hasNonNull("error_subcode") ? error.path("error_subcode").asInt() : null,
                error.path("message").asText(null), error.path("error_data").path("details").asText(null));
    }
}
