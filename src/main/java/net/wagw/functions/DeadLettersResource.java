package net.wagw.functions;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import net.wagw.domain.Reason;
import net.wagw.lime.LimeCollection;
import net.wagw.domain.Refusal;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.delivery.Outbox;
import net.wagw.lime.Lime;

/**
 * {@code get /dead-letters} and {@code set /dead-letters/{id}} (docs/contracts.md §3.5): what the bot never
 * took within 24 hours, kept and listed, and put back for another day of tries on request.
 */
@ApplicationScoped
public class DeadLettersResource {
    private static final int PAGE = 100;

    private final Outbox outbox;

    public DeadLettersResource(Outbox outbox) {
        this.outbox = outbox;
    }

    ResourceResponse list(ResourceRequest request) {
        List<Item> items = outbox.deadLetters(request.bot(), PAGE).stream().map(Item::of).toList();
        return ResourceResponse.ok(Lime.COLLECTION, LimeCollection.of(Lime.DEAD_LETTER, items));
    }

    ResourceResponse redrive(ResourceRequest request) {
        String id = request.pathParameter("id");
        Delivery again = outbox.redrive(request.bot(), id).orElseThrow(() -> new Refusal(Reason.RESOURCE_NOT_FOUND,
                "No dead letter '" + id + "' is kept for this bot.", Refusal.Kind.NOT_FOUND));
        return new ResourceResponse(202, Lime.DEAD_LETTER, Item.of(again));
    }

    /** A dead letter as the bot sees it: what it was, how often it was tried, the last error. */
    @RegisterForReflection
    public record Item(String id, String target, String state, int attempts, Instant createdAt, String lastError,
            String body) {
        static Item of(Delivery delivery) {
            return new Item(delivery.id(), delivery.target().name().toLowerCase(), delivery.state().name().toLowerCase(),
                    delivery.attempts(), delivery.createdAt(), delivery.lastError(), delivery.body());
        }
    }
}
