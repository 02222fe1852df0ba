package net.wagw.functions;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.verify.Account;

/**
 * Types Jackson reads or writes by reflection, registered for the native image. Domain records
 * cannot carry Quarkus annotations (the domain is plain Java), so they are listed here; the API
 * Gateway event types are listed with their nested classes so Funqy can read every field.
 */
@RegisterForReflection(targets = {
        Account.class,
        APIGatewayV2HTTPEvent.class,
        APIGatewayV2HTTPEvent.RequestContext.class,
        APIGatewayV2HTTPEvent.RequestContext.Http.class,
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.class,
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.class,
        APIGatewayV2HTTPEvent.RequestContext.IAM.class,
        APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity.class,
        APIGatewayV2HTTPResponse.class,
})
final class NativeReflection {
    private NativeReflection() {
    }
}
