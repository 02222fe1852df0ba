package net.wagw.lime;

import java.util.Arrays;
import java.util.Optional;

/**
 * LIME command methods and the HTTP method of the same resource operation (docs/contracts.md §3.2:
 * get = GET, set = POST, delete = DELETE). {@code merge}, {@code observe} and {@code subscribe}
 * are LIME methods no wagw resource supports; they have no HTTP twin.
 */
public enum CommandMethod {
    GET("get", "GET"),
    SET("set", "POST"),
    DELETE("delete", "DELETE"),
    MERGE("merge", null),
    OBSERVE("observe", null),
    SUBSCRIBE("subscribe", null);

    private final String lime;
    private final String http;

    CommandMethod(String lime, String http) {
        this.lime = lime;
        this.http = http;
    }

    public String lime() {
        return lime;
    }

    public Optional<String> http() {
        return Optional.ofNullable(http);
    }

    public static Optional<CommandMethod> of(String lime) {
        return Arrays.stream(values()).filter(m -> m.lime.equals(lime)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(CommandMethod::lime).toList());
    }
}
