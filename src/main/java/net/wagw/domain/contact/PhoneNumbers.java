package net.wagw.domain.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/**
 * Reads customer numbers. Only strict E.164 with a leading '+' is accepted (docs/contracts.md §4): the old
 * WhatsApp contacts API "succeeded" on bare digits by guessing a country, which hid typos.
 */
public final class PhoneNumbers {
    private static final int E164_MAX_DIGITS = 15;
    private static final String EXAMPLE = "e.g. +5531988889999";

    private final PhoneNumberUtil util;

    public PhoneNumbers() {
        this.util = PhoneNumberUtil.getInstance();
    }

    /** Parses a number as a bot gives it; refuses (reason 25) anything that is not valid E.164. */
    public PhoneNumber parse(String input) {
        if (input == null || input.isEmpty()) {
            throw invalid("No phone number was given: send it in E.164 form, " + EXAMPLE + ".");
        }
        if (input.charAt(0) != '+') {
            throw invalid("'" + shown(input) + "' is not in E.164 form: it must start with '+' and the country code, "
                    + EXAMPLE + ".");
        }
        String digits = input.substring(1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("'" + shown(input) + "' is not a phone number: only digits may follow the '+', " + EXAMPLE + ".");
        }
        if (digits.length() > E164_MAX_DIGITS) {
            throw invalid("'" + shown(input) + "' has " + digits.length() + " digits; an E.164 number has at most "
                    + E164_MAX_DIGITS + ".");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(input, "ZZ");
        } catch (NumberParseException e) {
            throw invalid("'" + input + "' is not a phone number: " + describe(e.getErrorType()) + ".");
        }
        int countryCode = parsed.getCountryCode();
        String national = util.getNationalSignificantNumber(parsed);
        if (!digits.equals(countryCode + national)) {
            throw invalid("'" + input + "' is not in E.164 form: write it as +" + countryCode + national + ".");
        }
        PhoneNumber number = new PhoneNumber(digits, countryCode, national);
        if (util.isValidNumber(parsed) || number.otherMobileForm().filter(this::isValid).isPresent()) {
            return number;
        }
        throw invalid("'" + input + "' is not a valid phone number" + where(countryCode) + ": " + possibility(parsed) + ".");
    }

    /**
     * The customer key of a wa_id as Meta reports it (digits, no '+'). Meta is trusted to name a
     * real account, so only the form is checked; a wa_id libphonenumber cannot read is its own key.
     */
    public ContactKey contactKeyOfWaId(String waId) {
        ContactKey opaque = new ContactKey(waId);
        try {
            Phonenumber.PhoneNumber parsed = util.parse("+" + waId, "ZZ");
            String national = util.getNationalSignificantNumber(parsed);
            if (waId.equals(parsed.getCountryCode() + national)) {
                return new PhoneNumber(waId, parsed.getCountryCode(), national).contactKey();
            }
        } catch (NumberParseException e) {
            return opaque;
        }
        return opaque;
    }

    private boolean isValid(PhoneNumber number) {
        try {
            return util.isValidNumber(util.parse(number.e164(), "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private String where(int countryCode) {
        String region = util.getRegionCodeForCountryCode(countryCode);
        return "ZZ".equals(region) ? "" : " in " + region;
    }

    private String possibility(Phonenumber.PhoneNumber parsed) {
        return switch (util.isPossibleNumberWithReason(parsed)) {
            case TOO_SHORT, INVALID_LENGTH -> "it has the wrong number of digits for its country";
            case TOO_LONG -> "it is too long for its country";
            case INVALID_COUNTRY_CODE -> "no country uses its country code";
            default -> "no such number range is in use";
        };
    }

    private static String describe(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "no country uses its country code";
            case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "it is too short";
            case TOO_LONG -> "it is too long";
            default -> "it cannot be read as one";
        };
    }

    /** Long or odd input is cut so that a description stays one readable sentence. */
    private static String shown(String input) {
        return input.length() <= 32 ? input : input.substring(0, 32) + "...";
    }

    private static Refusal invalid(String description) {
        return new Refusal(Reason.INVALID_IDENTITY, description);
    }
}
