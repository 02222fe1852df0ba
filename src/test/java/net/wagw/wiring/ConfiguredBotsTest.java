package net.wagw.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import net.wagw.config.WagwConfig;
import net.wagw.domain.bot.BotRecord;

/** Bots declared in configuration become the records seeded into the bots table, or stop the start. */
class ConfiguredBotsTest {
    private static final String HASH = "11aef9adae595eee500438415ec454695dd13ae74091a7b6fa472cd3d0045554";

    private static List<BotRecord> configured(Map<String, String> properties) {
        WagwConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 300))
                .withMapping(WagwConfig.class).build().getConfigMapping(WagwConfig.class);
        return BotProducers.configured(config, Instant.EPOCH);
    }

    @Test
    void aConfiguredBotCarriesEverySettingAndPointsAtItsCallbackSecretsKey() {
        List<BotRecord> records = configured(Map.of("wagw.bots.shop.access-key-sha256", HASH.toUpperCase(),
                "wagw.bots.shop.phone-number-id", "1110077", "wagw.bots.shop.stop-keywords", "PARE,Chega",
                "wagw.bots.shop.callback-secret", "s3cret", "wagw.bots.shop.inbound-replies", "select",
                "wagw.bots.shop.enabled", "false", "wagw.bots.shop.require-opt-in", "false"));

        assertThat(records).hasSize(1);
        BotRecord shop = records.get(0);
        assertThat(shop.accessKeySha256()).isEqualTo(HASH);
        assertThat(shop.bot().phoneNumberId()).isEqualTo("1110077");
        assertThat(shop.bot().stopKeywords()).containsExactly("PARE", "Chega");
        assertThat(shop.bot().requireOptIn()).isFalse();
        assertThat(shop.callbackSecretRef()).isEqualTo("wagw.bots.shop.callback-secret");
        assertThat(shop.inboundReplies()).isEqualTo(BotRecord.InboundReplies.SELECT);
        assertThat(shop.enabled()).isFalse();
    }

    @Test
    void aBadHashOrRepliesFormStopsTheStartWithASentenceNamingTheBot() {
        assertThatThrownBy(() -> configured(Map.of("wagw.bots.shop.access-key-sha256", "abc")))
                .hasMessageStartingWith("wagw.bots.shop: ").hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> configured(Map.of("wagw.bots.shop.access-key-sha256", HASH,
                "wagw.bots.shop.inbound-replies", "buttons"))).hasMessageContaining("text or select");
    }
}
