package vn.herald.channel.facebook;

import vn.herald.support.JsonText;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.Payload;
import vn.herald.channel.PortalLinks;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece as a Facebook post, frozen at scheduling. An article that also goes to the built-in portal is posted as a
 * link to its portal page (Facebook shows the page's picture in the link preview); otherwise its cover and figures
 * go with it as pictures.
 */
@Singleton
class FacebookRender {

    /** Pictures of a piece are served by the portal at /assets/{sha256}. */
    private static final Pattern ASSET_SRC = Pattern.compile("/assets/([0-9a-f]{64})(?:[?#].*)?$");
    /** What Facebook takes for photos (platform-apis.md); WebP is not among them. */
    private static final Set<String> ACCEPTED_IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff");


    private final JsonMapper json;
    private final HtmlText html;
    private final ImageFiles images;
    private final PortalLinks portalLinks;

    FacebookRender(JsonMapper json, HtmlText html, ImageFiles images, PortalLinks portalLinks) {
        this.json = json;
        this.html = html;
        this.images = images;
        this.portalLinks = portalLinks;
    }

    Payload render(Piece piece, FacebookSettings settings) {
        Optional<String> link = portalLinks.pageOf(piece);
        String text = text(piece);
        boolean linkPost = link.isPresent() && piece.kind() == PieceKind.ARTICLE;
        List<FacebookPost.PostImage> pictures = linkPost ? List.of() : pictures(piece, settings);
        FacebookPost post;
        if (pictures.isEmpty()) {
            post = new FacebookPost(PostText.fit(text, settings.maxMessageChars()), link.orElse(null), List.of());
        } else {
            // a photo post has no link field: the portal address goes at the end of its caption
            String trailer = link.map(url -> "Xem thêm: " + url).orElse("");
            post = new FacebookPost(PostText.fitWithTrailer(text, trailer, settings.maxMessageChars()), null, pictures);
        }
        return new Payload(JsonText.of(json, post), PostText.summary(post.message()));
    }

    /**
     * A text written for Facebook is the editor's own words: cut by Herald, it would go out other than written, so a
     * text over the Page's limit stops the piece. A text Herald derives from the article is cut at a paragraph instead.
     */
    List<ChannelRequirement> unmet(Piece piece, FacebookSettings settings, Channel channel) {
        var variant = piece.variants() == null ? null : piece.variants().facebook();
        if (variant == null || variant.text() == null || variant.text().isBlank()) {
            return List.of();
        }
        int length = PostText.join(variant.text()).length();
        if (length <= settings.maxMessageChars()) {
            return List.of();
        }
        return List.of(new ChannelRequirement(RefusalCode.FACEBOOK_TEXT_TOO_LONG, channel.name(), length,
                settings.maxMessageChars(), length - settings.maxMessageChars()));
    }

    ChannelPreview look(Payload payload) {
        FacebookPost post = read(payload);
        FacebookPost.PostImage first = post.images().isEmpty() ? null : post.images().get(0);
        return new ChannelPreview(payload.summary(), post.message(), null, first == null ? null : "/assets/" + first.sha256(),
                first == null ? null : first.altText(), post.link(), null, false, payload.warnings());
    }

    private String text(Piece piece) {
        if (piece.variants() != null && piece.variants().facebook() != null && piece.variants().facebook().text() != null
                && !piece.variants().facebook().text().isBlank()) {
            return PostText.join(piece.variants().facebook().text());
        }
        return switch (piece.kind()) {
            // a video is not uploaded to the Page: the post carries its poster and the portal link where it plays
            case ARTICLE, VIDEO -> PostText.join(piece.title(), piece.summary(), html.toPlainText(piece.body()));
            case INFOGRAPHIC -> PostText.join(piece.title(), piece.caption(), html.toPlainText(piece.body()));
            case RADIO_SCRIPT -> PostText.join(piece.title(), piece.script());
        };
    }

    /** The infographic's picture, the cover, then the figures of the text, each once, at most maxImages. */
    private List<FacebookPost.PostImage> pictures(Piece piece, FacebookSettings settings) {
        Map<String, FacebookPost.PostImage> found = new LinkedHashMap<>();
        if (piece.kind() == PieceKind.INFOGRAPHIC && piece.imageAssetId() != null) {
            images.byId(piece.imageAssetId(), piece.altText()).ifPresent(image -> {
                if (!ACCEPTED_IMAGES.contains(image.mediaType())) {
                    throw Refusal.conflict(RefusalCode.FACEBOOK_IMAGE_TYPE, piece.title(), image.mediaType());
                }
                found.put(image.sha256(), image);
            });
        }
        if (piece.coverAssetId() != null) {
            images.byId(piece.coverAssetId(), null).ifPresent(image -> found.putIfAbsent(image.sha256(), image));
        }
        if (piece.body() != null && !piece.body().isBlank()) {
            for (Element img : Jsoup.parseBodyFragment(piece.body()).select("img[src]")) {
                Matcher asset = ASSET_SRC.matcher(img.attr("src"));
                if (asset.find()) {
                    images.bySha256(asset.group(1), img.attr("alt"))
                            .ifPresent(image -> found.putIfAbsent(image.sha256(), image));
                }
            }
        }
        // cover and figures in a type Facebook refuses are left out: the post still makes sense without them
        return found.values().stream().filter(image -> ACCEPTED_IMAGES.contains(image.mediaType()))
                .limit(settings.maxImages()).toList();
    }

    /** The frozen post; a payload that is not one throws. */
    FacebookPost read(Payload payload) {
        try {
            return json.readValue(payload.body(), FacebookPost.class);
        } catch (IOException e) {
            throw new IllegalStateException("the payload is not a Facebook post: " + e.getMessage(), e);
        }
    }

}
