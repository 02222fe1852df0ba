package net.wagw.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A function's policy evaluated as IAM evaluates it, for the deployed harness's check of every call. */
class SamTemplatePolicyTest {
    private static final Map<String, String> DEPLOYMENT = Map.of("AWS::Partition", "aws", "AWS::Region", "us-east-1",
            "AWS::AccountId", "1", "AWS::StackName", "s");
    private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${AWS::StackName}-";
    private final SamTemplate template = new SamTemplate(new ObjectMapper().createObjectNode());

    private static JsonNode function(String statements) throws Exception {
        return new ObjectMapper().readTree("{\"Properties\":{\"Policies\":[{\"Statement\":[" + statements + "]}]}}");
    }

    private static String allow(String actions, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":{\"Fn::Sub\":\"" + resource + "\"}}";
    }

    @Test
    void aGrantOnATableCoversItsItemsButNotItsIndexes() throws Exception {
        JsonNode function = function(allow("[\"dynamodb:Query\",\"dynamodb:GetItem\"]", TABLE + "deliveries"));
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:1:table/s-deliveries"))
                .isTrue();
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:Query",
                "arn:aws:dynamodb:us-east-1:1:table/s-deliveries/index/dead")).isFalse();
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:1:table/s-deliveries"))
                .isFalse();
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:1:table/s-deliveries2"))
                .isFalse();
    }

    @Test
    void wildcardsMatchAsInIamAndADenyWins() throws Exception {
        JsonNode function = function(allow("\"DynamoDB:Get*\"", TABLE + "deliveries/index/*") + ","
                + "{\"Effect\":\"Deny\",\"Action\":\"dynamodb:GetItem\",\"Resource\":{\"Fn::Sub\":\"" + TABLE
                + "deliveries/index/secret\"}}");
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:GetItem",
                "arn:aws:dynamodb:us-east-1:1:table/s-deliveries/index/dead")).isTrue();
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:GetItem",
                "arn:aws:dynamodb:us-east-1:1:table/s-deliveries/index/secret")).isFalse();
        assertThat(template.allows(function, DEPLOYMENT, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:1:table/s-deliveries"))
                .isFalse();
    }
}
