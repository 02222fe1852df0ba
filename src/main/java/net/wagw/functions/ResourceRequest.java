package net.wagw.functions;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import net.wagw.domain.bot.Bot;

/**
 * One call of a resource, the same whether it came as REST or as a LIME command.
 *
 * @param body the JSON body (REST) or the command's {@code resource}; null when none
 */
public record ResourceRequest(Route route, Bot bot, Map<String, String> pathParameters, Map<String, String> query,
        JsonNode body) {

    /** A path's ids are bounded like every stored field (docs/contracts.md §3): 400 naming it when longer. */
    public String pathParameter(String name) {
        return net.wagw.domain.Bounds.check(name, pathParameters.get(name), net.wagw.domain.Bounds.ENVELOPE_ID);
    }
}
