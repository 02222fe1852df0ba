package net.wagw.functions;

/**
 * What a resource answers: REST sends {@code body} with {@code status}; a command answers it as
 * its {@code resource} of {@code type}.
 *
 * @param type the LIME media type of the resource, null when there is no body
 */
public record ResourceResponse(int status, String type, Object body) {
    public static ResourceResponse ok(String type, Object body) {
        return new ResourceResponse(200, type, body);
    }

    public static ResourceResponse noContent() {
        return new ResourceResponse(204, null, null);
    }

    /** A plain-text answer (Meta's webhook handshake wants the challenge as the bare body). */
    public static ResourceResponse text(int status, String text) {
        return new ResourceResponse(status, "text/plain", new PlainText(text));
    }

    /** File bytes with their content type, sent base64-encoded through API Gateway. */
    public static ResourceResponse binary(String contentType, byte[] bytes) {
        return new ResourceResponse(200, contentType, bytes);
    }

    /** A redirect to where the client fetches the answer itself (a short-lived media link). */
    public static ResourceResponse redirect(java.net.URI location) {
        return new ResourceResponse(302, null, new Redirect(location));
    }

    record PlainText(String text) {
    }

    record Redirect(java.net.URI location) {
    }
}
