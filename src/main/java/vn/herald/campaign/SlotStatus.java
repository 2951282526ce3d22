package vn.herald.campaign;

import vn.herald.publishing.PublicationStatus;

import java.time.Instant;

/** Where a campaign slot stands, read from the publication that fills it. */
public enum SlotStatus {
    /** a publication waits to go out (or is going out, or waits for a person) */
    SCHEDULED,
    PUBLISHED,
    /** still ahead and without content: an approved piece with the tag would fill it */
    EMPTY,
    /** its time passed and nothing went out */
    MISSED;

    static SlotStatus of(Instant plannedAt, PublicationStatus publication, Instant now) {
        return switch (publication) {
            case PUBLISHED -> PUBLISHED;
            case CANCELLED, EXPIRED -> plannedAt.isBefore(now) ? MISSED : EMPTY;
            default -> SCHEDULED;
        };
    }

    static SlotStatus unfilled(Instant plannedAt, Instant now) {
        return plannedAt.isBefore(now) ? MISSED : EMPTY;
    }
}
