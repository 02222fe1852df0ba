package net.wagw.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Gateway settings (docs/contracts.md §10), typed and checked at start: every {@code wagw.*} key
 * must be one of these (a typo such as {@code wagw.bots.demo.messages-ur} stops the start with a
 * message naming it). Every value can come from the environment, e.g.
 * {@code WAGW_DYNAMODB_TABLE_PREFIX}. In AWS bots are items of the bots table and secrets live in
 * Secrets Manager; locally and in tests bots are declared under {@code wagw.bots.<id>.*} and
 * secrets are configuration keys. A leaf: it imports nothing of wagw, so that every package may
 * read it.
 */
@ConfigMapping(prefix = "wagw")
public interface WagwConfig {
    /** The LIME domain of customers and of the gateway's postmaster. */
    @WithDefault("wa.gw.msging.net")
    String domain();

    /** The domain of bot nodes, to which command answers are addressed. */
    @WithDefault("msging.net")
    String botDomain();

    /** Bots declared in configuration (locally, tests), written to the bots table at start. */
    Map<String, BotSettings> bots();

    /** How long a function keeps its copy of the bots table before reading it again. */
    @WithDefault("60")
    int botsCacheSeconds();

    Secrets secrets();

    Admin admin();

    Local local();

    /** Where bots reach the gateway, e.g. {@code https://wagw.example.com}: media uris sent to bots start with it. */
    Optional<String> publicBaseUrl();

    Dynamo dynamodb();

    Http http();

    MetricsSettings metrics();

    interface MetricsSettings {
        /** CloudWatch EMF lines on stdout (Lambda); off locally and in tests. */
        @WithDefault("true")
        boolean emf();
    }

    Meta meta();

    Queue queue();

    /**
     * Cold start: build the clients and run what the first request needs during a Lambda's init
     * (or before its SnapStart snapshot); off only to measure what it saves (bench/deployed.sh).
     */
    @WithDefault("true")
    boolean priming();

    /**
     * How many times priming makes its AWS calls: unset, once at an on-demand init (each round
     * lengthens the cold start) and {@code Priming.SNAPSHOT_ROUNDS} times before a SnapStart
     * snapshot, so that the snapshot holds the SDK's request path compiled, not interpreted.
     */
    OptionalInt primingRounds();

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

    /** A bot as configuration declares it (docs/contracts.md §10). */
    interface BotSettings {
        /** Hex SHA-256 of the bot's access key. */
        String accessKeySha256();

        /** Verifications per UTC day (docs/contracts.md §4). */
        @WithDefault("1000")
        long verificationQuota();

        Optional<String> phoneNumberId();

        Optional<String> wabaId();

        Optional<String> messagesUrl();

        Optional<String> notificationsUrl();

        /** The key that signs the bot's deliveries (a secret; locally only). */
        Optional<String> callbackSecret();

        @WithDefault("true")
        boolean requireOptIn();

        /** Replaces the built-in stop keywords (docs/contracts.md §5). */
        Optional<List<String>> stopKeywords();

        /** {@code text} or {@code select} (docs/contracts.md §3.5). */
        @WithDefault("text")
        String inboundReplies();

        @WithDefault("true")
        boolean enabled();
    }

    /**
     * Where each secret lives. With source {@code config} a reference is a configuration key (the
     * defaults: the local keys); with {@code secrets-manager} it is a Secrets Manager name or ARN.
     */
    interface Secrets {
        @WithDefault("config")
        String source();

        /** Set for a test server standing in for Secrets Manager; unset in AWS. */
        Optional<URI> endpoint();

        /** How long a secret is kept before it is read again. */
        @WithDefault("300")
        int cacheSeconds();

        @WithDefault("wagw.meta.access-token")
        String metaAccessToken();

        @WithDefault("wagw.meta.app-secret")
        String metaAppSecret();

        @WithDefault("wagw.meta.verify-token")
        String metaVerifyToken();

        @WithDefault("wagw.admin.key-sha256")
        String adminKeySha256();

        /** Where a bot added through the admin routes keeps its callback secret ({id}: its id). */
        @WithDefault("wagw.bots.{id}.callback-secret")
        String botCallbackSecret();
    }

    interface Admin {
        /** Hex SHA-256 of the admin key (a secret's hash; locally and in tests). */
        Optional<String> keySha256();
    }

    /** The local run only (net.wagw.local). */
    interface Local {
        @WithDefault("8080")
        int port();

        Optional<String> demoBotId();

        Optional<String> demoAccessKey();

        /** Consume the work queue in this process, as Lambda's SQS mapping does in AWS (dev: on). */
        @WithDefault("false")
        boolean pumpQueue();

        /**
         * How many consumers the local pump runs side by side, as the event source mapping's
         * {@code MaximumConcurrency} in infra/template.yaml (docs/queue.md, "Where it runs").
         */
        @WithDefault("2")
        int pumpConsumers();
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
