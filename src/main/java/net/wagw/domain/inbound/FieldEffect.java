package net.wagw.domain.inbound;

import java.util.Objects;

/**
 * What a field event changes in wagw, decided at the parser from Meta's vocabulary (field names,
 * template event words, preference categories, call directions) so the domain never reads Meta's
 * words (docs/contracts.md §7). Every event is kept and told to its bot whatever its effect.
 */
public sealed interface FieldEffect {
    /** Kept and told only: account events, a call the business made, any field wagw does not know. */
    record None() implements FieldEffect {
    }

    /**
     * A template's lifecycle, quality, components or category changed.
     *
     * @param status   the catalog status it now has, or null when it stays as it is
     * @param category the category it now has (upper case), or null when unchanged
     * @param at       when Meta made the change (the webhook entry's time), or null when it did not say:
     *                 a change older than one applied already is not applied (Meta's retry of an event
     *                 that failed may come after a newer one)
     */
    record TemplateChanged(String name, String language, String status, String category, java.time.Instant at)
            implements FieldEffect {
        public TemplateChanged {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The customer stopped marketing messages in WhatsApp's own settings. */
    record MarketingStopped() implements FieldEffect {
    }

    /**
     * The business wrote to the customer from the WhatsApp Business app (coexistence): told to the
     * bot as the message it was; it opens no window, the customer did not write.
     */
    record BusinessEchoed() implements FieldEffect {
    }

    /** The customer called the business: the 24-hour window opens as a message opens it. */
    record CustomerCalled() implements FieldEffect {
    }

    FieldEffect NONE = new None();
}
