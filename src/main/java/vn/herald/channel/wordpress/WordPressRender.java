package vn.herald.channel.wordpress;

import vn.herald.support.JsonText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.Payload;
import vn.herald.channel.PortalAddress;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;

import java.io.IOException;

/** A piece as a WordPress post, frozen at scheduling: sanitised HTML whose links point at Herald's public address. */
@Singleton
class WordPressRender {

    private final JsonMapper json;
    private final HtmlText html;
    private final FeaturedImages images;
    private final PortalAddress portal;

    WordPressRender(JsonMapper json, HtmlText html, FeaturedImages images, PortalAddress portal) {
        this.json = json;
        this.html = html;
        this.images = images;
        this.portal = portal;
    }

    Payload render(Piece piece, WordPressSettings settings) {
        Long pictureId = piece.kind() == PieceKind.INFOGRAPHIC ? piece.imageAssetId() : piece.coverAssetId();
        WordPressPost.Image picture = pictureId == null ? null : images.byId(pictureId,
                piece.kind() == PieceKind.INFOGRAPHIC ? piece.altText() : null).orElse(null);
        String excerpt = piece.summary() != null ? piece.summary()
                : piece.kind() == PieceKind.INFOGRAPHIC ? piece.caption() : null;
        WordPressPost post = new WordPressPost(piece.title(), content(piece, picture), excerpt, piece.slug(),
                settings.categoryId(), settings.categoryName(), picture);
        return new Payload(JsonText.of(json, post), piece.title());
    }

    ChannelPreview look(Payload payload) {
        WordPressPost post = read(payload);
        WordPressPost.Image picture = post.featuredImage();
        return new ChannelPreview(post.title(), post.excerpt(), html.sanitise(post.content()),
                picture == null ? null : "/assets/" + picture.sha256(), picture == null ? null : picture.altText(), null,
                null, false, payload.warnings());
    }

    /** Sanitised HTML whose links and pictures point at Herald's public address, since the site cannot resolve ours. */
    private String content(Piece piece, @Nullable WordPressPost.Image picture) {
        Document document = Jsoup.parseBodyFragment("", portal.base() + "/");
        Element body = document.body();
        switch (piece.kind()) {
            case ARTICLE -> body.append(html.sanitise(piece.body()));
            case INFOGRAPHIC -> {
                if (picture != null) {
                    Element figure = body.appendElement("figure");
                    figure.appendElement("img").attr("src", "/assets/" + picture.sha256())
                            .attr("alt", piece.altText() == null ? "" : piece.altText());
                    if (piece.caption() != null) {
                        figure.appendElement("figcaption").text(piece.caption());
                    }
                }
                body.append(html.sanitise(piece.body()));
            }
            case RADIO_SCRIPT -> {
                for (String paragraph : (piece.script() == null ? "" : piece.script()).split("\\n\\s*\\n")) {
                    if (!paragraph.isBlank()) {
                        body.appendElement("p").text(paragraph.strip());
                    }
                }
            }
        }
        for (Element element : body.select("[src]")) {
            element.attr("src", element.absUrl("src"));
        }
        for (Element element : body.select("a[href]")) {
            String absolute = element.absUrl("href");
            if (!absolute.isEmpty()) {
                element.attr("href", absolute);
            }
        }
        document.outputSettings().prettyPrint(false);
        return html.sanitise(body.html());
    }

    /** The frozen post; a payload that is not one throws with a reason people can read. */
    WordPressPost read(Payload payload) {
        try {
            return json.readValue(payload.body(), WordPressPost.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("không đọc được nội dung đã chốt của bài cho WordPress: " + e.getMessage(), e);
        }
    }

}
