package net.wagw.domain.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bot's template catalog as read at most {@link #MAX_AGE} ago by this warm function, so a
 * template send does not query the catalog each time. The catalog changes by Meta's template
 * webhooks and the {@code sweep}, both in other functions: a send here sees a change within
 * {@link #MAX_AGE}. Until then a template just paused or disabled goes to Meta, which refuses it
 * itself (nothing is billed), and one just approved is refused 422 once more; a name the cached
 * catalog lacks is still looked up at Meta at once ({@link TemplateSync#syncOnDemand}). A change
 * written through this function is seen at once.
 */
public final class CachedCatalog implements TemplateCatalog {
    /** Meta's own template status changes reach their webhooks in minutes; a minute is below that. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final TemplateCatalog stored;
    private final Clock clock;
    private final Map<String, Read> cache = new ConcurrentHashMap<>();

    private record Read(List<Template> templates, Instant at) {
    }

    public CachedCatalog(TemplateCatalog stored, Clock clock) {
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public List<Template> all(String botId) {
        Instant now = clock.instant();
        Read read = cache.get(botId);
        if (read != null && !now.isBefore(read.at()) && now.isBefore(read.at().plus(MAX_AGE))) {
            return read.templates();
        }
        List<Template> templates = List.copyOf(stored.all(botId));
        cache.put(botId, new Read(templates, now));
        return templates;
    }

    @Override
    public void replace(String botId, List<Template> templates) {
        cache.remove(botId);
        stored.replace(botId, templates);
        cache.remove(botId);
    }

    @Override
    public int update(String botId, String name, String language, String status, String category,
            java.time.Instant at) {
        cache.remove(botId);
        int changed = stored.update(botId, name, language, status, category, at);
        cache.remove(botId);
        return changed;
    }
}
