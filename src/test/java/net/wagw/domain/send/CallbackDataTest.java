package net.wagw.domain.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackDataTest {

    @Test
    void aSendsIdentityReadsBackAsTheBotAndEnvelopeItNames() {
        String data = CallbackData.of("bot-a", "e-1:0").orElseThrow();

        assertThat(CallbackData.parse(data)).contains(new CallbackData("bot-a", "e-1:0"));
    }

    @Test
    void anIdentityLongerThanMetaAllowsIsNotSent() {
        assertThat(CallbackData.of("bot-a", "e".repeat(CallbackData.MAX))).isEmpty();
    }

    @Test
    void callbackDataWagwDidNotWriteNamesNoSend() {
        assertThat(CallbackData.parse("campaign-42")).isEmpty();
        assertThat(CallbackData.parse("wagw:")).isEmpty();
        assertThat(CallbackData.parse("wagw:bot-a:")).isEmpty();
        assertThat(CallbackData.parse(null)).isEmpty();
    }
}
