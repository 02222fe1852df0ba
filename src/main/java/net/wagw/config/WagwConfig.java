package net.wagw.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gateway settings (DESIGN.md 10). Every value can come from the environment, e.g.
 * {@code WAGW_DYNAMODB_TABLE_PREFIX}. Bots are listed in {@code wagw.bot-ids}; each bot's own
 * settings are read by {@link BotRegistry} under {@code wagw.bot.<id>.*}, names that map to plain
 * environment variables ({@code WAGW_BOT_<ID>_ACCESS_KEY_SHA256}) in Lambda.
 */
@ConfigMapping(prefix = "wagw")
public interface WagwConfig {
    /** The LIME domain of customers and of the gateway's postmaster. */
    @WithDefault("wa.gw.msging.net")
    String domain();

    /** The domain of bot nodes, to which command answers are addressed. */
    @WithDefault("msging.net")
    String botDomain();

    Optional<List<String>> botIds();

    Dynamo dynamodb();

    Http http();

    Meta meta();

    interface Meta {
        /** The Graph API version of every Cloud API path. */
        @WithDefault("v23.0")
        String apiVersion();

        /** The system user access token (a secret: from Secrets Manager in AWS). */
        Optional<String> accessToken();
    }

    interface Dynamo {
        /** Set for dynalite or any non-AWS endpoint; unset in AWS. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("wagw-")
        String tablePrefix();
    }

    interface Http {
        /** Bodies above this are refused (413, reason 21) before they are parsed. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /** How long a bot's endpoint may take to answer a delivery before it is retried later. */
        @WithDefault("3")
        int botTimeoutSeconds();
    }
}
