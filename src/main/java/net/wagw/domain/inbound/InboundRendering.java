package net.wagw.domain.inbound;

import net.wagw.domain.bot.Bot;

/** Port: the LIME messages a bot receives for what Meta's webhooks carry (docs/contracts.md §3.5, §7). */
public interface InboundRendering {
    /** A customer's message. */
    String render(Bot bot, InboundMessage message);

    /** An event of any other field (templates, account, preferences, echoes, calls...). */
    String render(Bot bot, FieldEvent event);
}
