package vn.herald.upstream;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceLimits;
import vn.herald.content.Pieces;

import java.time.Clock;
import java.util.List;

/**
 * Turns one new feed item into a DRAFT article, and records its keys in the same transaction: when another
 * instance or another feed took the item first, a key is already there, and the whole import rolls back.
 */
@Singleton
class ItemImporter {

    static final String ACTOR = "upstream";
    private static final int TITLE_MAX = PieceLimits.TITLE;
    private static final int SUMMARY_MAX = 500;

    private final Pieces pieces;
    private final HtmlText html;
    private final UpstreamItemRepository items;
    private final Clock clock;

    ItemImporter(Pieces pieces, HtmlText html, UpstreamItemRepository items, Clock clock) {
        this.pieces = pieces;
        this.html = html;
        this.items = items;
        this.clock = clock;
    }

    @Transactional
    Piece importItem(UpstreamFeed feed, FeedItem item, List<String> keys) {
        String base = item.link() != null ? item.link() : feed.url();
        String source = item.contentHtml() != null ? item.contentHtml() : item.descriptionHtml();
        String summary = item.contentHtml() != null && item.descriptionHtml() != null
                ? cut(html.toPlainText(html.sanitise(item.descriptionHtml())), SUMMARY_MAX) : null;
        // never APPROVED: Pieces.create makes a DRAFT, which an editor must review before anything is published
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, feed.unitCode(), title(feed, item), summary,
                body(source, base, feed.name(), item.link()), null, null, null,
                feed.topics().stream().limit(PieceLimits.LABELS).toList(), null, null, null,
                cut("nguồn: " + feed.name(), 200), null), ACTOR);
        for (String key : keys) {
            items.save(new UpstreamItem(null, feed.unitCode(), key, piece.id(), cut(feed.url(), 1000),
                    item.link() == null ? null : cut(item.link(), 2000), clock.instant()));
        }
        return piece;
    }

    private static String title(UpstreamFeed feed, FeedItem item) {
        String text = Jsoup.parse(item.title()).text().strip();
        return text.isEmpty() ? "Tin từ " + feed.name() : cut(text, TITLE_MAX);
    }

    /**
     * The source's HTML with its relative links made absolute against the item's own address (they mean nothing
     * here), then the source line. Pieces sanitises the whole body: scripts and event handlers do not survive.
     */
    private String body(@Nullable String source, String base, String feedName, @Nullable String link) {
        Document document = Jsoup.parseBodyFragment(source == null ? "" : source, base);
        Element body = document.body();
        for (Element element : body.select("[src]")) {
            element.attr("src", element.absUrl("src"));
        }
        for (Element element : body.select("a[href]")) {
            String absolute = element.absUrl("href");
            if (!absolute.isEmpty()) {
                element.attr("href", absolute);
            }
        }
        Element credit = body.appendElement("p").appendText("Nguồn: ");
        if (link != null) {
            credit.appendElement("a").attr("href", link).text(feedName);
        } else {
            credit.appendText(feedName);
        }
        document.outputSettings().prettyPrint(false);
        return html.sanitise(body.html());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
