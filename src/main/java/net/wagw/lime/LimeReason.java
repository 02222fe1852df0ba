package net.wagw.lime;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.Refusal;

/** A LIME reason: {@code {"code": 25, "description": "..."}}. */
@RegisterForReflection
public record LimeReason(int code, String description) {
    public static LimeReason of(Refusal refusal) {
        return new LimeReason(refusal.reason().code(), refusal.description());
    }
}
