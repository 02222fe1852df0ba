package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

import net.wagw.domain.verify.VerificationService;

/** {@code get /accounts/{msisdn}}: verification (docs/contracts.md §4). */
@ApplicationScoped
public class AccountsResource {
    static final String ACCOUNT_TYPE = "application/vnd.lime.account+json";

    private final VerificationService verification;

    public AccountsResource(VerificationService verification) {
        this.verification = verification;
    }

    ResourceResponse get(ResourceRequest request) {
        return ResourceResponse.ok(ACCOUNT_TYPE, verification.verify(request.bot(), request.pathParameter("msisdn")));
    }
}
