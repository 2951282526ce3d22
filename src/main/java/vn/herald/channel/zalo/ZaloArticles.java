package vn.herald.channel.zalo;

import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.PortalAddress;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.HtmlText;
import vn.herald.support.RefusalCode;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a piece into a Zalo article: fitted to Zalo's limits, with a warning for everything that was cut. */
@Singleton
class ZaloArticles {

    /** Zalo refuses an article without a cover ("cover value is invalid"): a frozen payload without one is not sent. */
    static final String NO_COVER = "Bài chưa có ảnh bìa mà Zalo OA bắt buộc: Zalo sẽ từ chối bài này. Đính kèm ảnh bìa (COVER)";

    private static final Pattern ASSET_PATH = Pattern.compile("(?:^|/)assets/([0-9a-f]{64})$");

    private final Assets assets;
    private final HtmlText html;
    private final PortalAddress portal;

    ZaloArticles(Assets assets, HtmlText html, PortalAddress portal) {
        this.assets = assets;
        this.html = html;
        this.portal = portal;
    }

    ZaloPayload render(Piece piece, Channel channel, ZaloSettings settings) {
        List<String> warnings = new ArrayList<>();
        var zalo = piece.variants().zalo();
        String wantedTitle = zalo != null && zalo.title() != null && !zalo.title().isBlank() ? zalo.title().strip() : piece.title();
        String title = fitted(wantedTitle, settings.titleMax(), "Tiêu đề", warnings);
        String wantedAuthor = Optional.ofNullable(piece.author()).filter(a -> !a.isBlank())
                .or(settings::author).orElse(channel.name());
        String author = fitted(wantedAuthor.strip(), settings.authorMax(), "Tên tác giả", warnings);

        List<ZaloPayload.Block> body = new ArrayList<>();
        if (piece.kind() == PieceKind.INFOGRAPHIC && piece.imageAssetId() != null) {
            assetImage(piece.imageAssetId()).ifPresent(image -> body.add(ZaloPayload.Block.picture(image,
                    piece.caption() != null ? piece.caption() : piece.altText())));
        }
        if (piece.kind() == PieceKind.RADIO_SCRIPT) {
            paragraphs(piece.script() == null ? "" : piece.script()).forEach(p -> body.add(ZaloPayload.Block.text(p)));
        } else {
            body.addAll(blocksOf(piece.body(), warnings));
        }
        if (body.isEmpty()) {
            body.add(ZaloPayload.Block.text(piece.summary() != null && !piece.summary().isBlank() ? piece.summary().strip() : title));
        }

        String description;
        if (zalo != null && zalo.description() != null && !zalo.description().isBlank()) {
            description = fitted(zalo.description().strip(), settings.descriptionMax(), "Mô tả", warnings);
        } else if (piece.summary() != null && !piece.summary().isBlank()) {
            description = fitted(piece.summary().strip(), settings.descriptionMax(), "Mô tả", warnings);
        } else {
            // taken from the text itself: an excerpt is expected to be cut, so no warning
            String first = body.stream().filter(b -> b.content() != null).map(ZaloPayload.Block::content).findFirst().orElse(title);
            description = cut(first, settings.descriptionMax());
        }

        ZaloPayload.Image cover = coverOf(piece, settings).orElse(null);
        String portalUrl = portal.articleUrl(piece.slug());
        String groupText = settings.groupIds().isEmpty() ? null : title + "\n\n" + description;
        return new ZaloPayload(title, author, description, cover, List.copyOf(body), portalUrl, settings.broadcast(),
                settings.broadcastTarget(), settings.groupIds(), groupText, List.copyOf(warnings));
    }

    /** Zalo refuses an article without a cover, so scheduling refuses it first and the preview says so. */
    List<ChannelRequirement> unmet(Piece piece, Channel channel, ZaloSettings settings) {
        List<ChannelRequirement> noVideo = ChannelRequirement.takesNoVideo(piece, channel);
        if (!noVideo.isEmpty()) {
            return noVideo;
        }
        if (coverOf(piece, settings).isPresent()) {
            return List.of();
        }
        return List.of(new ChannelRequirement(RefusalCode.ZALO_COVER_REQUIRED, channel.name()));
    }

    /** The public address of a stored asset, for Zalo to fetch when the upload answer gives none. */
    String publicUrl(String sha256) {
        return portal.base() + "/assets/" + sha256;
    }

    private Optional<ZaloPayload.Image> coverOf(Piece piece, ZaloSettings settings) {
        Long assetId = piece.coverAssetId() != null ? piece.coverAssetId() : piece.imageAssetId();
        Optional<ZaloPayload.Image> cover = assetId == null ? Optional.empty() : assetImage(assetId);
        return cover.or(() -> settings.defaultCoverUrl().map(url -> new ZaloPayload.Image(null, url)));
    }

    private Optional<ZaloPayload.Image> assetImage(long assetId) {
        return assets.find(assetId).map(Asset::sha256).map(sha -> new ZaloPayload.Image(sha, null));
    }

    /** Text between pictures becomes paragraphs; each picture becomes its own block with its caption. */
    private List<ZaloPayload.Block> blocksOf(String bodyHtml, List<String> warnings) {
        List<ZaloPayload.Block> blocks = new ArrayList<>();
        if (bodyHtml == null || bodyHtml.isBlank()) {
            return blocks;
        }
        StringBuilder pending = new StringBuilder();
        for (Node node : Jsoup.parseBodyFragment(bodyHtml).body().childNodes()) {
            List<Element> pictures = node instanceof Element element ? element.select("img") : List.of();
            if (pictures.isEmpty()) {
                pending.append(node.outerHtml());
                continue;
            }
            Element withoutPictures = ((Element) node).clone();
            withoutPictures.select("img, figcaption").remove();
            pending.append(withoutPictures.outerHtml());
            flush(pending, blocks);
            for (Element picture : pictures) {
                imageOf(picture.attr("src"), warnings).ifPresent(image -> blocks.add(ZaloPayload.Block.picture(image,
                        captionOf(picture))));
            }
        }
        flush(pending, blocks);
        return blocks;
    }

    private void flush(StringBuilder pending, List<ZaloPayload.Block> blocks) {
        paragraphs(html.toPlainText(pending.toString())).forEach(p -> blocks.add(ZaloPayload.Block.text(p)));
        pending.setLength(0);
    }

    private static String captionOf(Element picture) {
        Element figure = picture.closest("figure");
        Element caption = figure == null ? null : figure.selectFirst("figcaption");
        String text = caption != null ? caption.text() : picture.attr("alt");
        return text.isBlank() ? null : text.strip();
    }

    private Optional<ZaloPayload.Image> imageOf(String src, List<String> warnings) {
        String source = src.strip();
        Matcher asset = ASSET_PATH.matcher(source);
        if (asset.find() && (source.startsWith("/") || source.startsWith(portal.base()) || source.startsWith("assets/"))) {
            if (assets.findBySha256(asset.group(1)).isPresent()) {
                return Optional.of(new ZaloPayload.Image(asset.group(1), null));
            }
            warnings.add("Ảnh " + source + " không còn trong kho của Herald: đã bỏ khỏi bài trên Zalo.");
            return Optional.empty();
        }
        if (source.startsWith("https://") || source.startsWith("http://")) {
            return Optional.of(new ZaloPayload.Image(null, source));
        }
        if (source.startsWith("/")) {
            return Optional.of(new ZaloPayload.Image(null, portal.base() + source));
        }
        warnings.add("Ảnh có địa chỉ «" + source + "» không dùng được trên Zalo: đã bỏ khỏi bài.");
        return Optional.empty();
    }

    private static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        return paragraphs;
    }

    private static String fitted(String text, int max, String what, List<String> warnings) {
        int length = text.codePointCount(0, text.length());
        if (length <= max) {
            return text;
        }
        String shortened = cut(text, max);
        warnings.add(what + " dài " + length + " ký tự, Zalo cho phép tối đa " + max + ": đã rút gọn thành «" + shortened + "».");
        return shortened;
    }

    /** At most {@code max} characters (code points), cut at a word where one is near, ending with an ellipsis. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        String head = text.substring(0, text.offsetByCodePoints(0, max - 1));
        int space = head.lastIndexOf(' ');
        if (space > head.length() * 4 / 5) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }
}
