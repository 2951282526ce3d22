package vn.herald.report;

import io.micronaut.core.annotation.Nullable;
import vn.herald.channel.ChannelType;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceLimits;
import vn.herald.publishing.PublicationStatus;

import java.time.Instant;
import java.util.List;

/** One publication as a report counts it: the piece's facets, the channel, and how it ended. */
record PublicationFact(long id, long pieceId, String title, PieceKind kind, List<String> topics, List<String> audiences,
                       String channelId, String channelName, ChannelType channelType, Instant plannedAt,
                       PublicationStatus status, boolean dryRun, @Nullable String externalUrl,
                       @Nullable Integer readSeconds, boolean failedOnce, @Nullable String lastError) {

    PublicationFact {
        // a piece stored before the limit on labels counts for its first ones only: a report stays a page, not a book
        topics = topics.stream().limit(PieceLimits.LABELS).toList();
        audiences = audiences.stream().limit(PieceLimits.LABELS).toList();
    }

    /** Sent for real: dry-run channels only show what would have gone out. */
    boolean published() {
        return status == PublicationStatus.PUBLISHED && !dryRun;
    }

    /** Something went wrong on the way: a failed attempt, or the publication could never be sent. */
    boolean failed() {
        return failedOnce || status == PublicationStatus.EXPIRED || status == PublicationStatus.NEEDS_ATTENTION;
    }
}
