package net.wagw.functions;

import jakarta.enterprise.context.ApplicationScoped;

import net.wagw.domain.verify.VerificationService;
import net.wagw.lime.Lime;

/** {@code get /accounts/{msisdn}}: verification (docs/contracts.md §4). */
@ApplicationScoped
public class AccountsResource {
    private final VerificationService verification;

    public AccountsResource(VerificationService verification) {
        this.verification = verification;
    }

    ResourceResponse get(ResourceRequest request) {
        return ResourceResponse.ok(Lime.ACCOUNT, verification.verify(request.bot(), request.pathParameter("msisdn")));
    }
}
