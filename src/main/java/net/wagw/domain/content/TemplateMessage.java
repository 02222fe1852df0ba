package net.wagw.domain.content;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An approved template by name and language.
 *
 * @param componentsJson the components as Cloud API JSON, parameters normalised; null when none
 * @param parameters     how many parameters each component is given ({@code header}, {@code body},
 *                       {@code button:<index>})
 */
public record TemplateMessage(String name, String language, String componentsJson, Map<String, Integer> parameters)
        implements Content {
    public TemplateMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        // Meta's template names stop at 512 characters: a longer one is no template, and no catalog sync is due
        net.wagw.domain.Bounds.check("template.name", name, net.wagw.domain.Bounds.NAME);
        net.wagw.domain.Bounds.check("template.language", language, net.wagw.domain.Bounds.NAME);
        // sorted: the fingerprint of a message reads its content's text
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }
}
