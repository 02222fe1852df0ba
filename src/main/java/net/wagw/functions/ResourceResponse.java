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
}
