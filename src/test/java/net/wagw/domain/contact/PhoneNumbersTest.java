package net.wagw.domain.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.numbering.LibPhoneNumberPlan;

class PhoneNumbersTest {
    private final PhoneNumbers numbers = new PhoneNumbers(new LibPhoneNumberPlan());

    @Test
    void readsAStrictE164NumberIntoCountryCodeAndNationalNumber() {
        PhoneNumber number = numbers.parse("+5531988889999");

        assertThat(number.digits()).isEqualTo("5531988889999");
        assertThat(number.countryCode()).isEqualTo(55);
        assertThat(number.national()).isEqualTo("31988889999");
        assertThat(number.e164()).isEqualTo("+5531988889999");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5531988889999       | must start with '+'",
            "+55319888x9999      | only digits may follow the '+'",
            "+55 31 98888-9999   | only digits may follow the '+'",
            "+                   | only digits may follow the '+'",
            "+1234567890123456   | has 16 digits; an E.164 number has at most 15",
            "+5531               | is not",
            "+55319888899991     | is not a valid phone number in BR",
            "+99912345678        | is not",
            "' +5531988889999'   | must start with '+'",
    })
    void refusesWhatIsNotValidE164WithReason25AndSaysWhy(String input, String expected) {
        assertThatThrownBy(() -> numbers.parse(input))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.INVALID_IDENTITY);
                    assertThat(r.description()).contains(expected);
                });
    }

    @Test
    void refusesAnEmptyOrMissingNumber() {
        assertThatThrownBy(() -> numbers.parse("")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.description()).startsWith("No phone number was given"));
        assertThatThrownBy(() -> numbers.parse(null)).isInstanceOf(Refusal.class);
    }

    @Test
    void brazilianMobileWithNinthDigitAndTwelveDigitWaIdAreOneCustomer() {
        PhoneNumber withNine = numbers.parse("+5531988889999");
        PhoneNumber withoutNine = numbers.parse("+553188889999");

        assertThat(withNine.contactKey()).isEqualTo(withoutNine.contactKey());
        assertThat(withNine.contactKey()).isEqualTo(numbers.contactKeyOfWaId("553188889999"));
        assertThat(withNine.otherMobileForm()).contains(withoutNine);
        assertThat(withoutNine.otherMobileForm()).contains(withNine);
    }

    @Test
    void brazilianLandlineHasNoNinthDigitForm() {
        PhoneNumber landline = numbers.parse("+553132345678");

        assertThat(landline.otherMobileForm()).isEmpty();
        assertThat(landline.contactKey().value()).isEqualTo("553132345678");
        assertThat(landline.contactKey()).isNotEqualTo(numbers.parse("+5531932345678").contactKey());
    }

    @Test
    void mexicanMobileWithAndWithoutTheOneAreOneCustomer() {
        PhoneNumber with1 = numbers.parse("+5215512345678");
        PhoneNumber without1 = numbers.parse("+525512345678");

        assertThat(with1.contactKey()).isEqualTo(without1.contactKey());
        assertThat(numbers.contactKeyOfWaId("5215512345678")).isEqualTo(without1.contactKey());
        assertThat(without1.otherMobileForm()).contains(with1);
    }

    @Test
    void argentinianMobileWithAndWithoutTheNineAreOneCustomer() {
        PhoneNumber with9 = numbers.parse("+5491123456789");
        PhoneNumber without9 = numbers.parse("+541123456789");

        assertThat(with9.contactKey()).isEqualTo(without9.contactKey());
        assertThat(numbers.contactKeyOfWaId("5491123456789")).isEqualTo(without9.contactKey());
        assertThat(with9.otherMobileForm()).contains(without9);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+14155552671", "+447911123456", "+919876543210" })
    void numbersOfOtherCountriesAreTheirOwnKey(String input) {
        PhoneNumber number = numbers.parse(input);

        assertThat(number.contactKey().value()).isEqualTo(input.substring(1));
        assertThat(number.otherMobileForm()).isEmpty();
    }

    @Test
    void aWaIdThatIsNoKnownNumberIsItsOwnKey() {
        assertThat(numbers.contactKeyOfWaId("99912345")).isEqualTo(new ContactKey("99912345"));
    }
}
