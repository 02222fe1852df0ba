package net.wagw.functions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.config.WagwConfig;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.Nodes;
import net.wagw.json.JsonScalars;
import net.wagw.lime.Command;
import net.wagw.lime.CommandMethod;
import net.wagw.lime.LimeReason;

/**
 * {@code POST /commands} (docs/contracts.md §3.2): a LIME command names a resource of the route table by
 * method and URI; it is served by the same resource as the REST route and answered as a command
 * envelope, success or failure, always with HTTP 200 as BLiP does.
 */
@ApplicationScoped
public class CommandDispatcher {
    private final Resources resources;
    private final ObjectMapper json;
    private final Nodes nodes;
    private final String botDomain;

    public CommandDispatcher(Resources resources, ObjectMapper json, Nodes nodes, WagwConfig config) {
        this.resources = resources;
        this.json = json;
        this.nodes = nodes;
        this.botDomain = config.botDomain();
    }

    /** Answers a command that could not even be read, e.g. a body too large. */
    Command failure(Bot bot, Refusal refusal) {
        return answer(null, bot, null, null, null, null, refusal);
    }

    Command dispatch(Bot bot, String body) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (java.io.IOException e) {
            return failure(bot, new Refusal(Reason.VALIDATION_ERROR,
                    "The body is not JSON; send a LIME command envelope such as "
                            + "{\"id\":\"1\",\"method\":\"get\",\"uri\":\"/accounts/+5531988889999\"}."));
        }
        if (envelope == null || !envelope.isObject()) {
            return failure(bot, new Refusal(Reason.VALIDATION_ERROR,
                    "The body is not a LIME command envelope: it must be a JSON object with method and uri."));
        }
        String id = JsonScalars.stringOrNumber(envelope.get("id")).orElse(UUID.randomUUID().toString());
        String method = JsonScalars.stringOrNumber(envelope.get("method")).orElse(null);
        String uri = JsonScalars.stringOrNumber(envelope.get("uri")).orElse(null);
        try {
            if (envelope.has("id") && JsonScalars.stringOrNumber(envelope.get("id")).isEmpty()) {
                throw new Refusal(Reason.VALIDATION_ERROR, "The command id must be a string.");
            }
            if (method == null || method.isEmpty()) {
                throw new Refusal(Reason.VALIDATION_ERROR,
                        "The command has no method; use one of " + CommandMethod.names() + ".");
            }
            CommandMethod limeMethod = CommandMethod.of(method).orElseThrow(() -> new Refusal(Reason.VALIDATION_ERROR,
                    "'" + method + "' is not a LIME command method; use one of " + CommandMethod.names() + "."));
            if (uri == null || uri.isEmpty()) {
                throw new Refusal(Reason.VALIDATION_ERROR, "The command has no uri, e.g. \"/accounts/+5531988889999\".");
            }
            checkDestination(envelope.get("to"));
            ResourceResponse response = resources.invoke(resolve(bot, limeMethod, uri, envelope.get("resource")));
            return answer(id, bot, method, uri, response.type(), response.body(), null);
        } catch (Refusal refusal) {
            return answer(id, bot, method, uri, null, null, refusal);
        } catch (RuntimeException e) {
            return answer(id, bot, method, uri, null, null, Failures.of(e, "commands"));
        }
    }

    private ResourceRequest resolve(Bot bot, CommandMethod method, String uri, JsonNode resource) {
        URI parsed = pathOf(uri);
        String path = parsed.getRawPath();
        List<Route> reachable = Route.reachableByCommand(path);
        for (Route route : reachable) {
            if (method.http().filter(route.method()::equals).isPresent()) {
                return new ResourceRequest(route, bot, route.match(path).orElseThrow(),
                        QueryStrings.parse(parsed.getRawQuery()), resource == null || resource.isNull() ? null : resource);
            }
        }
        if (!reachable.isEmpty()) {
            String allowed = String.join(", ", reachable.stream().map(r -> limeName(r.method())).toList());
            throw new Refusal(Reason.METHOD_NOT_SUPPORTED,
                    "'" + method.lime() + "' is not supported on " + path + "; use " + allowed + ".");
        }
        throw new Refusal(Reason.RESOURCE_NOT_SUPPORTED, "No resource " + path + " is served by this gateway.");
    }

    /** Accepts {@code lime://<domain>/path} on this gateway's domain, or a bare {@code /path}. */
    private URI pathOf(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new Refusal(Reason.VALIDATION_ERROR, "The uri '" + uri + "' cannot be read: " + e.getReason() + ".");
        }
        if (parsed.getScheme() == null && parsed.getRawAuthority() == null && uri.startsWith("/")) {
            return parsed;
        }
        if (!"lime".equals(parsed.getScheme()) || parsed.getRawPath() == null || !parsed.getRawPath().startsWith("/")) {
            throw new Refusal(Reason.VALIDATION_ERROR,
                    "The uri '" + uri + "' must be lime://" + nodes.domain() + "/... or a path starting with '/'.");
        }
        if (!nodes.domain().equalsIgnoreCase(parsed.getHost())) {
            throw new Refusal(Reason.RESOURCE_NOT_SUPPORTED, "The uri '" + uri + "' is on another domain; this gateway"
                    + " serves lime://" + nodes.domain() + "/.");
        }
        return parsed;
    }

    private void checkDestination(JsonNode to) {
        Optional<String> node = JsonScalars.stringOrNumber(to);
        if (node.isEmpty()) {
            return;
        }
        String name = node.get().split("/", 2)[0];
        if (!name.equalsIgnoreCase(nodes.postmaster())) {
            throw new Refusal(Reason.DESTINATION_NOT_FOUND,
                    "Commands go to " + nodes.postmaster() + "; '" + node.get() + "' is not served here.");
        }
    }

    private Command answer(String id, Bot bot, String method, String uri, String type, Object resource, Refusal refusal) {
        Map<String, String> metadata = uri == null ? null : Map.of(Command.URI_METADATA, uri);
        String to = bot.id() + "@" + botDomain;
        if (refusal != null) {
            return new Command(id, nodes.postmaster(), to, method, null, null, null, Command.FAILURE,
                    LimeReason.of(refusal), metadata);
        }
        JsonNode resourceJson = resource == null ? null : json.valueToTree(resource);
        return new Command(id, nodes.postmaster(), to, method, null, type, resourceJson, Command.SUCCESS, null, metadata);
    }

    private static String limeName(String httpMethod) {
        return Arrays.stream(CommandMethod.values())
                .filter(m -> m.http().filter(httpMethod::equals).isPresent())
                .map(CommandMethod::lime).findFirst().orElse(httpMethod);
    }

}
