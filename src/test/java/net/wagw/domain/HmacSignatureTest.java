package net.wagw.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HmacSignatureTest {
    private static final byte[] KEY = bytes("Jefe");
    private static final byte[] DATA = bytes("what do ya want for nothing?");
    /** RFC 4231, test case 2. */
    private static final String RFC_4231_CASE_2 = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void signsWithHmacSha256AsRfc4231Computes() {
        assertThat(HmacSignature.of(KEY, DATA)).isEqualTo(RFC_4231_CASE_2);
    }

    @Test
    void theTestsOwnSignatureAgreesWithRfc4231() {
        assertThat(net.wagw.testing.Hmac.sha256Header("Jefe", "what do ya want for nothing?")).isEqualTo(RFC_4231_CASE_2);
    }

    @Test
    void aHeaderMatchesItsBodyWhateverTheCaseOfItsHex() {
        assertThat(HmacSignature.matches(RFC_4231_CASE_2, DATA, KEY)).isTrue();
        assertThat(HmacSignature.matches(RFC_4231_CASE_2.toUpperCase(), DATA, KEY)).isTrue();
    }

    @Test
    void anotherBodyAnotherSecretOrAnUnreadableHeaderDoNotMatch() {
        assertThat(HmacSignature.matches(RFC_4231_CASE_2, bytes("what do ya want for nothing!"), KEY)).isFalse();
        assertThat(HmacSignature.matches(RFC_4231_CASE_2, DATA, bytes("jefe"))).isFalse();
        assertThat(HmacSignature.matches("sha256=not-hex", DATA, KEY)).isFalse();
        assertThat(HmacSignature.matches(RFC_4231_CASE_2.substring(7), DATA, KEY)).isFalse();
        assertThat(HmacSignature.matches(null, DATA, KEY)).isFalse();
    }

    @Test
    void anEmptySecretMatchesNothing() {
        assertThat(HmacSignature.matches(RFC_4231_CASE_2, DATA, new byte[0])).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
