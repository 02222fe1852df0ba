package net.wagw.domain.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.delivery.Delivery;
import net.wagw.domain.ports.World;
import net.wagw.domain.send.Template;

/** What the fields beyond messages and groups change (docs/contracts.md §7), on in-memory ports. */
class FieldEventsTest {
    private static final String WA_ID = "5531988882001";
    private final World world = new World();

    private ContactKey customer() {
        return world.numbers.contactKeyOfWaId(WA_ID);
    }

    private static FieldEvent event(String id, FieldEffect effect, Instant at) {
        return new FieldEvent(World.BOT.wabaId(), World.PHONE_NUMBER_ID, "some_field", id, at,
                Map.of("customer", WA_ID), effect, "{}");
    }

    @Test
    void aTemplateChangeUpdatesTheCatalogAtOnceAndIsToldOnce() {
        world.catalog.replace(World.BOT.id(), List.of(new Template("aviso", "pt_BR", "APPROVED", "UTILITY", Map.of()),
                new Template("aviso", "en_US", "APPROVED", "UTILITY", Map.of())));
        FieldEvent paused = event("T-1", new FieldEffect.TemplateChanged("aviso", "pt_BR", "PAUSED", null, null), null);

        assertThat(world.fieldEvents.handle(World.BOT, paused, "lime")).isPresent();
        assertThat(world.fieldEvents.handle(World.BOT, paused, "lime")).isEmpty();

        assertThat(world.catalog.all(World.BOT.id())).extracting(Template::language, Template::status, Template::category)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pt_BR", "PAUSED", "UTILITY"),
                        org.assertj.core.groups.Tuple.tuple("en_US", "APPROVED", "UTILITY"));
    }

    @Test
    void aMarketingStopRevokesMarketingConsentAndKeepsTheOtherCategories() {
        world.optIns.consent(World.BOT.id(), customer(), "bot", "Quer receber?", List.of("MARKETING", "UTILITY"));

        world.fieldEvents.handle(World.BOT, event("P-1", new FieldEffect.MarketingStopped(), null), "lime");

        assertThat(world.optIns.current(World.BOT.id(), customer())).get().satisfies(current -> {
            assertThat(current.active()).isTrue();
            assertThat(current.categories()).containsExactly("UTILITY");
            assertThat(current.source()).isEqualTo("meta");
        });
    }

    @Test
    void aCustomersCallOpensTheWindowAndOtherEventsDoNot() {
        Instant called = world.clock.instant().minusSeconds(60);

        world.fieldEvents.handle(World.BOT, event("E-1", new FieldEffect.BusinessEchoed(), called), "lime");
        world.fieldEvents.handle(World.BOT, event("N-1", FieldEffect.NONE, called), "lime");
        assertThat(world.windows.lastInbound(World.BOT.id(), customer())).isEmpty();

        world.fieldEvents.handle(World.BOT, event("C-1", new FieldEffect.CustomerCalled(), called), "lime");
        assertThat(world.windows.lastInbound(World.BOT.id(), customer())).contains(called);
        assertThat(world.deliveries.stored.values()).extracting(Delivery::id)
                .containsExactlyInAnyOrder("event:E-1", "event:N-1", "event:C-1");
    }
}
