package vn.herald.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.campaign.Campaigns;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.eportal.BuiltInPortalAdapter;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.CleanText;
import vn.herald.content.SearchText;
import vn.herald.exposure.ContentPolicy;
import vn.herald.support.ReadVersions;
import vn.herald.support.VersionedCache;
import vn.herald.unit.Units;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public e-portal: pages, feeds, files and the sitemap, for everyone without a login. Only pieces live on the
 * built-in portal appear. The sitemap is at {@code /sitemap.xml}, the site root, where crawlers look first.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class PortalController {

    private static final Logger LOG = LoggerFactory.getLogger(PortalController.class);

    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 50;
    private static final int FEATURED_SCAN = 200;
    private static final int FEATURED_SHOWN = 5;

    private static final String HTML = "text/html; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** Feeds kept: the site's and one per section, in both formats. */
    private static final int KEPT_FEEDS = 1_000;

    /** A body as sent: its ETag (a hash of the bytes) and the portal's last change when it was made. */
    private record Rendered(String body, String etag, Optional<Instant> lastChange) {}

    private record FeedKey(PortalFeeds.Kind kind, String path) {}

    private final PortalArticles articles;
    private final PortalHtml html;
    private final PortalFeeds feeds;
    private final Assets assets;
    private final Channels channels;
    private final Units units;
    private final PortalAddress address;
    private final JsonMapper json;
    private final Campaigns campaigns;
    private final PodcastEpisodes episodes;
    private final PodcastFeeds podcasts;
    private final PodcastArtwork artwork;
    private final ViewCounter viewCounter;
    private final ReadVersions versions;
    private final VersionedCache<FeedKey, Rendered> keptFeeds = new VersionedCache<>(KEPT_FEEDS);

    PortalController(PortalArticles articles, PortalHtml html, PortalFeeds feeds, Assets assets, Channels channels,
                     Units units, PortalAddress address, JsonMapper json, Campaigns campaigns, PodcastEpisodes episodes,
                     PodcastFeeds podcasts, PodcastArtwork artwork, ViewCounter viewCounter, ReadVersions versions) {
        this.versions = versions;
        this.viewCounter = viewCounter;
        this.articles = articles;
        this.html = html;
        this.feeds = feeds;
        this.assets = assets;
        this.channels = channels;
        this.units = units;
        this.address = address;
        this.json = json;
        this.campaigns = campaigns;
        this.episodes = episodes;
        this.podcasts = podcasts;
        this.artwork = artwork;
    }

    @Get("/portal")
    HttpResponse<String> home(@Nullable @QueryValue("trang") String page, @Nullable @QueryValue("moi-trang") String size) {
        PortalArticles.Slice slice = articles.latest(number("trang", page, 1, Integer.MAX_VALUE),
                number("moi-trang", size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
        checkPage(slice);
        String site = siteName();
        return page(html.listing(site, site, null, slice, sections(), "/portal", "/portal",
                slice.page() == 1 ? featured() : List.of()));
    }

    @Get("/portal/bai/{slug}")
    HttpResponse<String> article(HttpRequest<?> request, String slug) {
        PortalArticles.LiveArticle article = articles.bySlug(slug).orElseThrow(() -> PortalProblem.notFound(
                "Không có bài viết nào ở địa chỉ này. Bài có thể đã được gỡ xuống hoặc địa chỉ bị gõ sai."));
        viewCounter.count(request, article.row().channelId(), article.row().publicationId());
        return page(html.article(siteName(), article, sections()));
    }

    @Get("/portal/chuyen-muc/{topic}")
    HttpResponse<String> section(String topic, @Nullable @QueryValue("trang") String page,
                                 @Nullable @QueryValue("moi-trang") String size) {
        String name = sectionName(topic);
        PortalArticles.Slice slice = articles.inTopic(topic, number("trang", page, 1, Integer.MAX_VALUE),
                number("moi-trang", size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
        checkPage(slice);
        String path = "/portal/chuyen-muc/" + topic;
        return page(html.listing(siteName(), "Chuyên mục " + name, topic, slice, sections(), path, path, List.of()));
    }

    /**
     * The residents' search: the unit's live pages holding every word asked, with or without diacritics. The query is
     * only ever text on the page (escaped) and folded words in bound LIKE parameters.
     */
    @Get("/portal/tim-kiem")
    HttpResponse<String> search(@Nullable @QueryValue("tu-khoa") String query, @Nullable @QueryValue("trang") String page,
                                @Nullable @QueryValue("moi-trang") String size) {
        String asked = query == null ? "" : CleanText.line(query).strip();
        if (asked.length() > SearchText.MAX_QUERY) {
            throw PortalProblem.badRequest("Từ cần tìm dài quá " + SearchText.MAX_QUERY + " ký tự: hãy nhập ngắn hơn, "
                    + "vài từ chính là đủ.");
        }
        int number = number("trang", page, 1, Integer.MAX_VALUE);
        int perPage = number("moi-trang", size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        PortalArticles.Slice slice = asked.isEmpty() ? new PortalArticles.Slice(List.of(), number, perPage, 0)
                : articles.search(units.ownUnitCode(), asked, number, perPage);
        checkPage(slice);
        return page(html.searchResults(siteName(), asked, slice, sections()));
    }

    @Get("/portal/rss.xml")
    HttpResponse<String> rss(HttpRequest<?> request) {
        return feed(request, PortalFeeds.Kind.RSS, null);
    }

    @Get("/portal/atom.xml")
    HttpResponse<String> atom(HttpRequest<?> request) {
        return feed(request, PortalFeeds.Kind.ATOM, null);
    }

    @Get("/portal/chuyen-muc/{topic}/rss.xml")
    HttpResponse<String> sectionRss(HttpRequest<?> request, String topic) {
        return feed(request, PortalFeeds.Kind.RSS, topic);
    }

    @Get("/portal/chuyen-muc/{topic}/atom.xml")
    HttpResponse<String> sectionAtom(HttpRequest<?> request, String topic) {
        return feed(request, PortalFeeds.Kind.ATOM, topic);
    }

    /** The unit's radio pieces on the portal as a podcast. */
    @Get("/portal/podcast.xml")
    HttpResponse<String> podcast(HttpRequest<?> request) {
        return conditional(request, rendered(podcasts.write(siteName(), "/portal", unitName(), episodes.of(null))),
                PodcastFeeds.CONTENT_TYPE);
    }

    @Get("/portal/chuyen-muc/{topic}/podcast.xml")
    HttpResponse<String> sectionPodcast(HttpRequest<?> request, String topic) {
        return conditional(request, rendered(podcasts.write(siteName() + " - " + sectionName(topic),
                "/portal/chuyen-muc/" + topic, unitName(), episodes.of(topic))), PodcastFeeds.CONTENT_TYPE);
    }

    /** An episode's audio (a recording or the speech of its script), with byte ranges, while the episode is live. */
    @Get("/portal/podcast/tap/{slug}/{file}")
    HttpResponse<SystemFile> episodeAudio(String slug, String file) {
        int dot = file.indexOf('.');
        PodcastEpisodes.Episode episode = Optional.of(dot).filter(at -> at > 0)
                .flatMap(at -> episodes.byAudio(slug, file.substring(0, at), file.substring(at + 1)))
                .orElseThrow(() -> PortalProblem.notFound("Không có tệp âm thanh nào ở địa chỉ này trên cổng thông tin."));
        // Micronaut answers a Range on a SystemFile with 206 and Content-Range itself
        return ContentPolicy.storedFile(HttpResponse.ok(new SystemFile(episode.audio().file().toFile(),
                MediaType.of(episode.audio().mediaType()))), episode.audio().mediaType())
                .header("Cache-Control", "public, max-age=3600");
    }

    @Get("/portal/podcast/anh-bia.png")
    HttpResponse<byte[]> podcastArtwork() {
        return HttpResponse.ok(artwork.png(siteName())).contentType(MediaType.IMAGE_PNG_TYPE)
                .header("Cache-Control", "public, max-age=86400");
    }

    /** A picture or recording, only while a live page shows it; a withdrawn piece's files stop being served. */
    @Get("/portal/tep/{sha256}")
    HttpResponse<SystemFile> file(String sha256) {
        Asset asset = Optional.of(sha256).filter(articles::showsFile).flatMap(assets::findBySha256)
                .orElseThrow(() -> PortalProblem.notFound("Không có tệp nào ở địa chỉ này trên cổng thông tin."));
        Path stored = assets.fileOf(asset);
        if (!Files.isReadable(stored)) {
            // lost from the disk (a restore without the files): the resident gets a page, the operator the log
            LOG.warn("asset {} is live on the portal but its stored file cannot be read", asset.id());
            throw PortalProblem.notFound("Tệp này tạm thời không có trên cổng thông tin. Bài viết vẫn đọc được; "
                    + "hãy báo cho bộ phận quản lý cổng nếu tệp vẫn thiếu.");
        }
        return ContentPolicy.storedFile(HttpResponse.ok(new SystemFile(stored.toFile(),
                MediaType.of(asset.mediaType()))), asset.mediaType()).header("Cache-Control", "public, max-age=3600");
    }

    @Get("/sitemap.xml")
    HttpResponse<String> sitemap(HttpRequest<?> request) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (PortalArticles.LiveArticle article : articles.all()) {
                ZoneId zone = units.zoneOf(article.page().unitCode());
                xml.writeStartElement("url");
                xml.writeStartElement("loc");
                xml.writeCharacters(address.articleUrl(article.slug()));
                xml.writeEndElement();
                xml.writeStartElement("lastmod");
                xml.writeCharacters(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        article.row().updatedAt().truncatedTo(ChronoUnit.SECONDS).atZone(zone)));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the sitemap", e);
        }
        return conditional(request, rendered(out.toString()), XML);
    }

    @Error(exception = PortalProblem.class)
    HttpResponse<String> problem(PortalProblem problem) {
        return HttpResponse.<String>status(problem.status()).contentType(HTML)
                .body(html.problem(siteName(), problem.heading(), problem.getMessage(), sections()));
    }

    /**
     * The site's feed ({@code topic} null) or a section's, kept as sent until the portal's read version moves (any
     * change from any instance to what the portal shows), so a conditional request costs one read of the version.
     */
    private HttpResponse<String> feed(HttpRequest<?> request, PortalFeeds.Kind kind, @Nullable String topic) {
        // read before the feed is built: a change committed meanwhile raises it again, so the next request rebuilds
        long version = versions.portal();
        String path = topic == null ? "/portal" : "/portal/chuyen-muc/" + topic;
        Rendered feed = keptFeeds.get(new FeedKey(kind, path), version, () -> {
            String title = topic == null ? siteName() : siteName() + " - " + sectionName(topic);
            PortalArticles.Slice slice = topic == null ? articles.latest(1, PortalFeeds.ENTRIES)
                    : articles.inTopic(topic, 1, PortalFeeds.ENTRIES);
            return rendered(feeds.write(kind, title, path, slice.items()));
        });
        return conditional(request, feed, kind.contentType);
    }

    private Rendered rendered(String body) {
        return new Rendered(body, "\"" + sha256(body).substring(0, 32) + "\"",
                articles.lastChange().map(at -> at.truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * Answers 304 when the reader already has this body: by its ETag (a hash of the bytes) when the request names one,
     * else by the time of the portal's last change, which includes withdrawals.
     */
    private HttpResponse<String> conditional(HttpRequest<?> request, Rendered rendered, String contentType) {
        String etag = rendered.etag();
        Optional<Instant> lastChange = rendered.lastChange();
        String ifNoneMatch = request.getHeaders().get("If-None-Match");
        String ifModifiedSince = request.getHeaders().get("If-Modified-Since");
        boolean unchanged;
        if (ifNoneMatch != null) {
            unchanged = Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
        } else {
            unchanged = ifModifiedSince != null && lastChange.isPresent()
                    && httpDate(ifModifiedSince).map(since -> !lastChange.get().isAfter(since)).orElse(false);
        }
        MutableHttpResponse<String> response = unchanged ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(rendered.body()).contentType(contentType);
        response.header("ETag", etag).header("Cache-Control", "public, no-cache");
        lastChange.ifPresent(at -> response.header("Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC))));
        return response;
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            // RFC 9110: a date that cannot be parsed is ignored, and the full answer goes out
            return Optional.empty();
        }
    }

    private static HttpResponse<String> page(String body) {
        // a control character stored before the entry rule carries no markup: dropped, it cannot spoil the page
        return HttpResponse.ok(CleanText.text(body)).contentType(HTML);
    }

    private static int number(String name, @Nullable String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the same message as a number out of range
        }
        throw PortalProblem.badRequest("Tham số '" + name + "' phải là số nguyên từ 1"
                + (max == Integer.MAX_VALUE ? " trở lên" : " đến " + max) + ", nhưng đã nhận '" + value + "'.");
    }

    private static void checkPage(PortalArticles.Slice slice) {
        if (slice.page() > slice.pages()) {
            throw PortalProblem.notFound("Không có trang " + slice.page() + ": danh sách này chỉ có "
                    + slice.pages() + " trang.");
        }
    }

    private String sectionName(String topic) {
        String name = sections().get(topic);
        if (name == null) {
            throw PortalProblem.notFound("Không có chuyên mục nào ở địa chỉ này.");
        }
        return name;
    }

    /** The campaigns featured on the portal now, each with its pieces live here, newest first. */
    private List<PortalHtml.Featured> featured() {
        List<PortalArticles.LiveArticle> latest = articles.latest(1, FEATURED_SCAN).items();
        return campaigns.featuredNow(units.ownUnitCode()).stream()
                .map(campaign -> new PortalHtml.Featured(campaign.name(), latest.stream()
                        .filter(article -> campaign.pieceIds().contains(article.row().pieceId())).limit(FEATURED_SHOWN).toList()))
                .filter(block -> !block.articles().isEmpty())
                .toList();
    }

    private Map<String, String> sections() {
        return articles.sections(articles.all());
    }

    /** The name of the built-in portal's channel, e.g. "Cổng thông tin điện tử xã Hòa An". */
    private String siteName() {
        List<Channel> builtIn = channels.list().stream().filter(c -> BuiltInPortalAdapter.isBuiltIn(c, json)).toList();
        return builtIn.isEmpty() ? "Cổng thông tin điện tử " + unitName() : builtIn.get(0).name();
    }

    private String unitName() {
        return units.get(units.ownUnitCode()).name();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
