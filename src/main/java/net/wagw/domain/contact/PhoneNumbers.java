package net.wagw.domain.contact;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;

/**
 * Reads customer numbers. Only strict E.164 with a leading '+' is accepted (docs/contracts.md §4): the old
 * WhatsApp contacts API "succeeded" on bare digits by guessing a country, which hid typos.
 */
public final class PhoneNumbers {
    private static final int E164_MAX_DIGITS = 15;
    private static final String EXAMPLE = "e.g. +5531988889999";

    private final NumberingPlan plan;

    public PhoneNumbers(NumberingPlan plan) {
        this.plan = plan;
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
        NumberingPlan.Reading reading = plan.read(input);
        if (!(reading instanceof NumberingPlan.Read parsed)) {
            throw invalid("'" + input + "' is not a phone number: "
                    + describe(((NumberingPlan.Unreadable) reading).problem()) + ".");
        }
        int countryCode = parsed.countryCode();
        String national = parsed.national();
        if (!digits.equals(countryCode + national)) {
            throw invalid("'" + input + "' is not in E.164 form: write it as +" + countryCode + national + ".");
        }
        PhoneNumber number = new PhoneNumber(digits, countryCode, national);
        if (parsed.valid() || number.otherMobileForm().filter(this::isValid).isPresent()) {
            return number;
        }
        String where = parsed.region() == null ? "" : " in " + parsed.region();
        throw invalid("'" + input + "' is not a valid phone number" + where + ": " + possibility(parsed.problem()) + ".");
    }

    /**
     * The customer key of a wa_id as Meta reports it (digits, no '+'). Meta is trusted to name a
     * real account, so only the form is checked; a wa_id libphonenumber cannot read is its own key.
     */
    public ContactKey contactKeyOfWaId(String waId) {
        if (plan.read("+" + waId) instanceof NumberingPlan.Read parsed
                && waId.equals(parsed.countryCode() + parsed.national())) {
            return new PhoneNumber(waId, parsed.countryCode(), parsed.national()).contactKey();
        }
        return new ContactKey(waId);
    }

    private boolean isValid(PhoneNumber number) {
        return plan.read(number.e164()) instanceof NumberingPlan.Read parsed && parsed.valid();
    }

    private static String possibility(NumberingPlan.Problem problem) {
        return switch (problem) {
            case WRONG_LENGTH -> "it has the wrong number of digits for its country";
            case TOO_LONG -> "it is too long for its country";
            case NO_SUCH_COUNTRY_CODE -> "no country uses its country code";
            default -> "no such number range is in use";
        };
    }

    private static String describe(NumberingPlan.Problem problem) {
        return switch (problem) {
            case NO_SUCH_COUNTRY_CODE -> "no country uses its country code";
            case TOO_SHORT -> "it is too short";
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
