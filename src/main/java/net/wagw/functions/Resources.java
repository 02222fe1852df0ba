package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

/** Binds each route of the table to the resource that serves it. */
@ApplicationScoped
public class Resources {
    private final AccountsResource accounts;

    public Resources(AccountsResource accounts) {
        this.accounts = accounts;
    }

    ResourceResponse invoke(ResourceRequest request) {
        return switch (request.route()) {
            case GET_ACCOUNT -> accounts.get(request);
            case COMMANDS -> throw new IllegalArgumentException("/commands is the dispatcher, not a resource");
        };
    }
}
