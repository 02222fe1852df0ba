package net.wagw.functions;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.quarkus.funqy.Funq;

/**
 * The HTTP Lambda functions (docs/contracts.md §1). Each Lambda runs one of them, picked by
 * {@code QUARKUS_FUNQY_EXPORT}; API Gateway sends it only the routes the route table gives it.
 */
public class HttpFunctions {
    @Inject
    HttpGateway gateway;

    @Funq("verify")
    public APIGatewayV2HTTPResponse verify(APIGatewayV2HTTPEvent event) {
        return gateway.handle("verify", event);
    }

    @Funq("send")
    public APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return gateway.handle("send", event);
    }

    @Funq("groups")
    public APIGatewayV2HTTPResponse groups(APIGatewayV2HTTPEvent event) {
        return gateway.handle("groups", event);
    }

    @Funq("webhook")
    public APIGatewayV2HTTPResponse webhook(APIGatewayV2HTTPEvent event) {
        return gateway.handle("webhook", event);
    }

    @Funq("admin")
    public APIGatewayV2HTTPResponse admin(APIGatewayV2HTTPEvent event) {
        return gateway.handle("admin", event);
    }

    @Funq("commands")
    public APIGatewayV2HTTPResponse commands(APIGatewayV2HTTPEvent event) {
        return gateway.handle("commands", event);
    }
}
