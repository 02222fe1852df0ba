package net.wagw.domain.inbound;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a customer's message asks to stop (docs/contracts.md §5): the whole message is one of the bot's
 * stop keywords, ignoring case, accents, surrounding spaces and punctuation ("Sair!", "  stop ").
 * A keyword inside a longer sentence does not count: "não quero parar agora" is not an opt-out.
 */
public final class StopKeywords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SURROUNDING = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    private StopKeywords() {
    }

    public static boolean isStop(String text, List<String> keywords) {
        if (text == null) {
            return false;
        }
        String said = normalise(text);
        return !said.isEmpty() && keywords.stream().map(StopKeywords::normalise).anyMatch(said::equals);
    }

    static String normalise(String text) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SURROUNDING.matcher(withoutAccents).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
