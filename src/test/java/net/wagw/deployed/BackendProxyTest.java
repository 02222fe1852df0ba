package net.wagw.deployed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.wagw.deployed.BackendProxy.Access;

/** What IAM authorizes a DynamoDB call as, read from the call's JSON as the proxy sees it. */
class BackendProxyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aQueryOfAnIndexIsAnAccessToTheIndexNotToItsTable() throws Exception {
        assertThat(BackendProxy.accesses("Query", JSON.readTree("{\"TableName\":\"s-deliveries\",\"IndexName\":\"dead\"}")))
                .containsExactly(new Access("dynamodb:Query", "s-deliveries", "dead"));
        assertThat(new Access("dynamodb:Query", "s-deliveries", "dead").resource()).isEqualTo("table/s-deliveries/index/dead");
        assertThat(BackendProxy.accesses("GetItem", JSON.readTree("{\"TableName\":\"s-accounts\",\"Key\":{}}")))
                .containsExactly(new Access("dynamodb:GetItem", "s-accounts", null));
    }

    @Test
    void aBatchIsItsOwnActionOnEveryTableOfItsRequestItems() throws Exception {
        assertThat(BackendProxy.accesses("BatchGetItem",
                JSON.readTree("{\"RequestItems\":{\"s-accounts\":{\"Keys\":[]},\"s-opt-ins\":{\"Keys\":[]}}}")))
                .containsExactlyInAnyOrder(new Access("dynamodb:BatchGetItem", "s-accounts", null),
                        new Access("dynamodb:BatchGetItem", "s-opt-ins", null));
    }

    @Test
    void aTransactionIsEachItemsOwnActionOnItsTable() throws Exception {
        assertThat(BackendProxy.accesses("TransactWriteItems", JSON.readTree("{\"TransactItems\":["
                + "{\"Put\":{\"TableName\":\"s-messages\"}},{\"Update\":{\"TableName\":\"s-accounts\"}},"
                + "{\"ConditionCheck\":{\"TableName\":\"s-opt-ins\"}}]}")))
                .containsExactly(new Access("dynamodb:PutItem", "s-messages", null),
                        new Access("dynamodb:UpdateItem", "s-accounts", null),
                        new Access("dynamodb:ConditionCheckItem", "s-opt-ins", null));
    }
}
