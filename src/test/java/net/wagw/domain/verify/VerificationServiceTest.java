package net.wagw.domain.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.contact.ContactKey;
import net.wagw.domain.contact.ContactStore;
import net.wagw.domain.contact.Contacts;
import net.wagw.domain.contact.KnownContact;
import net.wagw.domain.contact.Nodes;
import net.wagw.domain.contact.PhoneNumbers;
import net.wagw.numbering.LibPhoneNumberPlan;
import net.wagw.testing.SettableClock;

class VerificationServiceTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final MapContactStore contactStore = new MapContactStore();
    private final MapQuotaCounter counters = new MapQuotaCounter();
    private final PhoneNumbers numbers = new PhoneNumbers(new LibPhoneNumberPlan());
    private final Contacts contacts = new Contacts(contactStore, numbers, clock);
    private final VerificationService service = new VerificationService(numbers, contacts, counters,
            new VerificationQuota(clock), new Nodes("wa.gw.msging.net"));

    @Test
    void anUnknownNumberIsAnsweredWithTheIdentityOfItsDigits() {
        Account account = service.verify(new Bot("a", 10), "+5531988889999");

        assertThat(account).isEqualTo(new Account("5531988889999@wa.gw.msging.net",
                "5531988889999@wa.gw.msging.net", "+5531988889999", "WhatsApp", null));
    }

    @Test
    void aLearnedWaIdIsTheIdentityForEitherMobileForm() {
        contacts.learnFromInbound("a", "553188889999", "Maria");

        Account byNewForm = service.verify(new Bot("a", 10), "+5531988889999");
        Account byOldForm = service.verify(new Bot("a", 10), "+553188889999");

        assertThat(byNewForm.identity()).isEqualTo("553188889999@wa.gw.msging.net");
        assertThat(byNewForm.alternativeAccount()).isEqualTo("5531988889999@wa.gw.msging.net");
        assertThat(byNewForm.fullName()).isEqualTo("Maria");
        assertThat(byOldForm.identity()).isEqualTo("553188889999@wa.gw.msging.net");
    }

    @Test
    void whatOneBotLearnedIsNotAnsweredToAnother() {
        contacts.learnFromInbound("a", "553188889999", "Maria");

        assertThat(service.verify(new Bot("b", 10), "+5531988889999").identity())
                .isEqualTo("5531988889999@wa.gw.msging.net");
    }

    @Test
    void pastTheDailyQuotaVerificationIsRefusedWith85UntilTheNextUtcDay() {
        Bot bot = new Bot("a", 2);
        service.verify(bot, "+5531988889999");
        service.verify(bot, "+5531988889998");

        assertThatThrownBy(() -> service.verify(bot, "+5531988889997"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.REQUEST_LIMIT_REACHED);
                    assertThat(r.description()).contains("2 verifications", "2026-11-26T00:00:00Z");
                });

        clock.set(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(service.verify(bot, "+5531988889997").phoneNumber()).isEqualTo("+5531988889997");
    }

    @Test
    void anInvalidNumberUsesNoQuota() {
        Bot bot = new Bot("a", 1);

        assertThatThrownBy(() -> service.verify(bot, "5531988889999")).isInstanceOf(Refusal.class);

        assertThat(counters.counts).isEmpty();
        assertThat(service.verify(bot, "+5531988889999").phoneNumber()).isEqualTo("+5531988889999");
    }

    @Test
    void aBotWithAZeroQuotaCannotVerify() {
        assertThatThrownBy(() -> service.verify(new Bot("a", 0), "+5531988889999"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.REQUEST_LIMIT_REACHED));
    }
    static final class MapContactStore implements ContactStore {
        final Map<String, KnownContact> items = new HashMap<>();

        @Override
        public Optional<KnownContact> find(String botId, ContactKey key) {
            return Optional.ofNullable(items.get(botId + "#" + key.value()));
        }

        @Override
        public void remember(String botId, ContactKey key, KnownContact contact) {
            items.put(botId + "#" + key.value(), contact);
        }

        @Override
        public void rememberWaId(String botId, ContactKey key, String waId, Instant learnedAt) {
            KnownContact known = items.get(botId + "#" + key.value());
            items.put(botId + "#" + key.value(), new KnownContact(waId, known == null ? null : known.fullName(), learnedAt));
        }
    }

    static final class MapQuotaCounter implements QuotaCounter {
        final Map<String, Long> counts = new HashMap<>();

        @Override
        public boolean tryIncrement(String botId, String counter, long limit, Instant expiresAt) {
            long now = counts.getOrDefault(botId + "#" + counter, 0L);
            if (now >= limit) {
                return false;
            }
            counts.put(botId + "#" + counter, now + 1);
            return true;
        }
    }
}
