package net.wagw.lime;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A LIME notification envelope (docs/contracts.md §3.1, §3.4). Nulls are left out of the JSON. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimeNotification(String id, String from, String to, String event, LimeReason reason,
        Map<String, String> metadata) {
}
