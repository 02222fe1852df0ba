package net.wagw.domain.send;

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
     * @return how many templates of the catalog changed (0: not in the catalog yet)
     */
    int update(String botId, String name, String language, String status, String category);
}
