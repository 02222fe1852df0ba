package net.wagw.numbering;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import net.wagw.domain.contact.NumberingPlan;

/** {@link NumberingPlan} on Google's libphonenumber metadata. */
public final class LibPhoneNumberPlan implements NumberingPlan {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Override
    public Reading read(String e164) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            return new Unreadable(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> Problem.NO_SUCH_COUNTRY_CODE;
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> Problem.TOO_SHORT;
                case TOO_LONG -> Problem.TOO_LONG;
                default -> Problem.UNREADABLE;
            });
        }
        boolean valid = util.isValidNumber(parsed);
        Problem problem = valid ? null : switch (util.isPossibleNumberWithReason(parsed)) {
            case TOO_SHORT, INVALID_LENGTH -> Problem.WRONG_LENGTH;
            case TOO_LONG -> Problem.TOO_LONG;
            case INVALID_COUNTRY_CODE -> Problem.NO_SUCH_COUNTRY_CODE;
            default -> Problem.NOT_IN_USE;
        };
        String region = util.getRegionCodeForCountryCode(parsed.getCountryCode());
        return new Read(parsed.getCountryCode(), util.getNationalSignificantNumber(parsed), valid, problem,
                "ZZ".equals(region) ? null : region);
    }
}
