package vn.herald.portal;

import io.micronaut.data.model.Pageable;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.herald.channel.Channels;
import vn.herald.channel.eportal.BuiltInPortalAdapter;
import vn.herald.content.PieceChanged;
import vn.herald.content.PieceStatus;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

/**
 * An archived piece leaves the portal for good: its published portal publications are cancelled (withdrawn, with an
 * audit event), so restoring the piece later does not put an old page back without a new publication.
 */
@Singleton
class PortalWithdrawal {

    private final Publishing publishing;
    private final Channels channels;
    private final JsonMapper json;

    PortalWithdrawal(Publishing publishing, Channels channels, JsonMapper json) {
        this.publishing = publishing;
        this.channels = channels;
        this.json = json;
    }

    @EventListener
    void onPieceChanged(PieceChanged change) {
        if (change.status() != PieceStatus.ARCHIVED) {
            return;
        }
        for (Publication publication : publishing.list(new Publishing.Filter(PublicationStatus.PUBLISHED, null,
                change.pieceId(), null, null), Pageable.from(0, 1000)).getContent()) {
            if (BuiltInPortalAdapter.isBuiltIn(channels.get(publication.channelId()), json)) {
                // nobody typed a reason: the trail names Herald's archive as the one who withdrew it
                publishing.cancel(publication.id(), null, "archive");
            }
        }
    }
}
