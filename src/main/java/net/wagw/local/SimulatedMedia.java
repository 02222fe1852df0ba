package net.wagw.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulator's media, as Meta keeps it: files its customer sends (real bytes of an image, a
 * voice note, a PDF) under ids that expire after 7 days, and files the gateway uploads, kept 30.
 */
final class SimulatedMedia {
    static final Duration INBOUND_LIFE = Duration.ofDays(7);
    static final Duration UPLOAD_LIFE = Duration.ofDays(30);

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    /** The first page of an Ogg stream (capture pattern, version, BOS flag) with an Opus head. */
    private static final byte[] OGG = Base64.getDecoder().decode(
            "T2dnUwACAAAAAAAAAAA+9AAAAAAAAAAAAAAAARNPcHVzSGVhZAEBOAGAuwAAAAAA");
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
            + "/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    record File(String mimeType, byte[] bytes, Instant expires, String filename) {
        String sha256() {
            try {
                return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** A file the customer sends: "image", "audio" or "document"; empty for any other kind. */
    Optional<Map.Entry<String, File>> customerSends(String kind, Instant now) {
        File file = switch (kind) {
            case "image" -> new File("image/png", PNG, now.plus(INBOUND_LIFE), null);
            case "audio" -> new File("audio/ogg; codecs=opus", OGG, now.plus(INBOUND_LIFE), null);
            case "document" -> new File("application/pdf", PDF, now.plus(INBOUND_LIFE), "receipt.pdf");
            default -> null;
        };
        return file == null ? Optional.empty() : Optional.of(Map.entry(keep(file), file));
    }

    /** An upload's file, with the form's "type" as its type; empty when the form has no file. */
    Optional<String> uploaded(byte[] body, String contentType, Instant now) {
        String boundary = contentType == null ? null : field(contentType, "boundary=\"?([^\";]+)");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int part = text.indexOf("name=\"file\"");
        int start = part < 0 ? -1 : text.indexOf("\r\n\r\n", part);
        int end = start < 0 || boundary == null ? -1 : text.indexOf("\r\n--" + boundary, start + 4);
        if (end < 0) {
            return Optional.empty();
        }
        byte[] bytes = java.util.Arrays.copyOfRange(body, start + 4, end);
        String type = field(text, "name=\"type\"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]+)");
        return Optional.of(keep(new File(type == null ? "application/octet-stream" : type, bytes, now.plus(UPLOAD_LIFE),
                null)));
    }

    /** The file under an id, while Meta would still have it. */
    Optional<File> find(String id, Instant now) {
        return Optional.ofNullable(files.get(id)).filter(f -> now.isBefore(f.expires()));
    }

    private String keep(File file) {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L));
        files.put(id, file);
        return id;
    }

    private static String field(String text, String regex) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile(regex).matcher(text);
        return found.find() ? found.group(1).strip() : null;
    }
}
