package net.wagw.domain.send;

/**
 * Where a sent message is, as a status webhook reports it (docs/contracts.md §3.4); Meta's word is
 * read into it at the parser. Statuses only move forward: each has its rank, and read and played
 * are both as far as a message goes before failing.
 */
public enum MessageStatus {
    SENT(1),
    DELIVERED(2),
    READ(3),
    PLAYED(3),
    FAILED(4),
    /** A word Meta may add later: counted, kept in logs, never told. */
    OTHER(0);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    /** How far along it is; 0 for {@link #OTHER}, which never moves a message. */
    public int rank() {
        return rank;
    }
}
