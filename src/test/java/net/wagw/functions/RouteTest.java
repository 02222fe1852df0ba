package net.wagw.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void aTemplateParameterTakesOneWholeSegmentAndKeepsAPlus() {
        assertThat(Route.GET_ACCOUNT.match("/accounts/+5531988889999")).contains(Map.of("msisdn", "+5531988889999"));
        assertThat(Route.GET_ACCOUNT.match("/accounts/%2B5531988889999")).contains(Map.of("msisdn", "+5531988889999"));
    }

    @Test
    void aPathOfAnotherShapeDoesNotMatch() {
        assertThat(Route.GET_ACCOUNT.match("/accounts/")).isEmpty();
        assertThat(Route.GET_ACCOUNT.match("/accounts")).isEmpty();
        assertThat(Route.GET_ACCOUNT.match("/accounts/+55/x")).isEmpty();
        assertThat(Route.GET_ACCOUNT.match("/account/+5531988889999")).isEmpty();
    }

    @Test
    void routeKeysAreApiGatewaysMethodAndPathTemplate() {
        assertThat(Route.byRouteKey("GET /accounts/{msisdn}")).contains(Route.GET_ACCOUNT);
        assertThat(Route.byRouteKey("POST /accounts/{msisdn}")).isEmpty();
    }

    @Test
    void theDispatcherIsNotReachableThroughItself() {
        assertThat(Route.reachableByCommand("/commands")).isEmpty();
        assertThat(Route.reachableByCommand("/accounts/+5531988889999")).containsExactly(Route.GET_ACCOUNT);
    }
}
