package net.wagw.domain;

/**
 * The largest value wagw stores for each kind of field (docs/contracts.md §3): checked before
 * anything is written, so an oversized value is the caller's mistake (4xx naming the field and the
 * limit), never a DynamoDB ValidationException taken for an outage. DynamoDB allows 2,048 bytes in a
 * partition key and 400 KB in an item; these leave room for the bot id prefix and the other
 * attributes.
 */
public final class Bounds {
    /** Meta's ids (wamids, media, groups, templates): real ones are under 100 characters. */
    public static final int META_ID = 512;
    /** A bot's own ids (envelope ids, dead-letter ids): BLiP's are GUIDs. */
    public static final int ENVELOPE_ID = 512;
    /** Names (template names are at most 512 per Meta; group subjects 128). */
    public static final int NAME = 512;
    /** A text wagw keeps (an opt-in's text, a description): WhatsApp's own texts stop at 4,096. */
    public static final int TEXT = 4096;
    /** One metadata value. */
    public static final int METADATA_VALUE = 1024;

    private Bounds() {
    }

    /** A field name as a sentence shows it: long ones cut. */
    public static String shown(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }

    public static boolean fits(String value, int limit) {
        return value == null || value.length() <= limit;
    }

    /** Refuses (400, reason 64) a value over its limit, naming the field and the limit. */
    public static String check(String field, String value, int limit) {
        if (!fits(value, limit)) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "'" + shown(field) + "' has " + value.length()
                    + " characters; at most " + limit + " are accepted.");
        }
        return value;
    }
}
