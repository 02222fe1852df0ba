package net.wagw.domain.send;

import static net.wagw.domain.send.Sends.CUSTOMER;
import static net.wagw.domain.send.Sends.buttons;
import static net.wagw.domain.send.Sends.template;
import static net.wagw.domain.send.Sends.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.contact.PhoneNumber;
import net.wagw.domain.group.Group;
import net.wagw.domain.ports.World;

/** WhatsApp's rules for a send (docs/contracts.md §3.3), each refusal before anything is stored or sent. */
class SendRulesTest {
    private final World world = new World();

    private PhoneNumber customer() {
        return world.numbers.parse("+5531988881001");
    }

    private void customerWrote(Duration ago) {
        world.windows.recordInbound(World.BOT.id(), customer().contactKey(), world.clock.instant().minus(ago));
    }

    private void assertNothingStoredOrSent() {
        assertThat(world.messages.stored).isEmpty();
        assertThat(world.meta.sends).isEmpty();
        assertThat(world.told.notifications).isEmpty();
        assertThat(world.queue.queued).isEmpty();
    }

    @Test
    void aFreeFormMessageOutsideTheWindowIsRefusedAndNothingIsStoredOrSent() {
        customerWrote(Duration.ofHours(24).plusSeconds(1));

        assertThatThrownBy(() -> world.send.send(World.BOT, text("m-1", CUSTOMER, "oi")))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.NOT_ALLOWED);
                    assertThat(r.description()).contains("window").contains("Send a template");
                });
        assertNothingStoredOrSent();
    }

    @Test
    void aFreeFormMessageInsideTheWindowGoesToTheWaIdMetaTaughtLast() {
        customerWrote(Duration.ofHours(23).plusMinutes(59));
        world.contacts.learnWaId(World.BOT.id(), customer(), "553188881001");

        world.send.send(World.BOT, text("m-1", CUSTOMER, "oi"));

        assertThat(world.meta.sends).singleElement().satisfies(call -> {
            assertThat(call.to()).isEqualTo("553188881001");
            assertThat(call.phoneNumberId()).isEqualTo(World.PHONE_NUMBER_ID);
            assertThat(call.group()).isFalse();
        });
    }

    @Test
    void aTemplateNeedsTheCustomersOptInWhenTheBotRequiresIt() {
        assertThatThrownBy(() -> world.send.send(World.BOT, template("t-1", "hello", Map.of())))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.UNAUTHORIZED_SENDER);
                    assertThat(r.description()).contains("has not opted in");
                });
        assertNothingStoredOrSent();

        world.optIns.consent(World.BOT.id(), customer(), "web", null, List.of());
        assertThat(world.send.send(World.BOT, template("t-2", "hello", Map.of()))).isEqualTo("t-2");
        assertThat(world.meta.sends).hasSize(1);
    }

    @Test
    void aTemplateTheCatalogLacksIsLookedUpOnceAtMetaThenRefused() {
        world.optIns.consent(World.BOT.id(), customer(), "web", null, List.of());
        Template orderUpdate = new Template("order_update", "pt_BR", "APPROVED", "UTILITY", Map.of("body", 1));
        world.catalog.replace(World.BOT.id(), List.of(orderUpdate));
        world.meta.templates.add(orderUpdate);

        assertThatThrownBy(() -> world.send.send(World.BOT, template("t-1", "hello", Map.of())))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.description()).contains("not in the account"));
        assertThat(world.messages.stored).isEmpty();

        assertThatThrownBy(() -> world.send.send(World.BOT, template("t-2", "order_update", Map.of())))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.description()).contains("takes 1 parameter in its body; the message gives 0"));
        assertThat(world.send.send(World.BOT, template("t-3", "order_update", Map.of("body", 1)))).isEqualTo("t-3");
    }

    @Test
    void aBotWithoutAPhoneNumberIdCannotSend() {
        assertThatThrownBy(() -> world.send.send(World.WITHOUT_NUMBER, text("m-1", CUSTOMER, "oi")))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.NOT_ALLOWED);
                    assertThat(r.description()).contains("no WhatsApp phone number id");
                });
        assertNothingStoredOrSent();
    }

    @Test
    void aGroupTakesNothingWhilePendingAndNoInteractiveMessageOnceActive() {
        Group pending = world.groups.create(World.BOT, "VIP", null, null);
        String node = pending.id() + "@groups.wa.gw.msging.net";

        assertThatThrownBy(() -> world.send.send(World.BOT, text("g-1", node, "oi")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.description()).contains("still being created"));

        world.groupStore.save(pending.activated("G-META", null, world.clock.instant()));
        assertThatThrownBy(() -> world.send.send(World.BOT, buttons("g-2", node)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.description()).contains("no interactive"));
        assertNothingStoredOrSent();

        world.send.send(World.BOT, text("g-3", node, "oi"));
        assertThat(world.meta.sends).singleElement().satisfies(call -> {
            assertThat(call.to()).isEqualTo("G-META");
            assertThat(call.group()).isTrue();
        });
    }
}
