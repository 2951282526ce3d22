package vn.herald.publishing;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.CommonSettings;
import vn.herald.channel.Channels;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.PortalLinks;
import vn.herald.content.Piece;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A piece has a portal page when it has a live publication (anything but cancelled or expired) on an EPORTAL
 * channel served by Herald itself; a WordPress portal (file says {@code platform: wordpress}) has pages Herald
 * does not address.
 */
@Singleton
class PortalPublicationLinks implements PortalLinks {

    private static final Set<PublicationStatus> ON_THE_WAY = EnumSet.complementOf(
            EnumSet.of(PublicationStatus.CANCELLED, PublicationStatus.EXPIRED));

    private final PublicationRepository publications;
    private final Channels channels;
    private final PortalAddress portal;
    private final JsonMapper json;

    PortalPublicationLinks(PublicationRepository publications, Channels channels, PortalAddress portal, JsonMapper json) {
        this.publications = publications;
        this.channels = channels;
        this.portal = portal;
        this.json = json;
    }

    @Override
    public Optional<String> pageOf(Piece piece) {
        if (piece.id() == null) {
            return Optional.empty();
        }
        boolean onPortal = publications.findByPieceIdAndStatusInList(piece.id(), ON_THE_WAY).stream()
                .map(publication -> channels.find(publication.channelId()))
                .flatMap(Optional::stream)
                .anyMatch(this::isBuiltInPortal);
        return onPortal ? Optional.of(portal.articleUrl(piece.slug())) : Optional.empty();
    }

    private boolean isBuiltInPortal(Channel channel) {
        return CommonSettings.of(channel, json).builtInPortal(channel.type());
    }
}
