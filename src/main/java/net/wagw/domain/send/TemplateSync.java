package net.wagw.domain.send;

import java.util.List;

import net.wagw.domain.bot.Bot;

/** Copies a bot's template catalog from Meta (the {@code sweep} function, and on demand). */
public final class TemplateSync {
    private final WhatsAppApi meta;
    private final TemplateCatalog catalog;

    public TemplateSync(WhatsAppApi meta, TemplateCatalog catalog) {
        this.meta = meta;
        this.catalog = catalog;
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
