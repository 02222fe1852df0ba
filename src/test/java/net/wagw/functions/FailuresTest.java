package net.wagw.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Bad input is never mistaken for an outage (docs/contracts.md §3): only a real outage is 503. */
class FailuresTest {
    private static DynamoDbException dynamo(int status, String code, String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void aValueDynamoDbRefusesIsTheRequestsFault400WithReason64NotAnOutage() {
        DynamoDbException tooLarge = dynamo(400, "ValidationException", "Item size has exceeded the maximum allowed size");

        Refusal refusal = Failures.of(tooLarge, "send");

        assertThat(Failures.isStorage(tooLarge)).isFalse();
        assertThat(HttpStatuses.of(refusal)).isEqualTo(400);
        assertThat(refusal.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
        assertThat(refusal.description()).contains("too large or malformed").doesNotContain("Item size");
    }

    @Test
    void throttlingTimeoutsAndDynamoDbs5xxAreAnOutageTheCallerMayRetry() {
        var throttled = (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException").build()).build();
        var timeout = SdkClientException.create("Unable to execute HTTP request: Read timed out");
        var internal = dynamo(500, "InternalServerError", "Internal server error");

        for (RuntimeException outage : java.util.List.<RuntimeException>of(throttled, timeout, internal)) {
            Refusal refusal = Failures.of(outage, "send");
            assertThat(Failures.isStorage(outage)).as("%s", outage).isTrue();
            assertThat(refusal.kind()).as("%s", outage).isEmpty();
            assertThat(refusal.reason()).isEqualTo(Reason.PROCESSING_ERROR);
            assertThat(refusal.description()).contains("Try again");
        }
    }
}
