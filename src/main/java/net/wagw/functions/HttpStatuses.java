package net.wagw.functions;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/** The HTTP status a REST route answers for a LIME reason. */
final class HttpStatuses {
    private HttpStatuses() {
    }

    static int of(Refusal refusal) {
        return refusal.kind().map(HttpStatuses::of).orElseGet(() -> of(refusal.reason()));
    }

    static int of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED_CALLER -> 401;
            case TOO_LARGE -> 413;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
            case UPSTREAM -> 502;
        };
    }

    static int of(Reason reason) {
        return switch (reason) {
            case VALIDATION_ERROR, INVALID_RESOURCE, INVALID_IDENTITY, INVALID_ARGUMENT -> 400;
            case AUTHORIZATION_ERROR -> 401;
            case UNAUTHORIZED_SENDER, GATEWAY_UNAUTHORIZED_SENDER -> 403;
            case DESTINATION_NOT_FOUND, RESOURCE_NOT_SUPPORTED, RESOURCE_NOT_FOUND -> 404;
            case METHOD_NOT_SUPPORTED -> 405;
            case UNSUPPORTED_CONTENT_TYPE -> 415;
            case NOT_ALLOWED -> 422;
            case REQUEST_LIMIT_REACHED -> 429;
            case PROCESSING_ERROR -> 500;
            case GATEWAY_ERROR, GATEWAY_DESTINATION_NOT_FOUND -> 502;
            case TIMED_OUT -> 504;
        };
    }
}
