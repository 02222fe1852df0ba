package net.wagw.functions;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.send.UsageReport;
import net.wagw.lime.LimeCollection;
import net.wagw.lime.Lime;

/** {@code get /usage}: the bot's billable messages per day, category and pricing type (docs/contracts.md §3.4). */
@ApplicationScoped
public class UsageResource {
    private final UsageReport usage;

    public UsageResource(UsageReport usage) {
        this.usage = usage;
    }

    ResourceResponse get(ResourceRequest request) {
        List<Item> items = usage.between(request.bot(), request.query().get("from"), request.query().get("to")).stream()
                .map(u -> new Item(u.day().toString(), u.category(), u.type(), u.messages())).toList();
        return ResourceResponse.ok(Lime.COLLECTION, LimeCollection.of(Lime.USAGE, items));
    }

    /** {@code application/vnd.wagw.usage+json}: one day's count of one category and pricing type. */
    @RegisterForReflection
    public record Item(String day, String category, String type, long messages) {
    }
}
