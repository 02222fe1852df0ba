package net.wagw.wiring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import net.wagw.config.WagwConfig;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.bot.BotDirectory;
import net.wagw.domain.bot.BotRecord;
import net.wagw.domain.bot.BotStore;
import net.wagw.domain.delivery.BotSecrets;
import net.wagw.domain.secret.SecretSource;
import net.wagw.domain.secret.Secrets;
import net.wagw.store.DynamoBotStore;
import net.wagw.store.SecretsManagerSource;
import net.wagw.store.TableNames;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The bots (the bots table, cached; configured bots seeded into it) and the secrets (configuration
 * locally, Secrets Manager in AWS), behind the domain's ports.
 */
@ApplicationScoped
public class BotProducers {
    private static final Logger LOG = Logger.getLogger(BotProducers.class);
    static final String CONFIG_SOURCE = "config";
    static final String SECRETS_MANAGER_SOURCE = "secrets-manager";

    /** Meta's access token, as the adapters that call Meta hold it. */
    public record MetaToken(Secrets.Secret secret) {
    }

    /**
     * At start (a Lambda's init): checks the configured bots, so that a bad one stops the start with
     * its reason, and reads the bots table (seeding the configured bots). A table that cannot be read
     * yet is read again at the first request.
     */
    void start(@Observes StartupEvent startup, WagwConfig config, BotDirectory bots) {
        configured(config, Instant.EPOCH);
        source(config);
        try {
            bots.reread();
        } catch (RuntimeException unreadable) {
            LOG.warnf("the bots table cannot be read at start (%s); it is read again at the first request",
                    unreadable.toString());
        }
    }

    @Produces
    @Singleton
    BotStore botStore(DynamoDbClient dynamo, TableNames names) {
        return new DynamoBotStore(dynamo, names);
    }

    @Produces
    @Singleton
    BotDirectory botDirectory(BotStore store, Clock clock, WagwConfig config) {
        return new BotDirectory(store, clock, Duration.ofSeconds(config.botsCacheSeconds()),
                configured(config, clock.instant()));
    }

    @Produces
    @Singleton
    SecretSource secretSource(WagwConfig wagw, Config config) {
        if (source(wagw).equals(CONFIG_SOURCE)) {
            return reference -> config.getOptionalValue(reference, String.class);
        }
        return wagw.secrets().endpoint()
                // a test server accepts any credentials; these are not secrets
                .map(endpoint -> SecretsManagerSource.create(wagw.dynamodb().region(), wagw.secrets().endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))))
                .orElseGet(() -> SecretsManagerSource.create(wagw.dynamodb().region(), wagw.secrets().endpoint(),
                        EnvironmentVariableCredentialsProvider.create()));
    }

    @Produces
    @Singleton
    Secrets secrets(SecretSource source, Clock clock, WagwConfig config) {
        return new Secrets(source, clock, Duration.ofSeconds(config.secrets().cacheSeconds()));
    }

    @Produces
    @Singleton
    MetaToken metaToken(Secrets secrets, WagwConfig config) {
        return new MetaToken(secrets.secret(config.secrets().metaAccessToken()));
    }

    /** Each bot's callback secret, read where its record says it lives. */
    @Produces
    @Singleton
    BotSecrets botSecrets(BotDirectory bots, Secrets secrets) {
        return botId -> bots.find(botId).map(BotRecord::callbackSecretRef).flatMap(secrets::get)
                .filter(secret -> !secret.isEmpty())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("bot '" + botId
                        + "' has no callback secret to sign its deliveries with"));
    }

    private static String source(WagwConfig config) {
        String source = config.secrets().source();
        if (!source.equals(CONFIG_SOURCE) && !source.equals(SECRETS_MANAGER_SOURCE)) {
            throw new IllegalStateException("wagw.secrets.source is '" + source + "'; it must be " + CONFIG_SOURCE
                    + " or " + SECRETS_MANAGER_SOURCE + ".");
        }
        return source;
    }

    /** The bots configuration declares, as records; a bad one stops the start with a sentence naming it. */
    static List<BotRecord> configured(WagwConfig config, Instant now) {
        List<BotRecord> records = new ArrayList<>();
        for (Map.Entry<String, WagwConfig.BotSettings> entry : config.bots().entrySet()) {
            String id = entry.getKey();
            WagwConfig.BotSettings settings = entry.getValue();
            try {
                Bot bot = new Bot(id, settings.verificationQuota(), settings.phoneNumberId().orElse(null),
                        settings.wabaId().orElse(null), settings.messagesUrl().orElse(null),
                        settings.notificationsUrl().orElse(null), settings.requireOptIn(),
                        settings.stopKeywords().orElse(null));
                records.add(new BotRecord(bot, settings.accessKeySha256(),
                        settings.callbackSecret().isPresent() ? "wagw.bots." + id + ".callback-secret" : null,
                        BotRecord.InboundReplies.parse(settings.inboundReplies()), settings.enabled(), now));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalStateException("wagw.bots." + id + ": " + invalid.getMessage() + ".", invalid);
            }
        }
        return records;
    }
}
