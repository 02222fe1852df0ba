package net.wagw.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gateway settings (docs/contracts.md §10). Every value can come from the environment, e.g.
 * {@code WAGW_DYNAMODB_TABLE_PREFIX}. Bots are listed in {@code wagw.bot-ids}; each bot's own
 * settings are read by the wiring's bot registry under {@code wagw.bot.<id>.*}, names that map to
 * plain environment variables ({@code WAGW_BOT_<ID>_ACCESS_KEY_SHA256}) in Lambda. A leaf: it
 * imports nothing of wagw, so that every package may read it.
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

    Queue queue();

    /** The work queue (docs/queue.md): SQS in AWS, ElasticMQ locally. */
    interface Queue {
        /** Set for ElasticMQ or any non-AWS endpoint; unset in AWS. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** The queue's URL (SAM sets it); without it the queue is found by {@link #name()}. */
        Optional<String> url();

        @WithDefault("wagw-work.fifo")
        String name();

        /** The longest a retry is hidden on the queue at once (SQS: 12 h); longer waits are hidden again. */
        @WithDefault("43200")
        int maxVisibilitySeconds();

        /** Messages per second one number may send (Meta: 80 by default, 1,000 after an upgrade). */
        @WithDefault("80")
        double sendRatePerSecond();

        /**
         * How many dispatch functions consume the queue at once (the event source mapping's
         * maximum concurrency): each paces itself to its share of the number's rate.
         */
        @WithDefault("1")
        int consumers();

        /** How long deliveries to a bot are retried before they are dead-lettered. */
        @WithDefault("7")
        int deliveryRetryDays();
    }

    interface Meta {
        /** The Graph API version of every Cloud API path. */
        @WithDefault("v23.0")
        String apiVersion();

        /** The system user access token (a secret: from Secrets Manager in AWS). */
        Optional<String> accessToken();

        /** The app secret that signs Meta's webhooks (a secret). */
        Optional<String> appSecret();

        /** The token Meta echoes in the webhook subscription handshake (a secret). */
        Optional<String> verifyToken();
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

        /** Media larger than this is refused: a Lambda answer holds 6 MB, base64 (4/3) included. */
        @WithDefault("4400000")
        long maxMediaBytes();

        /** Webhook bodies above this are refused; Meta sends at most 3 MB. */
        @WithDefault("4194304")
        int maxWebhookBytes();

        /** How long a bot's endpoint may take to answer a delivery before it is retried later. */
        @WithDefault("3")
        int botTimeoutSeconds();
    }
}
