package net.wagw.domain.inbound;

import net.wagw.domain.bot.Bot;

/** Port: the LIME message a bot receives for a customer's message (docs/contracts.md §3.5). */
public interface InboundRendering {
    String render(Bot bot, InboundMessage message);
}
