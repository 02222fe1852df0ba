package net.wagw.domain.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.wagw.domain.bot.Bot;

class StopKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = { "STOP", "stop", " Stop ", "sair", "Parar!", "PARÁR", "cancelar.", "Unsubscribe" })
    void theWholeMessageBeingAKeywordInAnyCaseOrAccentIsAStop(String text) {
        assertThat(StopKeywords.isStop(text, Bot.DEFAULT_STOP_KEYWORDS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "stop it", "não quero parar", "STOPPED", "", "   ", "s t o p" })
    void aKeywordInsideOtherWordsIsNoStop(String text) {
        assertThat(StopKeywords.isStop(text, Bot.DEFAULT_STOP_KEYWORDS)).isFalse();
    }

    @Test
    void aBotsOwnListReplacesTheDefault() {
        assertThat(StopKeywords.isStop("BASTA", List.of("basta"))).isTrue();
        assertThat(StopKeywords.isStop("STOP", List.of("basta"))).isFalse();
        assertThat(StopKeywords.isStop(null, List.of("basta"))).isFalse();
    }
}
