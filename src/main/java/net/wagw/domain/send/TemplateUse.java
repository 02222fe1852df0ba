package net.wagw.domain.send;

import java.util.Map;
import java.util.Objects;

/**
 * A template as a message uses it: which one, in which language, and how many parameters the
 * message gives each component ({@code header}, {@code body}, {@code button:<index>}).
 */
public record TemplateUse(String name, String language, Map<String, Integer> parameters) {
    public TemplateUse {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        parameters = Map.copyOf(parameters);
    }
}
