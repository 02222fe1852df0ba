package net.wagw.lime;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where bots reach the gateway, put before {@code /media/{id}} in what they receive (docs/contracts.md
 * §3.5, §11): {@code wagw.public-base-url} when the deployer gave one (a custom domain), else the HTTP
 * API's own address as API Gateway names it in the function's first request. The template cannot
 * hand a function its API's address: the API's routes name the functions, so the functions'
 * environment naming the API would be a circular dependency.
 */
public final class PublicBase {
    /** A host name, with a port at most: what API Gateway puts in {@code requestContext.domainName}. */
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final String configured;
    private volatile String learnt;

    public PublicBase(Optional<String> configured) {
        this.configured = configured.map(String::strip).filter(url -> !url.isEmpty()).map(PublicBase::withoutSlash)
                .orElse(null);
    }

    /**
     * Learns the API's address from a request API Gateway passed on, unless one is configured or
     * known: {@code https://{domainName}}, then {@code /{stage}} unless the stage is {@code $default}.
     */
    public void learn(String domainName, String stage) {
        if (configured != null || learnt != null || domainName == null || !DOMAIN.matcher(domainName).matches()) {
            return;
        }
        String path = stage == null || stage.equals("$default") || !STAGE.matcher(stage).matches() ? "" : "/" + stage;
        learnt = "https://" + domainName + path;
    }

    /** The address without a trailing slash; empty (uris from the root) while none is configured or learnt. */
    public String url() {
        String known = configured != null ? configured : learnt;
        return known == null ? "" : known;
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
