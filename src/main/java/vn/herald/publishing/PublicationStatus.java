package vn.herald.publishing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a publication stands. Every move goes through {@link #canMoveTo}, the whole table in one place. */
public enum PublicationStatus {
    SCHEDULED, SENDING, PUBLISHED, RETRY_WAIT, NEEDS_ATTENTION, UNKNOWN, EXPIRED, CANCELLED;

    private static final Map<PublicationStatus, Set<PublicationStatus>> ALLOWED = Map.of(
            SCHEDULED, EnumSet.of(SENDING, EXPIRED, CANCELLED, PUBLISHED),
            // a crash while SENDING is found by the next dispatch, which marks it UNKNOWN first
            SENDING, EnumSet.of(PUBLISHED, RETRY_WAIT, NEEDS_ATTENTION, UNKNOWN, EXPIRED),
            RETRY_WAIT, EnumSet.of(SENDING, EXPIRED, CANCELLED, SCHEDULED),
            NEEDS_ATTENTION, EnumSet.of(SCHEDULED, CANCELLED),
            // reconciliation: found on the platform, or not found and sent again
            UNKNOWN, EnumSet.of(PUBLISHED, SENDING, EXPIRED, CANCELLED, NEEDS_ATTENTION),
            EXPIRED, EnumSet.of(SCHEDULED, CANCELLED),
            // withdrawn, only on a channel whose adapter takes the piece down (the built-in portal)
            PUBLISHED, EnumSet.of(CANCELLED),
            CANCELLED, EnumSet.noneOf(PublicationStatus.class));

    public boolean canMoveTo(PublicationStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Still to be sent: the dispatcher acts on these. */
    public boolean pending() {
        return this == SCHEDULED || this == RETRY_WAIT || this == UNKNOWN || this == SENDING;
    }
}
