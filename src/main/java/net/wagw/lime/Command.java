package net.wagw.lime;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A LIME command envelope (docs/contracts.md §3.1, §3.2). Nulls are left out of the JSON. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Command(String id, String from, String to, String method, String uri, String type, JsonNode resource,
        String status, LimeReason reason, Map<String, String> metadata) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String URI_METADATA = "#command.uri";
}
