package net.wagw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The gateway's configuration as its start reads it: the project's application.properties (its
 * test profile) through the {@link WagwConfig} mapping, with the file's own
 * {@code smallrye.config.mapping.validate-unknown}. A key no setting has stops the start, naming it.
 */
class ConfigurationCheckTest {

    private static SmallRyeConfig start(Map<String, String> extra) throws IOException {
        URL properties = ConfigurationCheckTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .withProfile("test")
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new PropertiesConfigSource(extra, "typed by an operator", 400))
                .withMapping(WagwConfig.class)
                .withMapping(MediaConfig.class)
                .build();
    }

    @Test
    void theProjectsConfigurationStartsAndDeclaresTheTestBots() throws IOException {
        WagwConfig config = start(Map.of()).getConfigMapping(WagwConfig.class);

        assertThat(config.bots()).containsKeys("bot-a", "bot-b", "bot-q");
        assertThat(config.bots().get("bot-q").verificationQuota()).isEqualTo(2);
        assertThat(config.bots().get("bot-b").requireOptIn()).isFalse();
        assertThat(config.bots().get("bot-a").callbackSecret()).contains("bot-a-callback-secret");
    }

    @Test
    void aTypoInABotsKeyFailsTheStartWithASentenceThatNamesIt() {
        assertThatThrownBy(() -> start(Map.of("wagw.bot.demo.messages-ur", "https://bot.example.com/messages")))
                .hasMessageContaining("wagw.bot.demo.messages-ur");
        assertThatThrownBy(() -> start(Map.of("wagw.bots.bot-a.messages-ur", "https://bot.example.com/messages")))
                .hasMessageContaining("wagw.bots.bot-a.messages-ur");
    }

    @Test
    void aBotWithoutItsAccessKeyHashFailsTheStartNamingTheKey() {
        assertThatThrownBy(() -> start(Map.of("wagw.bots.lonely.phone-number-id", "1110077")))
                .hasMessageContaining("wagw.bots.lonely.access-key-sha256");
    }
}
