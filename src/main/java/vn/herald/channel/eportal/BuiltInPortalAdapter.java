package vn.herald.channel.eportal;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.herald.channel.Channel;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.Metric;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.CommonSettings;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.SendResult;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.SearchText;
import vn.herald.content.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The e-portal Herald serves itself ({@code /portal}): an EPORTAL channel whose file names no {@code platform}.
 * A file saying {@code platform: wordpress} (or any other platform) belongs to that platform's adapter. Sending
 * writes the page into the portal's own store; the portal shows it while its publication stays PUBLISHED.
 */
@Singleton
public class BuiltInPortalAdapter implements ChannelAdapter {

    /** Where a stored file is served to everyone, for the pages a published piece shows it on. */
    public static final String FILE_PATH = "/portal/tep/";

    private static final Pattern STORED_FILE = Pattern.compile("^/assets/([0-9a-f]{64})$");

    private final PortalArticleRepository articles;
    private final Assets assets;
    private final HtmlText html;
    private final PortalAddress address;
    private final JsonMapper json;
    private final Clock clock;
    private final PortalViews views;

    BuiltInPortalAdapter(PortalArticleRepository articles, Assets assets, HtmlText html, PortalAddress address,
                         JsonMapper json, Clock clock, PortalViews views) {
        this.views = views;
        this.articles = articles;
        this.assets = assets;
        this.html = html;
        this.address = address;
        this.json = json;
        this.clock = clock;
    }

    /** Each page's views as Herald counted them (readers, not crawlers); a page never seen has 0. */
    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        Map<Long, Long> totals = views.totals(posts.stream().map(PublishedPost::publicationId).toList());
        Map<Long, Map<Metric, Long>> figures = new HashMap<>();
        for (PublishedPost post : posts) {
            figures.put(post.publicationId(), Map.of(Metric.VIEWS, totals.getOrDefault(post.publicationId(), 0L)));
        }
        return new EngagementReading.Figures(Map.of(), figures);
    }

    /** Herald's own table: many pages a call. */
    @Override
    public int postsPerEngagementCall() {
        return 500;
    }

    /** Nothing leaves Herald: a call a second. */
    @Override
    public int engagementCallsPerHour(Channel channel) {
        return 3600;
    }

    /** The one rule telling the built-in portal from other portal platforms: no {@code platform} key in the file. */
    public static boolean isBuiltIn(Channel channel, JsonMapper json) {
        return channel.type() == ChannelType.EPORTAL && CommonSettings.of(channel, json).builtInPortal(channel.type());
    }

    @Override
    public ChannelType type() {
        return ChannelType.EPORTAL;
    }

    @Override
    public boolean serves(Channel channel) {
        return isBuiltIn(channel, json);
    }

    /** The portal reads publication states when it serves a page, so a cancelled publication leaves it at once. */
    @Override
    public boolean withdrawsOnCancel() {
        return true;
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        List<String> figures = new ArrayList<>();
        String body = piece.kind() == PieceKind.RADIO_SCRIPT ? null : portalBody(piece.body(), figures);
        PortalPage page = new PortalPage(piece.id(), piece.unitCode(), piece.slug(), piece.kind(), piece.title(),
                piece.summary(), body, piece.script(), piece.author(), piece.topics(), file(piece.coverAssetId()),
                file(piece.imageAssetId()), piece.altText(), piece.caption(), file(piece.audioAssetId()), figures,
                piece.readSeconds(), file(piece.videoAssetId()), file(piece.captionsAssetId()));
        return new Payload(write(page), piece.title());
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        PortalPage page = read(payload);
        PortalPage.File picture = page.image() != null ? page.image() : page.cover();
        return new ChannelPreview(page.title(), page.summary(), page.bodyHtml(),
                picture == null ? null : "/assets/" + picture.sha256(), page.altText(), address.articleUrl(page.slug()),
                page.readSeconds() == null ? null : java.time.Duration.ofSeconds(page.readSeconds()), false, payload.warnings());
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        PortalPage page = read(delivery.payload());
        String slug = articles.findById(page.pieceId()).map(PortalArticle::slug).orElseGet(() -> freeSlug(page));
        return List.of(new OutgoingRequest("PUT", address.articleUrl(slug),
                Map.of("Content-Type", "application/json; charset=utf-8"), delivery.payload().body()));
    }

    /** Puts the page live, in place of the piece's earlier page if it had one: same slug, same first date. */
    @Override
    @Transactional
    public SendResult send(Delivery delivery) {
        PortalPage page;
        try {
            page = read(delivery.payload());
        } catch (UncheckedIOException e) {
            return new SendResult.Permanent("the frozen portal page cannot be read: " + e.getCause().getMessage());
        }
        Instant now = clock.instant();
        Optional<PortalArticle> earlier = articles.findById(page.pieceId());
        String slug = earlier.map(PortalArticle::slug).orElseGet(() -> freeSlug(page));
        PortalArticle article = new PortalArticle(page.pieceId(), slug, delivery.channel().id(), delivery.publicationId(),
                delivery.payload().body(), keys(page.topics().stream().map(Slugs::slugOf).toList()), keys(page.fileKeys()),
                earlier.map(PortalArticle::firstPublishedAt).orElse(now), now,
                SearchText.of(page.title(), page.summary(), page.bodyHtml(), page.script(), page.caption()));
        if (earlier.isPresent()) {
            articles.update(article);
        } else {
            articles.save(article);
        }
        return new SendResult.Sent(slug, address.articleUrl(slug));
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        return articles.findByPublicationId(delivery.publicationId())
                .map(article -> new SendResult.Sent(article.slug(), address.articleUrl(article.slug())));
    }

    /** The piece's own slug, unless another piece (of another unit) already has it on the portal. */
    private String freeSlug(PortalPage page) {
        return articles.findBySlug(page.slug()).filter(other -> other.pieceId() != page.pieceId())
                .map(other -> page.slug() + "-" + page.pieceId()).orElse(page.slug());
    }

    /** Sanitised again on the way out, and figures pointed at the portal's public file address. */
    private String portalBody(String body, List<String> figures) {
        Document document = Jsoup.parseBodyFragment(html.sanitise(body));
        document.outputSettings().prettyPrint(false);
        for (Element image : document.select("img[src]")) {
            Matcher stored = STORED_FILE.matcher(image.attr("src"));
            if (stored.matches() && assets.findBySha256(stored.group(1)).isPresent()) {
                figures.add(stored.group(1));
                image.attr("src", FILE_PATH + stored.group(1));
            }
        }
        return document.body().html();
    }

    private PortalPage.File file(Long assetId) {
        if (assetId == null) {
            return null;
        }
        Asset asset = assets.find(assetId).orElseThrow(() ->
                new IllegalStateException("asset " + assetId + " of a piece does not exist"));
        return new PortalPage.File(asset.sha256(), asset.mediaType(), asset.sizeBytes());
    }

    private static String keys(List<String> values) {
        return "|" + String.join("|", values) + "|";
    }

    private PortalPage read(Payload payload) {
        try {
            return json.readValue(payload.body(), PortalPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(PortalPage page) {
        try {
            return json.writeValueAsString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
