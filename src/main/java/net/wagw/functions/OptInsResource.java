package net.wagw.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.contact.Customers;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.Customer;
import net.wagw.domain.optin.OptInChange;
import net.wagw.domain.optin.OptIns;
import net.wagw.lime.Lime;

/** {@code set}, {@code get}, {@code delete /opt-ins} (docs/contracts.md §5). */
@ApplicationScoped
public class OptInsResource {
    private final OptIns optIns;
    private final Customers customers;
    private final Nodes nodes;

    public OptInsResource(OptIns optIns, Customers customers, Nodes nodes) {
        this.optIns = optIns;
        this.customers = customers;
        this.nodes = nodes;
    }

    ResourceResponse set(ResourceRequest request) {
        JsonNode body = Bodies.object(request.body(), "an opt-in {phoneNumber | identity, source, text?, categories?}");
        String reference = Bodies.text(body, "phoneNumber").or(() -> Bodies.text(body, "identity")).orElse(null);
        Customer customer = customers.identify(reference);
        List<String> categories = null;
        JsonNode given = body.get("categories");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw new Refusal(Reason.INVALID_ARGUMENT, "'categories' must be a list such as [\"MARKETING\"].");
            }
            categories = new ArrayList<>();
            for (JsonNode category : given) {
                categories.add(category.asText());
            }
        }
        OptInChange recorded = optIns.consent(request.bot().id(), customer.key(),
                Bodies.text(body, "source").orElse(null), Bodies.text(body, "text").orElse(null), categories);
        // answered from what was just written: the history is not read back (GET shows it)
        return new ResourceResponse(201, Lime.OPT_IN, resource(customer, recorded, null));
    }

    ResourceResponse get(ResourceRequest request) {
        Customer customer = customers.identify(request.pathParameter("customer"));
        OptInChange current = optIns.current(request.bot().id(), customer.key()).orElseThrow(() -> new Refusal(
                Reason.RESOURCE_NOT_FOUND, customer.shown() + " has never opted in.", Refusal.Kind.NOT_FOUND));
        return ResourceResponse.ok(Lime.OPT_IN, resource(customer, current,
                optIns.history(request.bot().id(), customer.key()).stream().map(Change::of).toList()));
    }

    ResourceResponse delete(ResourceRequest request) {
        Customer customer = customers.identify(request.pathParameter("customer"));
        optIns.revoke(request.bot().id(), customer.key(), "api", null, request.bot().id());
        return ResourceResponse.noContent();
    }

    /** @param history every change, oldest first; null leaves it out */
    private OptInResource resource(Customer customer, OptInChange current, List<Change> history) {
        return new OptInResource(nodes.customer(customer.id()),
                customer.number() == null ? null : customer.number().e164(), status(current),
                current.categories(), current.source(), current.text(), current.at(), history);
    }

    private static String status(OptInChange change) {
        return change.active() ? "active" : "revoked";
    }

    /**
     * {@code application/vnd.wagw.opt-in+json}: the current consent and every change before it (the
     * set's 201 shows the consent it recorded, without the history).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptInResource(String identity, String phoneNumber, String status, Set<String> categories,
            String source, String text, Instant updatedAt, List<Change> history) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String status, Set<String> categories, String source, String text, String by, Instant at) {
        static Change of(OptInChange change) {
            return new Change(OptInsResource.status(change), change.categories(), change.source(), change.text(), change.by(),
                    change.at());
        }
    }
}
