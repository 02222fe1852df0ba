package net.wagw.domain.contact;

import java.util.Optional;

/**
 * The mobile "extra digit" rules under which two E.164 forms name one WhatsApp account.
 *
 * <ul>
 *   <li>Brazil (55): mobiles gained a leading 9 in 2012-2016 (Anatel resolution 553/2010), but
 *       accounts registered before keep a 12-digit wa_id without it: {@code 55 DD 9NNNN-NNNN} and
 *       {@code 55 DD NNNN-NNNN} are one customer when the 8-digit subscriber part starts with 6-9,
 *       the old mobile range (2-5 were and are landlines, so those never have a 9 form).</li>
 *   <li>Mexico (52): the mobile "1" after the country code was dropped in 2019, but wa_ids keep
 *       {@code 521}: {@code 52 1 NNNNNNNNNN} and {@code 52 NNNNNNNNNN} are one customer.</li>
 *   <li>Argentina (54): mobiles are dialled internationally with a 9 ({@code 54 9 NNNNNNNNNN})
 *       while many sources write them without it: both are one customer.</li>
 * </ul>
 * The key is the form without the extra digit.
 */
final class MobileVariants {
    private static final int BRAZIL = 55;
    private static final int MEXICO = 52;
    private static final int ARGENTINA = 54;

    private MobileVariants() {
    }

    static ContactKey contactKey(PhoneNumber number) {
        return new ContactKey(number.countryCode() + withoutExtraDigit(number));
    }

    static Optional<PhoneNumber> otherForm(PhoneNumber number) {
        String national = number.national();
        String stripped = withoutExtraDigit(number);
        if (!stripped.equals(national)) {
            return Optional.of(of(number.countryCode(), stripped));
        }
        return withExtraDigit(number.countryCode(), national).map(n -> of(number.countryCode(), n));
    }

    /** The national number with the extra mobile digit added, if this is a form that lacks it. */
    static Optional<String> withExtraDigit(int countryCode, String national) {
        return switch (countryCode) {
            case BRAZIL -> national.length() == 10 && isOldMobileRange(national.charAt(2))
                    ? Optional.of(national.substring(0, 2) + "9" + national.substring(2))
                    : Optional.empty();
            case MEXICO -> national.length() == 10 ? Optional.of("1" + national) : Optional.empty();
            case ARGENTINA -> national.length() == 10 ? Optional.of("9" + national) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String withoutExtraDigit(PhoneNumber number) {
        String national = number.national();
        return switch (number.countryCode()) {
            case BRAZIL -> national.length() == 11 && national.charAt(2) == '9' && isOldMobileRange(national.charAt(3))
                    ? national.substring(0, 2) + national.substring(3)
                    : national;
            case MEXICO -> national.length() == 11 && national.charAt(0) == '1' ? national.substring(1) : national;
            case ARGENTINA -> national.length() == 11 && national.charAt(0) == '9' ? national.substring(1) : national;
            default -> national;
        };
    }

    private static boolean isOldMobileRange(char firstSubscriberDigit) {
        return firstSubscriberDigit >= '6' && firstSubscriberDigit <= '9';
    }

    private static PhoneNumber of(int countryCode, String national) {
        return new PhoneNumber(countryCode + national, countryCode, national);
    }
}
