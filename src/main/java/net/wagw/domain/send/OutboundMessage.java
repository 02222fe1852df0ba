package net.wagw.domain.send;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a bot sent, from the moment it was taken until it is sent or has failed for good.
 *
 * @param to              what Meta is given as {@code to}: a wa_id or E.164 digits, or a group id
 * @param fingerprint     a digest of the request, so that an id reused for another message is caught
 * @param state           where it is
 * @param attempts        Cloud API calls made so far
 * @param nextAttemptAt   when dispatch may next touch it (for SENDING: when its lease ends)
 * @param accepted        whether the bot was answered 202 (and told "accepted")
 * @param failureCode     LIME reason code of a definitive failure, 0 otherwise
 * @param failureKind     its kind (Refusal.Kind name), for the HTTP status of a replayed answer
 * @param version         optimistic-lock counter: every change is conditional on it
 */
public record OutboundMessage(String botId, String id, String recipientNode, String to, boolean group,
        String payloadJson, String fingerprint, State state, int attempts, Instant createdAt, Instant nextAttemptAt,
        boolean accepted, String wamid, int failureCode, String failureKind, String failureDescription, String lastError,
        long version) {

    public enum State {
        /** Being sent by someone holding the lease until nextAttemptAt. */
        SENDING,
        /** Waiting for a retry at nextAttemptAt. */
        PENDING,
        /**
         * Meta may have taken it, and its answer did not say (MetaOutcome.Uncertain): never sent
         * again; settled by a status webhook, else failed when nextAttemptAt comes.
         */
        UNCERTAIN,
        SENT,
        FAILED
    }

    public OutboundMessage {
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    public boolean isSettled() {
        return state == State.SENT || state == State.FAILED;
    }

    public OutboundMessage leased(Instant until) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, State.SENDING,
                attempts, createdAt, until, accepted, wamid, failureCode, failureKind, failureDescription, lastError,
                version + 1);
    }

    public OutboundMessage sent(String wamid, boolean accepted) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, State.SENT,
                attempts + 1, createdAt, nextAttemptAt, accepted, wamid, 0, null, null, lastError, version + 1);
    }

    /** An uncertain send a status named: Meta took it under {@code wamid} (no call made, none counted). */
    public OutboundMessage settled(String wamid) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, State.SENT,
                attempts, createdAt, nextAttemptAt, accepted, wamid, 0, null, null, lastError, version + 1);
    }

    public OutboundMessage retryAt(Instant at, String error, boolean accepted) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, State.PENDING,
                attempts + 1, createdAt, at, accepted, wamid, 0, null, null, error, version + 1);
    }

    /** The next version, now accepted for the bot (a stranded message taken over by its retry). */
    public OutboundMessage acceptedNow() {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, state, attempts,
                createdAt, nextAttemptAt, true, wamid, failureCode, failureKind, failureDescription, lastError,
                version + 1);
    }

    /** The same version with the bot's acceptance changed (it is not a new state of the message). */
    public OutboundMessage withAccepted(boolean accepted) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, state, attempts,
                createdAt, nextAttemptAt, accepted, wamid, failureCode, failureKind, failureDescription, lastError,
                version);
    }

    /** Meta's answer did not say whether it took the message: wait for a status until {@code until}. */
    public OutboundMessage uncertain(Instant until, String why, boolean accepted) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, State.UNCERTAIN,
                attempts + 1, createdAt, until, accepted, wamid, 0, null, null, why, version + 1);
    }

    /** @param attempted whether this failure came from a Cloud API call (counted) or from expiry */
    public OutboundMessage failed(int code, String kindName, String description, boolean attempted) {
        return new OutboundMessage(botId, id, recipientNode, to, group, payloadJson, fingerprint, State.FAILED,
                attempted ? attempts + 1 : attempts, createdAt, nextAttemptAt, accepted, wamid, code, kindName,
                description, description, version + 1);
    }
}
