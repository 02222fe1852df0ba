package net.wagw.domain.send;

import java.util.Map;
import java.util.Objects;

/**
 * A template of the bot's WhatsApp Business account as Meta's catalog describes it.
 *
 * @param status     Meta's status: APPROVED, PENDING, REJECTED, PAUSED, DISABLED, ...
 * @param category   MARKETING, UTILITY or AUTHENTICATION
 * @param parameters the parameters each component declares ({@code header}, {@code body},
 *                   {@code button:<index>}); components without parameters are absent
 */
public record Template(String name, String language, String status, String category, Map<String, Integer> parameters) {
    public Template {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        parameters = Map.copyOf(parameters);
    }

    public boolean isApproved() {
        return "APPROVED".equals(status);
    }
}
