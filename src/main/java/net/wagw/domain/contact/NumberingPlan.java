package net.wagw.domain.contact;

/**
 * Port: the world's telephone numbering plan (which country codes exist, how long their numbers
 * are, which ranges are in use). The rules about what wagw accepts stay in {@link PhoneNumbers}.
 */
public interface NumberingPlan {
    /** How the plan reads {@code +digits}. */
    Reading read(String e164);

    /** What the plan makes of a number. */
    sealed interface Reading {
    }

    /**
     * @param valid   whether the number is in a range in use
     * @param problem why it is not valid, when it is not
     * @param region  the ISO region of the country code, or null when it has none of its own
     */
    record Read(int countryCode, String national, boolean valid, Problem problem, String region) implements Reading {
    }

    /** Not a number the plan can read at all. */
    record Unreadable(Problem problem) implements Reading {
    }

    enum Problem {
        NO_SUCH_COUNTRY_CODE, TOO_SHORT, TOO_LONG, WRONG_LENGTH, NOT_IN_USE, UNREADABLE
    }
}
