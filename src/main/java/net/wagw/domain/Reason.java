package net.wagw.domain;

/**
 * LIME reason codes used by wagw (limeprotocol.org, "Reason codes"; docs/contracts.md §3.1).
 */
public enum Reason {
    VALIDATION_ERROR(21),
    INVALID_RESOURCE(23),
    INVALID_IDENTITY(25),
    AUTHORIZATION_ERROR(31),
    UNAUTHORIZED_SENDER(32),
    DESTINATION_NOT_FOUND(42),
    PROCESSING_ERROR(61),
    RESOURCE_NOT_SUPPORTED(62),
    METHOD_NOT_SUPPORTED(63),
    INVALID_ARGUMENT(64),
    NOT_ALLOWED(66),
    RESOURCE_NOT_FOUND(67),
    UNSUPPORTED_CONTENT_TYPE(71),
    GATEWAY_ERROR(81),
    GATEWAY_DESTINATION_NOT_FOUND(83),
    REQUEST_LIMIT_REACHED(85),
    TIMED_OUT(86),
    GATEWAY_UNAUTHORIZED_SENDER(87);

    private final int code;

    Reason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The reason of a code; a code wagw does not use reads as a gateway error. */
    public static Reason ofCode(int code) {
        for (Reason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return GATEWAY_ERROR;
    }
}
