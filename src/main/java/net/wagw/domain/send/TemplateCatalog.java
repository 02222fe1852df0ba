package net.wagw.domain.send;

import java.util.List;

/** Port: each bot's copy of its template catalog, synced from Meta. */
public interface TemplateCatalog {
    List<Template> all(String botId);

    /** Makes the stored catalog exactly this one. */
    void replace(String botId, List<Template> templates);
}
