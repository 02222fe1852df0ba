package net.wagw.domain.send;

import java.util.List;

import net.wagw.domain.bot.Bot;

/** Copies a bot's template catalog from Meta (the {@code sweep} function, and on demand). */
public final class TemplateSync {
    private final WhatsAppApi meta;
    private final TemplateCatalog catalog;

    /** An unknown name triggers at most one sync per bot in this long (docs/contracts.md §3). */
    public static final java.time.Duration ON_DEMAND_EVERY = java.time.Duration.ofMinutes(5);

    private final Claims claims;
    private final java.time.Clock clock;

    public TemplateSync(WhatsAppApi meta, TemplateCatalog catalog, Claims claims, java.time.Clock clock) {
        this.meta = meta;
        this.catalog = catalog;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * A send named a template the catalog lacks: synced from Meta unless this bot did so in the
     * last {@link #ON_DEMAND_EVERY} (one conditional write per bot, so concurrent sends and many
     * functions together make one call), else the catalog as stored answers.
     */
    public List<Template> syncOnDemand(Bot bot) {
        if (bot.wabaId() == null || !claims.claim(bot.id(), "template-sync", clock.instant(), ON_DEMAND_EVERY)) {
            return catalog.all(bot.id());
        }
        return sync(bot);
    }

    /** @return the catalog as now stored; unchanged when the bot has no WhatsApp Business account id */
    public List<Template> sync(Bot bot) {
        if (bot.wabaId() == null) {
            return catalog.all(bot.id());
        }
        List<Template> templates = meta.templates(bot.wabaId());
        catalog.replace(bot.id(), templates);
        return templates;
    }
}
