package net.wagw.domain.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

class MetaErrorsTest {

    private static MetaErrors.Verdict classify(int status, int code, int attempts) {
        return MetaErrors.classify(new MetaOutcome.Error(status, code, null, "message", null), attempts);
    }

    @ParameterizedTest
    @CsvSource({ "429,130429", "400,131056", "400,4", "400,80007", "500,131000", "503,131016", "503,133004",
            "500,1", "502,0" })
    void throttlingAndTransientErrorsAreRetried(int status, int code) {
        assertThat(classify(status, code, 1)).isInstanceOf(MetaErrors.Retry.class);
    }

    @ParameterizedTest
    @CsvSource({ "1,4", "2,16", "3,64", "7,16384", "9,16384" })
    void thePairRateLimitWaitsFourToTheNthSeconds(int attempts, long seconds) {
        assertThat(((MetaErrors.Retry) classify(400, 131056, attempts)).after()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({ "1,1", "2,2", "3,4", "5,15", "9,15" })
    void aThroughputLimitIsRetriedWithinSecondsTheNumbersPacingDoesTheRest(int attempts, long seconds) {
        assertThat(((MetaErrors.Retry) classify(400, 130429, attempts)).after()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({ "1,15", "2,30", "3,60", "6,480", "7,900", "20,900" })
    void otherRetriesBackOffExponentiallyUpToFifteenMinutes(int attempts, long seconds) {
        assertThat(((MetaErrors.Retry) classify(500, 131000, attempts)).after()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({ "131047,66,UNPROCESSABLE", "131026,83,UNPROCESSABLE", "131050,66,UNPROCESSABLE", "131062,66,UNPROCESSABLE",
            "132001,64,UNPROCESSABLE", "132000,64,UNPROCESSABLE", "100,64,INVALID", "131008,64,INVALID",
            "190,87,FORBIDDEN", "131031,87,FORBIDDEN", "131049,81,UNPROCESSABLE", "999999,81,UNPROCESSABLE" })
    void definitiveErrorsAre4xxAndKeepMetasCodeInTheDescription(int code, int reason, Refusal.Kind kind) {
        Refusal refusal = ((MetaErrors.Definitive) classify(400, code, 1)).refusal();

        assertThat(refusal.reason()).isEqualTo(Reason.ofCode(reason));
        assertThat(refusal.kind()).contains(kind);
        assertThat(refusal.description()).startsWith("(#" + code + ")");
    }

    @org.junit.jupiter.api.Test
    void noAnswerAtAllIsRetried() {
        assertThat(MetaErrors.classify(new MetaOutcome.Unreachable("timeout"), 1)).isInstanceOf(MetaErrors.Retry.class);
    }

    @Test
    void aMediaFileMetaRefusesIsNotFoundAndOneItCouldNotGiveJustNowIsForLater() {
        Refusal refused = MetaErrors.mediaRefusal("1013", new MetaOutcome.Error(404, 100, null, "Unknown media", null));
        assertThat(refused.reason()).isEqualTo(Reason.RESOURCE_NOT_FOUND);
        assertThat(refused.kind()).contains(Refusal.Kind.NOT_FOUND);
        assertThat(refused.description()).contains("1013", "#100", "Unknown media");

        Refusal passing = MetaErrors.mediaRefusal("1013", new MetaOutcome.Error(503, 0, null, "busy", null));
        assertThat(passing.reason()).isEqualTo(Reason.GATEWAY_ERROR);
        assertThat(passing.kind()).contains(Refusal.Kind.UNAVAILABLE);
        assertThat(MetaErrors.mediaRefusal("1013", new MetaOutcome.Unreachable("timed out")).kind())
                .contains(Refusal.Kind.UNAVAILABLE);
    }
}
