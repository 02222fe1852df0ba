package net.wagw.whatsapp;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.domain.secret.Secrets;
import net.wagw.domain.meta.MetaOutcome;

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

    /**
     * A call with the access token. Meta answers error 190 (OAuthException) to a token that expired
     * or was replaced: the token is read again from where it lives and, when it changed (rotated in
     * Secrets Manager), the call is made once more with the new one (docs/contracts.md §9).
     */
    static Response withToken(Secrets.Secret token, ObjectMapper json, Function<String, Response> request) {
        String used = token.valueOrEmpty();
        Response response = answer(() -> request.apply("Bearer " + used));
        if (ok(response) || response.getStatus() >= 500) {
            return response;
        }
        response.bufferEntity();
        if (body(json, response).path("error").path("code").asInt(0) != EXPIRED_TOKEN || !token.reread(used)) {
            return response;
        }
        response.close();
        return answer(() -> request.apply("Bearer " + token.valueOrEmpty()));
    }

    /** Graph API error 190: "Invalid OAuth 2.0 Access Token" (expired, revoked or replaced). */
    static final int EXPIRED_TOKEN = 190;

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
