package vn.herald.portal;

import vn.herald.channel.Priority;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.channel.Channels;
import vn.herald.channel.Delivery;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.eportal.BuiltInPortalAdapter;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.Asset;
import vn.herald.content.AssetRole;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationEvent;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public portal as a resident sees it, written once and run on every database: pieces are published through
 * the engine on the built-in channel (clock and dispatcher driven by hand), then the pages, feeds and sitemap are
 * fetched without a login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortalContract implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi
    static final String PUBLIC_URL = "https://hoaan.example.vn";

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject BuiltInPortalAdapter adapter;
    @Inject JsonMapper json;
    @Inject TestClock clock;
    @Inject @Client("/") HttpClient http;
    @Inject Units units;
    @Inject Assets assetFiles;

    private final AtomicInteger pictures = new AtomicInteger();

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("portal.yml"), "type: EPORTAL\nmode: live\nname: Cổng thông tin điện tử xã Hòa An\n");
            Files.writeString(dir.resolve("portal-thu.yml"), "type: EPORTAL\nmode: dry-run\n");
            Files.writeString(dir.resolve("wordpress.yml"), "type: EPORTAL\nmode: live\nplatform: wordpress\nsite: https://cong.example\nusername: herald\n");
            Files.writeString(dir.resolve("fanpage.yml"), "type: FACEBOOK_PAGE\nmode: dry-run\n");
            return portalProperties(dir, databaseProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A portal test's server: these channel files, this database, a test clock, no dispatcher of its own. */
    static Map<String, String> portalProperties(Path channelsDir, Map<String, String> database) {
        Map<String, String> properties = new HashMap<>(database);
        properties.putAll(Map.of(
                "herald.channels-dir", channelsDir.toString(),
                "herald.test.clock", "true",
                "herald.test.fake-platform", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.portal.public-url", PUBLIC_URL + "/",
                // application.yml fixes 8080; several test runs on one machine must not collide
                "micronaut.server.port", "-1"));
        return properties;
    }

    /** Every test starts with an empty portal: what earlier tests published is withdrawn. */
    @BeforeEach
    void emptyPortal() {
        clock.set(MORNING);
        for (Publication live : publishing.list(new Publishing.Filter(PublicationStatus.PUBLISHED, "portal", null, null, null),
                Pageable.from(0, 500)).getContent()) {
            publishing.cancel(live.id(), "clean slate for the next test", "test");
        }
    }

    // --- pieces, published through the engine

    private Piece approved(Piece piece) {
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private Piece anArticle(String title, String body, List<String> topics) {
        return pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, "Tóm tắt: " + title, body, null, null, null,
                topics, null, null, null, "Ban biên tập", null), "bien-tap");
    }

    private Piece anApprovedArticle(String title, List<String> topics) {
        Piece piece = anArticle(title, "<p>Nội dung bài " + title + "</p>", topics);
        pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(aPicture()), "bia.png", null, "bien-tap");
        return approved(piece);
    }

    private Publication published(Piece piece) {
        Publication publication = publishing.schedule(piece.id(), List.of("portal"), clock.instant(), Priority.NORMAL, true,
                "bien-tap").get(0);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status(), String.valueOf(sent.lastError()));
        clock.advance(Duration.ofMinutes(5));
        return sent;
    }

    /** A small PNG of its own colour, so every picture has its own hash. */
    private byte[] aPicture() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        int n = pictures.incrementAndGet() + (int) (System.nanoTime() % 100_000) * 64;
        image.setRGB(0, 0, new Color(n & 0xFF, (n >> 8) & 0xFF, (n >> 16) & 0xFF).getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Half a second of silence as 16-bit mono WAV. */
    private static byte[] aRecording() {
        int samples = 4000;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return wav.array();
    }

    // --- HTTP, anonymously

    private HttpResponse<String> fetch(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.<String>status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private String page(String uri) {
        HttpResponse<String> response = fetch(HttpRequest.GET(uri));
        assertEquals(HttpStatus.OK, response.getStatus(), uri + ": " + response.body());
        return response.body();
    }

    private Document html(String uri) {
        HttpResponse<String> response = fetch(HttpRequest.GET(uri));
        assertEquals(HttpStatus.OK, response.getStatus(), uri);
        assertEquals("text/html;charset=utf-8", response.getContentType().orElseThrow().toString().replace(" ", "").toLowerCase());
        return Jsoup.parse(response.body());
    }

    private SyndFeed feed(String uri) {
        try {
            return new SyndFeedInput().build(new StringReader(page(uri)));
        } catch (Exception e) {
            throw new AssertionError(uri + " is not a feed Rome can read", e);
        }
    }

    private static List<String> titles(Document document) {
        return document.select("main article.tin h2").eachText();
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    // --- the tests

    @Test
    void theHomePageListsLivePiecesNewestFirstPageByPage() {
        Piece first = anApprovedArticle("Bài thứ nhất về chuyển đổi số", List.of("Chuyển đổi số"));
        Piece second = anApprovedArticle("Bài thứ hai về chuyển đổi số", List.of("Chuyển đổi số"));
        Piece third = anApprovedArticle("Bài thứ ba về chuyển đổi số", List.of("Chuyển đổi số"));
        published(first);
        published(second);
        published(third);

        Document home = html("/portal?moi-trang=2");
        assertEquals("vi", home.selectFirst("html").attr("lang"));
        assertNotNull(home.selectFirst("meta[charset=utf-8]"));
        assertEquals(List.of(third.title(), second.title()), titles(home));
        assertEquals("Trang 1/2", home.select("nav[aria-label=Phân trang] span").text());
        assertEquals("/portal?trang=2&moi-trang=2", home.selectFirst("a[rel=next]").attr("href"));

        Document next = html("/portal?trang=2&moi-trang=2");
        assertEquals(List.of(first.title()), titles(next));
        assertEquals("/portal/bai/" + first.slug(), next.selectFirst("article.tin h2 a").attr("href"));
        assertEquals("2027-05-17T08:00:00+07:00", next.selectFirst("article.tin time").attr("datetime"));
    }

    @Test
    void badPagingIsRefusedWithAClearMessageAndAPageTooFarIsNotFound() {
        for (String query : List.of("trang=0", "trang=abc", "trang=-3", "moi-trang=500", "moi-trang=")) {
            HttpResponse<String> response = fetch(HttpRequest.GET("/portal?" + query));
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), query);
            Document page = Jsoup.parse(response.body());
            assertEquals("Yêu cầu không hợp lệ", page.selectFirst("h1").text());
            String name = query.substring(0, query.indexOf('='));
            assertTrue(page.selectFirst("main p").text().startsWith("Tham số '" + name + "' phải là số nguyên từ 1"),
                    page.selectFirst("main p").text());
        }
        published(anApprovedArticle("Một bài duy nhất", List.of("Chuyển đổi số")));
        HttpResponse<String> tooFar = fetch(HttpRequest.GET("/portal?trang=7"));
        assertEquals(HttpStatus.NOT_FOUND, tooFar.getStatus());
        assertTrue(tooFar.body().contains("Không có trang 7"), tooFar.body());
    }

    @Test
    void anArticlePageShowsItsTitleCoverFiguresAndTopicsFromPublicFiles() {
        Piece piece = anArticle("Chợ Hòa An quét mã QR", "<p>x</p>", List.of("Thanh toán không dùng tiền mặt"));
        byte[] figureBytes = aPicture();
        Asset figure = pieces.attach(piece.id(), AssetRole.FIGURE, new ByteArrayInputStream(figureBytes), "hinh.png",
                "Tiểu thương cầm bảng mã QR", "bien-tap").asset();
        piece = pieces.update(piece.id(), new PieceForm(null, null, null, null, "<p>Bà con đi chợ & trả tiền bằng mã QR.</p>"
                + "<figure><img src=\"" + figure.url() + "\" alt=\"Tiểu thương cầm bảng mã QR\"><figcaption>Chợ sáng</figcaption></figure>",
                null, null, null, null, null, null, null, null, piece.revision()), "bien-tap");
        byte[] coverBytes = aPicture();
        Asset cover = pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(coverBytes), "bia.png", null, "bien-tap").asset();
        piece = approved(piece);
        Publication publication = published(piece);
        assertEquals(piece.slug(), publication.externalId());
        assertEquals(PUBLIC_URL + "/portal/bai/" + piece.slug(), publication.externalUrl());

        Document page = html("/portal/bai/" + piece.slug());
        assertEquals("Chợ Hòa An quét mã QR", page.selectFirst("main h1").text());
        assertEquals("Chợ Hòa An quét mã QR - Cổng thông tin điện tử xã Hòa An", page.title());
        assertEquals("Bà con đi chợ & trả tiền bằng mã QR.", page.selectFirst(".noi-dung p").text());
        assertTrue(page.outerHtml().contains("đi chợ &amp; trả tiền"), "text is escaped");
        assertEquals("/portal/tep/" + cover.sha256(), page.selectFirst("figure.anh-bia img").attr("src"));
        Element figureImage = page.selectFirst(".noi-dung figure img");
        assertEquals("/portal/tep/" + figure.sha256(), figureImage.attr("src"));
        assertEquals("Tiểu thương cầm bảng mã QR", figureImage.attr("alt"));
        assertEquals("/portal/chuyen-muc/thanh-toan-khong-dung-tien-mat", page.selectFirst(".chuyen-muc a").attr("href"));

        HttpResponse<byte[]> file = http.toBlocking().exchange(HttpRequest.GET("/portal/tep/" + figure.sha256()), byte[].class);
        assertArrayEquals(figureBytes, file.body());
        assertEquals("image/png", file.getContentType().orElseThrow().toString());
        assertEquals("nosniff", file.getHeaders().get("X-Content-Type-Options"), "a picture is never read as a page");
        assertTrue(file.getHeaders().get("Content-Security-Policy").contains("sandbox"), file.getHeaders().get("Content-Security-Policy"));
        assertArrayEquals(coverBytes, http.toBlocking().retrieve(HttpRequest.GET("/portal/tep/" + cover.sha256()), byte[].class));
    }

    @Test
    void anInfographicHasItsAltTextCaptionAndLongDescription() {
        Piece piece = pieces.create(new PieceForm(PieceKind.INFOGRAPHIC, null, "4 bước thanh toán QR", null,
                "<p>Bước 1 mở ứng dụng, bước 2 quét mã, bước 3 nhập số tiền, bước 4 xác nhận.</p>", null,
                "Bốn bước thanh toán bằng mã QR.", "Bốn ô đánh số từ 1 đến 4, mỗi ô vẽ một bước thanh toán.",
                List.of("Thanh toán không dùng tiền mặt"), null, null, null, null, null), "bien-tap");
        Asset image = pieces.attach(piece.id(), AssetRole.IMAGE, new ByteArrayInputStream(aPicture()), "qr.png", null, "bien-tap").asset();
        published(approved(piece));

        Document page = html("/portal/bai/" + piece.slug());
        Element img = page.selectFirst("figure.infographic img");
        assertEquals("/portal/tep/" + image.sha256(), img.attr("src"));
        assertEquals("Bốn ô đánh số từ 1 đến 4, mỗi ô vẽ một bước thanh toán.", img.attr("alt"));
        assertEquals("mo-ta-chi-tiet", img.attr("aria-describedby"));
        assertEquals("Bốn bước thanh toán bằng mã QR.", page.selectFirst("figure.infographic figcaption").text());
        assertTrue(page.getElementById("mo-ta-chi-tiet").text().contains("bước 4 xác nhận"));
    }

    @Test
    void aRadioPieceWithItsRecordingHasAnAudioPlayer() {
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Bản tin phát thanh tuần 20", null, null,
                "Kính thưa bà con!\n\nTuần qua, tổ công nghệ số đã hướng dẫn 120 người dân.", null, null,
                List.of("Chuyển đổi số"), null, null, null, null, null), "bien-tap");
        byte[] recording = aRecording();
        Asset audio = pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(recording), "ban-tin.wav", null, "bien-tap").asset();
        published(approved(piece));

        Document page = html("/portal/bai/" + piece.slug());
        Element source = page.selectFirst("audio[controls] source");
        assertEquals("/portal/tep/" + audio.sha256(), source.attr("src"));
        assertEquals("audio/wav", source.attr("type"));
        assertEquals(List.of("Kính thưa bà con!", "Tuần qua, tổ công nghệ số đã hướng dẫn 120 người dân."),
                page.select(".kich-ban p").eachText());
        assertArrayEquals(recording, http.toBlocking().retrieve(HttpRequest.GET(source.attr("src")), byte[].class));
        HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET(source.attr("src")).header("Range", "bytes=0-9"), byte[].class);
        assertEquals(HttpStatus.PARTIAL_CONTENT, part.getStatus(), "the player can seek");
        assertArrayEquals(Arrays.copyOf(recording, 10), part.body());

        SyndEnclosure enclosure = feed("/portal/rss.xml").getEntries().get(0).getEnclosures().get(0);
        assertEquals("audio/wav", enclosure.getType());
        assertEquals(recording.length, enclosure.getLength());
    }

    @Test
    void anUnknownAddressAnswersAVietnamese404Page() {
        HttpResponse<String> response = fetch(HttpRequest.GET("/portal/bai/khong-co-bai-nay"));
        assertEquals(HttpStatus.NOT_FOUND, response.getStatus());
        Document page = Jsoup.parse(response.body());
        assertEquals("vi", page.selectFirst("html").attr("lang"));
        assertEquals("Không tìm thấy trang", page.selectFirst("h1").text());
        assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET("/portal/chuyen-muc/khong-co-chuyen-muc")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET("/portal/tep/" + "a".repeat(64))).getStatus());
    }

    @Test
    void sectionsByTopicAndTheDedicatedResolution57Section() {
        Document empty = html("/portal/chuyen-muc/nghi-quyet-57");
        assertEquals("Chuyên mục Nghị quyết 57", empty.selectFirst("main h1").text(), "the section exists before its first piece");
        assertEquals("Chưa có bài viết nào.", empty.select("main p").last().text());

        Piece resolution = pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, "Nghị quyết 57", null,
                "những điều cán bộ"), Pageable.from(0, 1)).getContent().get(0);
        Piece other = anApprovedArticle("Nông dân bán bưởi trên sàn điện tử", List.of("Nông nghiệp số"));
        published(resolution);
        published(other);

        Document section = html("/portal/chuyen-muc/nghi-quyet-57");
        assertEquals(List.of(resolution.title()), titles(section));
        assertEquals("/portal/chuyen-muc/nghi-quyet-57", section.selectFirst("nav a.noi-bat").attr("href"));
        assertEquals(List.of(other.title()), titles(html("/portal/chuyen-muc/nong-nghiep-so")));
        assertTrue(html("/portal").select("header nav a").eachText().containsAll(List.of("Nghị quyết 57", "Nông nghiệp số")));

        assertEquals(List.of(resolution.title()), titles(feed("/portal/chuyen-muc/nghi-quyet-57/rss.xml")));
        assertEquals(List.of(resolution.title()), titles(feed("/portal/chuyen-muc/nghi-quyet-57/atom.xml")));
        assertEquals(List.of(other.title(), resolution.title()), titles(feed("/portal/rss.xml")));
    }

    @Test
    void feedsKeepTheirGuidAfterAnEditAndGiveLocalDatesAndExactEnclosures() {
        Piece piece = anApprovedArticle("Lớp bình dân học vụ số thôn Suối Đá", List.of("Bình dân học vụ số"));
        Publication first = published(piece);
        Piece current = pieces.get(piece.id());
        long coverBytes = coverSize(current);

        String rssText = page("/portal/rss.xml");
        assertTrue(rssText.contains("<pubDate>Mon, 17 May 2027 08:00:00 +0700</pubDate>"), rssText);
        assertFalse(rssText.contains("Z</dc:date>"), "no date is left in UTC: " + rssText);
        SyndFeed rss = feed("/portal/rss.xml");
        SyndEntry entry = rss.getEntries().get(0);
        String guid = entry.getUri();
        assertTrue(guid.startsWith("urn:uuid:"), guid);
        assertEquals(PUBLIC_URL + "/portal/bai/" + piece.slug(), entry.getLink());
        assertEquals(MORNING, entry.getPublishedDate().toInstant());
        assertEquals("image/png", entry.getEnclosures().get(0).getType());
        assertEquals(coverBytes, entry.getEnclosures().get(0).getLength());
        assertEquals(PUBLIC_URL + "/portal/tep/" + sha(current), entry.getEnclosures().get(0).getUrl());

        String atomText = page("/portal/atom.xml");
        assertTrue(atomText.contains("<published>2027-05-17T08:00:00+07:00</published>"), atomText);
        SyndEntry atomEntry = feed("/portal/atom.xml").getEntries().get(0);
        assertEquals(guid, atomEntry.getUri());
        assertEquals(coverBytes, atomEntry.getEnclosures().get(0).getLength());

        pieces.update(piece.id(), new PieceForm(null, null, "Lớp bình dân học vụ số thôn Suối Đá khai giảng khóa 2", null,
                null, null, null, null, null, null, null, null, null, current.revision()), "bien-tap");
        Publication again = published(approved(pieces.get(piece.id())));
        assertEquals(first.externalId(), again.externalId(), "the same address as before");

        SyndEntry edited = feed("/portal/rss.xml").getEntries().get(0);
        assertEquals("Lớp bình dân học vụ số thôn Suối Đá khai giảng khóa 2", edited.getTitle());
        assertEquals(guid, edited.getUri());
        assertEquals(entry.getLink(), edited.getLink());
        assertEquals(MORNING, edited.getPublishedDate().toInstant(), "the first publication date stays");
        SyndEntry editedAtom = feed("/portal/atom.xml").getEntries().get(0);
        assertEquals(guid, editedAtom.getUri());
        assertTrue(editedAtom.getUpdatedDate().toInstant().isAfter(MORNING));
    }

    private long coverSize(Piece piece) {
        return adapterPage(piece).cover().sizeBytes();
    }

    private String sha(Piece piece) {
        return adapterPage(piece).cover().sha256();
    }

    private PortalPage adapterPage(Piece piece) {
        try {
            return json.readValue(adapter.render(piece, channels.get("portal")).body(), PortalPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void feedsAndTheSitemapAnswerNotModifiedByETagAndByDate() {
        published(anApprovedArticle("Hội thi ý tưởng khởi nghiệp", List.of("Đổi mới sáng tạo")));
        for (String uri : List.of("/portal/rss.xml", "/portal/atom.xml", "/portal/chuyen-muc/doi-moi-sang-tao/rss.xml", "/sitemap.xml")) {
            HttpResponse<String> full = fetch(HttpRequest.GET(uri));
            assertEquals(HttpStatus.OK, full.getStatus(), uri);
            String etag = full.getHeaders().get("ETag");
            String lastModified = full.getHeaders().get("Last-Modified");
            assertNotNull(etag, uri);
            assertNotNull(lastModified, uri);

            assertEquals(HttpStatus.NOT_MODIFIED, fetch(HttpRequest.GET(uri).header("If-None-Match", etag)).getStatus(), uri);
            assertEquals(HttpStatus.OK, fetch(HttpRequest.GET(uri).header("If-None-Match", "\"autre\"")).getStatus(), uri);
            assertEquals(HttpStatus.NOT_MODIFIED, fetch(HttpRequest.GET(uri).header("If-Modified-Since", lastModified)).getStatus(), uri);
            String before = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1).withZoneSameInstant(ZoneOffset.UTC));
            assertEquals(HttpStatus.OK, fetch(HttpRequest.GET(uri).header("If-Modified-Since", before)).getStatus(), uri);
        }

        HttpResponse<String> before = fetch(HttpRequest.GET("/portal/rss.xml"));
        // a day on: later than anything the tests before this one published, withdrew or archived
        clock.advance(Duration.ofDays(1));
        published(anApprovedArticle("Hội thi ý tưởng khởi nghiệp: vòng chung kết", List.of("Đổi mới sáng tạo")));
        HttpResponse<String> after = fetch(HttpRequest.GET("/portal/rss.xml").header("If-None-Match", before.getHeaders().get("ETag"))
                .header("If-Modified-Since", before.getHeaders().get("Last-Modified")));
        assertEquals(HttpStatus.OK, after.getStatus(), "a new piece changes the feed");
        assertFalse(before.getHeaders().get("Last-Modified").equals(after.getHeaders().get("Last-Modified")));
    }

    @Test
    void theSitemapListsExactlyThePublishedPagesAndADraftNeverAppears() {
        Piece one = anApprovedArticle("Khai sinh trực tuyến liên thông", List.of("Dịch vụ công trực tuyến"));
        Piece two = anApprovedArticle("Cán bộ xã xử lý hồ sơ trên môi trường số", List.of("Dịch vụ công trực tuyến"));
        Piece draft = anArticle("Bản nháp chưa duyệt về dịch vụ công", "<p>nháp</p>", List.of("Dịch vụ công trực tuyến"));
        Piece approvedOnly = anApprovedArticle("Bài đã duyệt nhưng chưa đăng", List.of("Dịch vụ công trực tuyến"));
        Piece dryRun = anApprovedArticle("Bài chỉ chạy thử", List.of("Dịch vụ công trực tuyến"));
        published(one);
        published(two);
        Publication trial = publishing.schedule(dryRun.id(), List.of("portal-thu"), clock.instant(), "bien-tap").get(0);
        dispatcher.dispatch(trial.id());

        Document sitemap = Jsoup.parse(page("/sitemap.xml"), "", Parser.xmlParser());
        assertEquals(List.of(PUBLIC_URL + "/portal/bai/" + two.slug(), PUBLIC_URL + "/portal/bai/" + one.slug()),
                sitemap.select("url > loc").eachText());
        assertEquals("2027-05-17T08:00:00+07:00", sitemap.select("url > lastmod").last().text());

        for (Piece absent : List.of(draft, approvedOnly, dryRun)) {
            assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET("/portal/bai/" + absent.slug())).getStatus(), absent.title());
        }
        assertEquals(List.of(two.title(), one.title()), titles(html("/portal/chuyen-muc/dich-vu-cong-truc-tuyen")));
        assertEquals(List.of(two.title(), one.title()), titles(feed("/portal/atom.xml")));
    }

    @Test
    void aCancelledPublicationOrAnArchivedPieceLeavesThePagesFeedsAndFiles() {
        Piece cancelled = anApprovedArticle("Cảnh giác cuộc gọi giả danh công an", List.of("Cảnh giác lừa đảo trực tuyến"));
        Piece archived = anApprovedArticle("Nhận diện lừa đảo giả danh cơ quan chức năng", List.of("Cảnh giác lừa đảo trực tuyến"));
        Piece staying = anApprovedArticle("An toàn trên mạng cho học sinh", List.of("Cảnh giác lừa đảo trực tuyến"));
        Publication toCancel = published(cancelled);
        Publication toArchive = published(archived);
        published(staying);
        String cancelledFile = html("/portal/bai/" + cancelled.slug()).selectFirst("figure.anh-bia img").attr("src");

        Publication withdrawn = publishing.cancel(toCancel.id(), "thông tin đã cũ", "bien-tap");
        assertEquals(PublicationStatus.CANCELLED, withdrawn.status());
        PublicationEvent last = publishing.events(toCancel.id()).get(publishing.events(toCancel.id()).size() - 1);
        assertEquals(PublicationStatus.PUBLISHED, last.fromStatus());
        assertEquals("withdrawn", last.code());
        assertEquals("thông tin đã cũ", last.reason());
        assertEquals("bien-tap", last.actor());

        pieces.archive(archived.id(), "bài trùng", "bien-tap");
        assertEquals(PublicationStatus.CANCELLED, publishing.get(toArchive.id()).status(), "archiving withdraws it, audited");

        for (Piece gone : List.of(cancelled, archived)) {
            assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET("/portal/bai/" + gone.slug())).getStatus());
        }
        assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET(cancelledFile)).getStatus(), "its files are no longer public");
        assertEquals(List.of(staying.title()), titles(html("/portal")));
        assertEquals(List.of(staying.title()), titles(html("/portal/chuyen-muc/canh-giac-lua-dao-truc-tuyen")));
        assertEquals(List.of(staying.title()), titles(feed("/portal/rss.xml")));
        assertEquals(List.of(staying.title()), titles(feed("/portal/chuyen-muc/canh-giac-lua-dao-truc-tuyen/atom.xml")));
        assertFalse(page("/sitemap.xml").contains(cancelled.slug()));
        assertFalse(page("/sitemap.xml").contains(archived.slug()));
    }

    @Test
    void hostileContentNeverBecomesMarkup() {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "<script>alert('tieu-de')</script> Tin nóng",
                "\"><img src=x onerror=alert('tom-tat')>", "<p onclick=\"alert('p')\">Nội dung</p><script>alert('than-bai')</script>"
                + "<img src=\"javascript:alert('anh')\" alt=\"x\" onerror=\"alert('anh')\"><a href=\"javascript:alert('lien-ket')\">liên kết</a>",
                null, null, null, List.of("<b>Chủ đề</b>"), null, null, null, "<i>tác giả</i>", null), "bien-tap");
        published(approved(piece));

        for (String uri : List.of("/portal/bai/" + piece.slug(), "/portal", "/portal/chuyen-muc/b-chu-de-b")) {
            Document page = html(uri);
            assertTrue(page.select("script").isEmpty(), uri);
            assertTrue(page.select("[onerror], [onclick]").isEmpty(), uri);
            assertTrue(page.select("a[href^=javascript], img[src^=javascript]").isEmpty(), uri);
            assertTrue(page.select("main b, main i").isEmpty(), uri);
        }
        Document article = html("/portal/bai/" + piece.slug());
        assertEquals("<script>alert('tieu-de')</script> Tin nóng", article.selectFirst("main h1").text());
        assertEquals("\"><img src=x onerror=alert('tom-tat')>", article.selectFirst(".sapo").text());
        assertFalse(page("/portal/rss.xml").contains("<script>"));
    }

    // --- search and link cards

    private Piece anApprovedArticleWithBody(String title, String body) {
        Piece piece = anArticle(title, body, List.of("Cảnh giác lừa đảo trực tuyến"));
        pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(aPicture()), "bia.png", null, "bien-tap");
        return approved(piece);
    }

    private Document searched(String query) {
        return html("/portal/tim-kiem?tu-khoa=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @Test
    void residentsFindLiveArticlesOfTheirUnitTypingWithoutDiacriticsWordsInAnyOrder() {
        Piece scam = anApprovedArticleWithBody("Cảnh giác lừa đảo qua điện thoại ở Khuổi Nọi",
                "<p>Tiểu thương <strong>Chợ Hòa An</strong> nhận cuộc gọi giả danh ngân hàng.</p>");
        published(scam);
        anApprovedArticleWithBody("Lừa đảo ở Khuổi Nọi: bài đã duyệt nhưng chưa đăng", "<p>Chưa lên cổng.</p>");
        Piece withdrawn = anApprovedArticleWithBody("Lừa đảo ở Khuổi Nọi: bài đã gỡ", "<p>Đã gỡ khỏi cổng.</p>");
        publishing.cancel(published(withdrawn).id(), "thông tin đã cũ", "bien-tap");
        String otherUnit = "xa-khac-" + UUID.randomUUID().toString().substring(0, 8);
        units.create(new Units.UnitForm(otherUnit, "Xã Khác", "Asia/Ho_Chi_Minh", null));
        Piece elsewhere = pieces.create(new PieceForm(PieceKind.ARTICLE, otherUnit, "Lừa đảo ở Khuổi Nọi của xã khác",
                "Tóm tắt", "<p>Bài của đơn vị khác.</p>", null, null, null, List.of(), null, null, null, null, null), "bien-tap");
        published(approved(elsewhere));

        Document found = searched("lua dao khuoi noi");
        assertEquals(List.of(scam.title()), titles(found), "only the unit's live pages");
        assertEquals("Tìm thấy 1 bài viết có đủ các từ “lua dao khuoi noi”.", found.selectFirst("main p[role=status]").text());
        assertEquals("lua dao khuoi noi", found.selectFirst("form[role=search] input[name=tu-khoa]").attr("value"));
        assertEquals("noindex", found.selectFirst("meta[name=robots]").attr("content"));
        assertEquals(List.of(scam.title()), titles(searched("KHUỔI NỌI, cho hoa an")), "the body counts, any order");
        assertEquals(List.of(), titles(searched("lua dao khuoi noi xyz")));
        assertTrue(searched("strong khuoi noi").selectFirst("main p[role=status]").text().startsWith("Không tìm thấy"),
                "markup is not text");

        Document empty = searched("");
        assertEquals(List.of(), titles(empty));
        assertTrue(empty.selectFirst("main p").text().startsWith("Nhập từ cần tìm"), empty.selectFirst("main p").text());
    }

    @Test
    void searchResultsArePagedAndEveryPortalPageCarriesTheSearchBox() {
        for (String place : List.of("thôn Nà Phìa", "thôn Nà Phìa Trên", "thôn Nà Phìa Dưới")) {
            published(anApprovedArticleWithBody("Họp dân " + place + " về tiêm phòng", "<p>Tiêm phòng dại.</p>"));
        }
        Document first = html("/portal/tim-kiem?tu-khoa=na%20phia&moi-trang=2");
        assertEquals(2, titles(first).size());
        assertEquals("Trang 1/2", first.select("nav[aria-label=Phân trang] span").text());
        assertEquals("/portal/tim-kiem?tu-khoa=na+phia&trang=2&moi-trang=2", first.selectFirst("a[rel=next]").attr("href"));
        assertEquals(1, titles(html(first.selectFirst("a[rel=next]").attr("href"))).size());
        assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET("/portal/tim-kiem?tu-khoa=na%20phia&trang=9")).getStatus());

        for (String uri : List.of("/portal", "/portal/chuyen-muc/canh-giac-lua-dao-truc-tuyen", "/portal/tim-kiem")) {
            Element box = html(uri).selectFirst("header form[role=search]");
            assertNotNull(box, uri);
            assertEquals("/portal/tim-kiem", box.attr("action"));
            assertEquals("Tìm bài viết", box.selectFirst("label[for=o-tim-kiem]").text());
        }
    }

    @Test
    void aHostileSearchIsOnlyTextAndFindsOnlyItsWords() {
        Piece piece = anApprovedArticleWithBody("Nộp thuế điện tử ở Lũng Phìn", "<p>Hướng dẫn.</p>");
        published(piece);
        String hostile = "\"><script>alert('x')</script>%' OR 1=1 -- _ lũng_phìn";
        Document page = searched(hostile);
        assertTrue(page.select("script").isEmpty());
        assertTrue(page.select("[onerror], [onclick]").isEmpty());
        assertEquals(hostile, page.selectFirst("form[role=search] input[name=tu-khoa]").attr("value"));
        assertEquals(List.of(), titles(page), "every word must occur: 'script', 'alert', 'or' do not");
        assertEquals(List.of(piece.title()), titles(searched("%_ lũng_phìn; thuế")), "wildcards are no wildcards");
        assertEquals(List.of(), titles(searched("%%% ___")), "no word, nothing found rather than everything");

        HttpResponse<String> tooLong = fetch(HttpRequest.GET("/portal/tim-kiem?tu-khoa=" + "a".repeat(201)));
        assertEquals(HttpStatus.BAD_REQUEST, tooLong.getStatus());
        assertTrue(Jsoup.parse(tooLong.body()).selectFirst("main p").text().startsWith("Từ cần tìm dài quá 200 ký tự"));
        assertEquals(HttpStatus.BAD_REQUEST, fetch(HttpRequest.GET("/portal/tim-kiem?tu-khoa=x&trang=abc")).getStatus());
    }

    @Test
    void anArticleCarriesTheLinkCardFacebookAndZaloReadWithAbsoluteAddresses() {
        Piece piece = anApprovedArticleWithBody("Kích hoạt VNeID mức 2 tại nhà", "<p>Năm bước.</p>");
        published(piece);
        String url = PUBLIC_URL + "/portal/bai/" + piece.slug();
        Document page = html("/portal/bai/" + piece.slug());

        assertEquals(url, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(url, meta(page, "og:url"));
        assertEquals("article", meta(page, "og:type"));
        assertEquals("vi_VN", meta(page, "og:locale"));
        assertEquals("Cổng thông tin điện tử xã Hòa An", meta(page, "og:site_name"));
        assertEquals(piece.title(), meta(page, "og:title"));
        assertEquals("Tóm tắt: " + piece.title(), meta(page, "og:description"));
        String cover = PUBLIC_URL + page.selectFirst("figure.anh-bia img").attr("src");
        assertEquals(cover, meta(page, "og:image"));
        assertEquals("image/png", meta(page, "og:image:type"));
        assertEquals("summary_large_image", meta(page, "twitter:card"));
        assertEquals(piece.title(), meta(page, "twitter:title"));
        assertEquals(cover, meta(page, "twitter:image"));
        assertEquals("2027-05-17T08:00:00+07:00", meta(page, "article:published_time"));

        Piece plain = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Lịch tiếp công dân tháng Sáu", null,
                "<p>Chủ tịch xã tiếp công dân " + "vào sáng thứ Năm hằng tuần tại trụ sở. ".repeat(8) + "</p>", null, null,
                null, List.of(), null, null, null, null, null), "bien-tap");
        published(approved(plain));
        Document noPicture = html("/portal/bai/" + plain.slug());
        assertEquals("summary", meta(noPicture, "twitter:card"));
        assertNull(noPicture.selectFirst("meta[property='og:image']"));
        String description = meta(noPicture, "og:description");
        assertTrue(description.startsWith("Chủ tịch xã tiếp công dân vào sáng thứ Năm") && description.endsWith("…")
                && description.length() <= 201, description);
    }

    @Test
    void aFileLostFromTheDiskIsAVietnamesePageWithoutAServerPath() throws IOException {
        Piece piece = anApprovedArticleWithBody("Ảnh bìa bị mất trên đĩa", "<p>Nội dung.</p>");
        published(piece);
        String src = html("/portal/bai/" + piece.slug()).selectFirst("figure.anh-bia img").attr("src");
        Path stored = assetFiles.fileOf(assetFiles.findBySha256(src.substring(src.lastIndexOf('/') + 1)).orElseThrow());
        Files.delete(stored);

        HttpResponse<String> answer = fetch(HttpRequest.GET(src));
        assertEquals(HttpStatus.NOT_FOUND, answer.getStatus());
        Document page = Jsoup.parse(answer.body());
        assertTrue(page.selectFirst("main p").text().startsWith("Tệp này tạm thời không có"), answer.body());
        assertFalse(answer.body().contains(stored.getParent().toString()), answer.body());
    }

    private static String meta(Document page, String name) {
        Element tag = page.selectFirst("meta[property='" + name + "'], meta[name='" + name + "']");
        assertNotNull(tag, name);
        return tag.attr("content");
    }

    @Test
    void theAdapterServesOnlyBuiltInPortalsPreviewsDryRunsAndFindsWhatIsLive() {
        assertTrue(adapter.serves(channels.get("portal")));
        assertTrue(adapter.serves(channels.get("portal-thu")));
        assertFalse(adapter.serves(channels.get("wordpress")), "platform: wordpress belongs to the WordPress adapter");
        assertFalse(adapter.serves(channels.get("fanpage")));

        Piece piece = anApprovedArticle("Tổ công nghệ số cộng đồng thôn Đông", List.of("Tổ công nghệ số cộng đồng"));
        Publication trial = publishing.schedule(piece.id(), List.of("portal-thu"), clock.instant(), "bien-tap").get(0);
        dispatcher.dispatch(trial.id());
        String request = publishing.get(trial.id()).dryRunRequest();
        assertTrue(request.contains("\"PUT\"") && request.contains(PUBLIC_URL + "/portal/bai/" + piece.slug()), request);
        assertTrue(request.contains("Tổ công nghệ số cộng đồng thôn Đông"), request);
        assertEquals(HttpStatus.NOT_FOUND, fetch(HttpRequest.GET("/portal/bai/" + piece.slug())).getStatus(), "a dry run shows nothing");

        Publication live = published(piece);
        Payload payload = new Payload(live.payload(), live.payloadSummary());
        assertEquals(Optional.of(new SendResult.Sent(piece.slug(), PUBLIC_URL + "/portal/bai/" + piece.slug())),
                adapter.findExisting(new Delivery(live.id(), payload, channels.get("portal"), 1, clock.instant())));
        assertEquals(Optional.empty(), adapter.findExisting(new Delivery(trial.id(), payload, channels.get("portal"), 1, clock.instant())));

        Publication onFacebook = publishing.schedule(piece.id(), List.of("fanpage"), clock.instant(), "bien-tap").get(0);
        dispatcher.dispatch(onFacebook.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(onFacebook.id()).status());
        // a dry run on Facebook never reached Facebook: there is no post to keep, so cancelling it works
        assertEquals(PublicationStatus.CANCELLED, publishing.cancel(onFacebook.id(), null, "bien-tap").status());
    }
}
