package net.wagw.domain.send;

import java.time.Instant;
import java.util.List;

/** Port: each bot's copy of its template catalog, synced from Meta. */
public interface TemplateCatalog {
    List<Template> all(String botId);

    /** Makes the stored catalog exactly this one. */
    void replace(String botId, List<Template> templates);

    /**
     * Changes a synced template's status and/or category (null: unchanged) at once, as Meta's
     * template webhooks say; {@code language} null changes every language of the name.
     *
     * @param at when Meta made the change, or null when unknown (applied whatever came before): a
     *           template changed by a later one keeps that change
     * @return how many templates of the catalog changed (0: not in the catalog yet, or changed later)
     */
    int update(String botId, String name, String language, String status, String category, Instant at);
}
