package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import vn.herald.channel.Channel;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;

/** A publication as the pages list it: with its piece's title and its channel's name, times in the centre's zone. */
record PublicationRow(long id, long pieceId, String pieceTitle, String channelId, String channelName, boolean dryRun,
                      String plannedAt, PublicationStatus status, int attempts, @Nullable String warning) {

    static PublicationRow of(Publication p, String pieceTitle, @Nullable Channel channel, Times times) {
        return new PublicationRow(p.id(), p.pieceId(), pieceTitle, p.channelId(), channel == null ? p.channelId() : channel.name(),
                channel != null && channel.mode() == vn.herald.channel.ChannelMode.DRY_RUN, times.show(p.plannedAt()),
                p.status(), p.attempts(), p.warning());
    }

    /** A dry-run channel's "published" was never sent: the pages say so (DESIGN: shown as "not sent"). */
    public String statusKey() {
        return dryRun && status == PublicationStatus.PUBLISHED ? "PUBLISHED_DRY_RUN" : status.name();
    }

    public String statusCss() {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
