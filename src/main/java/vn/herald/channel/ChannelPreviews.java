package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.herald.content.Assets;
import vn.herald.content.MediaLibrary;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.support.Refusal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a piece for every channel the way its adapter would freeze it, and shows the result; nothing is sent.
 * Stored pictures and recordings are pointed at the editors' own file address ({@link MediaLibrary#FILE_PATH}), since
 * the addresses a payload carries (the portal's, a platform's) only work once the piece is live.
 */
@Singleton
public class ChannelPreviews {

    /**
     * One channel's preview, or why the piece cannot go there as it is. {@code unmet} are the channel's hard
     * requirements the piece fails, the very words scheduling refuses with; {@code card} is the link card a platform
     * draws from the portal page's title, summary and picture (its og: tags).
     */
    public record Shown(Channel channel, @Nullable ChannelPreview preview, @Nullable String problem,
                        List<ChannelRequirement> unmet, @Nullable LinkCard card) {}

    /** A link as a platform shows it under a post: the site, the page's title and description, its picture. */
    public record LinkCard(String url, String site, String title, @Nullable String description, @Nullable String imageUrl) {}

    private static final Pattern STORED = Pattern.compile("/(?:assets|portal/tep)/([0-9a-f]{64})(?:[?#].*)?$");

    private final Channels channels;
    private final ChannelAdapters adapters;
    private final Pieces pieces;
    private final Assets assets;
    private final PortalAddress portal;

    ChannelPreviews(Channels channels, ChannelAdapters adapters, Pieces pieces, Assets assets, PortalAddress portal) {
        this.channels = channels;
        this.adapters = adapters;
        this.pieces = pieces;
        this.assets = assets;
        this.portal = portal;
    }

    public List<Shown> of(Piece piece) {
        return channels.ofUnit(piece.unitCode()).stream().filter(channel -> !channels.fileRemoved(channel))
                .map(channel -> show(piece, channel)).toList();
    }

    /** The sound a loudspeaker channel would play for the piece, for the preview's player; empty when none. */
    public Optional<PreviewSound> sound(long pieceId, String channelId) {
        Piece piece = pieces.get(pieceId);
        Channel channel = channels.find(channelId).filter(c -> c.unitCode().equals(piece.unitCode()))
                .orElseThrow(() -> Refusal.notFound(Refusal.Noun.CHANNEL, channelId));
        ChannelAdapter adapter = adapters.forChannel(channel).orElseThrow(() -> Refusal.notFound(Refusal.Noun.CHANNEL, channelId));
        return adapter.sound(adapter.render(piece, channel), channel);
    }

    private Shown show(Piece piece, Channel channel) {
        return adapters.forChannel(channel).map(adapter -> {
            List<ChannelRequirement> unmet = List.of();
            try {
                unmet = adapter.unmet(piece, channel);
                ChannelPreview look = local(adapter.look(adapter.render(piece, channel), channel));
                return new Shown(channel, look, null, unmet, look.link() == null ? null : card(piece, look.link()));
            } catch (Refusal | BadSetting refused) {
                return new Shown(channel, null, refused.getMessage(), unmet, null);
            }
        }).orElseGet(() -> new Shown(channel, null, "Chưa có bộ kết nối cho loại kênh này.", List.of(), null));
    }

    /** The portal page's card: its picture is the infographic's image, else the cover, as the page's og:image. */
    private LinkCard card(Piece piece, String link) {
        Long pictureId = piece.kind() == PieceKind.INFOGRAPHIC && piece.imageAssetId() != null ? piece.imageAssetId()
                : piece.coverAssetId();
        String image = pictureId == null ? null
                : assets.find(pictureId).map(asset -> MediaLibrary.FILE_PATH + asset.sha256()).orElse(null);
        String site = Optional.ofNullable(URI.create(link).getHost()).orElse(link);
        return new LinkCard(link, site.toUpperCase(java.util.Locale.ROOT), piece.title(), piece.summary(), image);
    }

    private ChannelPreview local(ChannelPreview look) {
        return new ChannelPreview(look.title(), look.text(), look.html() == null ? null : localHtml(look.html()),
                look.imageUrl() == null ? null : localUrl(look.imageUrl()), look.imageAlt(), look.link(), look.duration(),
                look.audible(), look.warnings());
    }

    private String localHtml(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.select("[src]")) {
            element.attr("src", localUrl(element.attr("src")));
        }
        return document.body().html();
    }

    /** A stored file's address, relative or on Herald's public address, as the editors' file address; others kept. */
    private String localUrl(String url) {
        String path = url.startsWith(portal.base() + "/") ? url.substring(portal.base().length()) : url;
        Matcher stored = STORED.matcher(path);
        return path.startsWith("/") && stored.find() && stored.start() == 0 ? MediaLibrary.FILE_PATH + stored.group(1) : url;
    }
}
