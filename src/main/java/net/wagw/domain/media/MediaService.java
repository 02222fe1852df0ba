package net.wagw.domain.media;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import net.wagw.domain.Reason;
import net.wagw.domain.Refusal;
import net.wagw.domain.bot.Bot;
import net.wagw.domain.meta.MetaOutcome;
import net.wagw.domain.work.Work;
import net.wagw.domain.work.WorkQueue;

/**
 * Media that lasts (docs/contracts.md §11): each inbound file is copied from Meta to the media
 * store on receipt, a failed copy is retried through the work queue while Meta still has the
 * file, and the bot that received it reads it from the copy (or from Meta while there is none)
 * for the retention period; bots upload files they hold, which go to the store and to Meta.
 */
public final class MediaService {
    /** Meta keeps an inbound media id for 7 days, and an uploaded one for 30. */
    static final Duration META_INBOUND_LIFE = Duration.ofDays(7);
    static final Duration META_UPLOAD_LIFE = Duration.ofDays(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Duration LINK_VALIDITY = Duration.ofMinutes(5);

    private final MediaRecords records;
    private final MediaFiles files;
    private final MediaSource meta;
    private final MediaUploads uploads;
    private final WorkQueue queue;
    private final Clock clock;
    private final Duration retention;
    private final Duration firstRetry;
    private final long maxCopyBytes;
    private final long maxAnswerBytes;

    /**
     * @param retention      how long a copy is served after it was received
     * @param firstRetry     the wait before the first retry of a failed copy (doubling, capped at an hour)
     * @param maxCopyBytes   larger inbound files are not copied (served from Meta while it has them)
     * @param maxAnswerBytes larger copies are answered with a short-lived link instead of the bytes
     */
    public MediaService(MediaRecords records, MediaFiles files, MediaSource meta, MediaUploads uploads, WorkQueue queue,
            Clock clock, Duration retention, Duration firstRetry, long maxCopyBytes, long maxAnswerBytes) {
        this.records = Objects.requireNonNull(records, "records");
        this.files = Objects.requireNonNull(files, "files");
        this.meta = Objects.requireNonNull(meta, "meta");
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = retention;
        this.firstRetry = firstRetry == null ? FIRST_RETRY : firstRetry;
        this.maxCopyBytes = maxCopyBytes;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** A customer's file reached the bot: it is the bot's (recorded before Meta is answered). */
    public void received(String botId, String mediaId, String contentType, Instant sentAt) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant from = sentAt == null || sentAt.isAfter(now) ? now : sentAt;
        records.recordInbound(new MediaRecord(botId, mediaId, MediaRecord.Origin.INBOUND, contentType, -1, now, null,
                now.plus(retention), from.plus(META_INBOUND_LIFE), 0));
    }

    /** What a copy came to. */
    public enum Copy {
        /** Stored now, or already. */
        COPIED,
        /** Not now (Meta or the store failed): to be tried again. */
        RETRY,
        /** Never: unknown, expired at Meta or here, or larger than the copy limit. */
        ABANDONED
    }

    /** Copies the file, or queues a later try; never throws for Meta or the store. */
    public Copy copyOrRetry(String botId, String mediaId) {
        Copy copy;
        try {
            copy = copy(botId, mediaId);
        } catch (RuntimeException storeOrRecordsFailed) {
            copy = Copy.RETRY;
        }
        if (copy == Copy.RETRY) {
            retryLater(botId, mediaId);
        }
        return copy;
    }

    /** The work queue's {@link Work.CopyMedia}: the same as on receipt. */
    public Copy onWork(Work.CopyMedia work) {
        return copyOrRetry(work.botId(), work.mediaId());
    }

    Copy copy(String botId, String mediaId) {
        Optional<MediaRecord> found = records.find(botId, mediaId);
        if (found.isEmpty()) {
            return Copy.ABANDONED;
        }
        MediaRecord record = found.get();
        Instant now = clock.instant();
        if (record.copied()) {
            return Copy.COPIED;
        }
        if (record.expired(now) || !now.isBefore(record.metaExpiresAt())) {
            return Copy.ABANDONED;
        }
        Media media = meta.media(mediaId, maxCopyBytes);
        if (media instanceof Media.TooLarge) {
            return Copy.ABANDONED;
        }
        if (media instanceof Media.Failed failed) {
            return failed.outcome() instanceof MetaOutcome.Error error && error.httpStatus() == 404 ? Copy.ABANDONED
                    : Copy.RETRY;
        }
        Media.Found file = (Media.Found) media;
        files.put(record.key(), file.contentType(), file.bytes());
        records.markCopied(botId, mediaId, file.contentType(), file.bytes().length, clock.instant());
        return Copy.COPIED;
    }

    private void retryLater(String botId, String mediaId) {
        int failures;
        try {
            failures = records.countFailedAttempt(botId, mediaId);
        } catch (RuntimeException recordsDown) {
            failures = 1;
        }
        Duration delay = firstRetry.multipliedBy(1L << Math.min(failures - 1, 20));
        queue.enqueue(new Work.CopyMedia(botId, mediaId), delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay);
    }

    /** What {@code GET /media/{id}} answers. */
    public sealed interface Read {
    }

    public record Bytes(String contentType, byte[] bytes) implements Read {
    }

    public record Link(URI uri) implements Read {
    }

    /** Not this bot's, never was, or past retention: nothing said about which. */
    public record NotFound() implements Read {
    }

    /** No copy yet: what Meta answered. */
    public record FromMeta(Media media) implements Read {
    }

    public Read read(Bot bot, String mediaId) {
        Optional<MediaRecord> found = records.find(bot.id(), mediaId);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().expired(now)) {
            return new NotFound();
        }
        MediaRecord record = found.get();
        if (record.copied()) {
            if (record.size() > maxAnswerBytes) {
                return new Link(files.temporaryLink(record.key(), LINK_VALIDITY));
            }
            Optional<MediaFiles.StoredFile> file = files.get(record.key());
            if (file.isPresent()) {
                return new Bytes(file.get().contentType(), file.get().bytes());
            }
        }
        if (!now.isBefore(record.metaExpiresAt())) {
            return new NotFound();
        }
        return new FromMeta(meta.media(mediaId, maxAnswerBytes));
    }

    /** An upload's answer: wagw's id (Meta's), and until when it can be sent. */
    public record Upload(String mediaId, Instant expires) {
    }

    /**
     * Stores the bot's file and uploads it to Meta; the same {@code clientId} again answers the
     * first upload without a second one.
     */
    public Upload upload(Bot bot, String clientId, String contentType, String filename, byte[] bytes, long gatewayLimit) {
        MediaLimits.check(contentType, bytes.length, gatewayLimit);
        if (clientId != null) {
            Optional<MediaRecord> before = records.findUpload(bot.id(), clientId);
            if (before.isPresent()) {
                return new Upload(before.get().mediaId(), expiry(before.get()));
            }
        }
        if (bot.phoneNumberId() == null) {
            throw new Refusal(Reason.NOT_ALLOWED, "This bot has no WhatsApp number to upload media for.");
        }
        String type = MediaLimits.bare(contentType);
        MediaUploads.Uploaded answer = uploads.upload(bot.phoneNumberId(), type, filename, bytes);
        if (answer instanceof MediaUploads.Failed failed) {
            throw uploadRefused(failed.outcome());
        }
        String mediaId = ((MediaUploads.Accepted) answer).mediaId();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        MediaRecord record = new MediaRecord(bot.id(), mediaId, MediaRecord.Origin.UPLOAD, type, bytes.length, now, now,
                now.plus(retention), now.plus(META_UPLOAD_LIFE), 0);
        files.put(record.key(), type, bytes);
        records.recordUpload(clientId, record);
        return new Upload(mediaId, expiry(record));
    }

    private static Instant expiry(MediaRecord record) {
        return record.expiresAt().isBefore(record.metaExpiresAt()) ? record.expiresAt() : record.metaExpiresAt();
    }

    private static Refusal uploadRefused(MetaOutcome outcome) {
        if (outcome instanceof MetaOutcome.Error error && error.httpStatus() / 100 == 4) {
            return new Refusal(Reason.VALIDATION_ERROR, "Meta refused the file (#" + error.code() + ")"
                    + (error.message() == null ? "" : ": " + error.message()) + ".", Refusal.Kind.UNPROCESSABLE);
        }
        return new Refusal(Reason.GATEWAY_ERROR, "Meta did not take the upload just now; send it again with the same"
                + " id.", Refusal.Kind.UNAVAILABLE);
    }

    /**
     * The Meta media id to send a media-link by, when its uri names a file this bot uploaded.
     *
     * @throws Refusal when it names a file of wagw that is not this bot's upload, or one expired
     */
    public String uploadedMediaId(Bot bot, String mediaId) {
        Optional<MediaRecord> found = records.find(bot.id(), mediaId)
                .filter(r -> r.origin() == MediaRecord.Origin.UPLOAD);
        if (found.isEmpty()) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "No media " + mediaId + " was uploaded by this bot: upload the "
                    + "file with POST /media and send the uri it answers.");
        }
        if (!clock.instant().isBefore(expiry(found.get()))) {
            throw new Refusal(Reason.INVALID_ARGUMENT, "Media " + mediaId + " expired on " + expiry(found.get())
                    + ": upload the file again.");
        }
        return mediaId;
    }
}
