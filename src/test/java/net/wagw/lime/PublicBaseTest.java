package net.wagw.lime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PublicBaseTest {
    @Test
    void aConfiguredAddressIsUsedWithoutItsTrailingSlashAndNoRequestChangesIt() {
        PublicBase base = new PublicBase(Optional.of(" https://bots.example.com/wa/ "));

        base.learn("abc123.execute-api.us-east-1.amazonaws.com", "prod");

        assertThat(base.url()).isEqualTo("https://bots.example.com/wa");
    }

    @Test
    void withoutOneTheApisAddressIsLearntFromTheFirstRequestWithItsStage() {
        PublicBase base = new PublicBase(Optional.empty());
        assertThat(base.url()).isEmpty();

        base.learn("abc123.execute-api.us-east-1.amazonaws.com", "prod");
        base.learn("other.example.com", "later");

        assertThat(base.url()).isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com/prod");
    }

    @Test
    void theDefaultStageAddsNoPath() {
        PublicBase base = new PublicBase(Optional.of(""));

        base.learn("abc123.execute-api.us-east-1.amazonaws.com", "$default");

        assertThat(base.url()).isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com");
    }

    @Test
    void aDomainThatIsNotAHostNameIsNotLearnt() {
        PublicBase base = new PublicBase(Optional.empty());

        base.learn("evil.example.com/phish?x=", "prod");
        base.learn(null, "prod");

        assertThat(base.url()).isEmpty();
    }
}
