package vn.herald.channel.wordpress;

import io.micronaut.serde.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.herald.TestClock;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformConfig;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter against a local fake of the WordPress REST API answering the documented shapes. */
class WordPressAdapterTest {

    private static final Instant NOW = Instant.parse("2027-05-17T01:00:00Z");
    private static final String USER = "bientap-herald";
    private static final String PASSWORD = "abcd EFGH 1234 ijkl MNOP 5678";
    private static final String COVER = "a".repeat(64);
    private static final byte[] COVER_BYTES = "PNG bytes of the cover".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final TestClock clock = new TestClock();
    private MockWebServer server;
    private Optional<String> password = Optional.of(PASSWORD);
    private WordPressAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clock.set(NOW);
        FeaturedImages images = new FeaturedImages() {
            @Override
            public Optional<WordPressPost.Image> byId(long assetId, String altText) {
                return assetId == 1 ? Optional.of(new WordPressPost.Image(COVER, "image/png", COVER_BYTES.length,
                        "Ảnh bìa VNeID.png", altText)) : Optional.empty();
            }

            @Override
            public byte[] read(WordPressPost.Image image) {
                return COVER_BYTES;
            }
        };
        adapter = new WordPressAdapter(new WordPressRender(json, new HtmlText(), images,
                new PortalAddress("https://herald.xahoaan.example/")),
                new WordPressCalls(new PlatformHttp(new PlatformConfig("Herald test"), json), json, images, clock),
                variable -> password, json);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    // --- helpers

    private Channel channel(Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("platform", "wordpress");
        settings.put("site", server.url("/").toString());
        settings.put("username", USER);
        settings.put("applicationPasswordEnv", "HERALD_WORDPRESS_APP_PASSWORD");
        settings.put("readTimeoutSeconds", 1);
        settings.put("callTimeoutSeconds", 5);
        settings.putAll(extra);
        try {
            return new Channel("cong-wordpress", "xa-hoa-an", ChannelType.EPORTAL, ChannelMode.LIVE, "Cổng xã",
                    json.writeValueAsString(settings), "hash", null, NOW, NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Channel channel() {
        return channel(Map.of());
    }

    private static Piece anArticle(Long cover) {
        return new Piece(7L, "xa-hoa-an", PieceKind.ARTICLE, "kich-hoat-vneid", "Kích hoạt VNeID mức 2",
                "Năm bước đơn giản tại nhà.",
                "<p>Xem <a href=\"/portal/bai/huong-dan\">hướng dẫn</a>.</p><img src=\"/assets/" + COVER + "\" alt=\"Bìa\">",
                null, null, null, cover, null, null, null, null, List.of(), List.of(), List.of(), Variants.none(), null, null,
                PieceStatus.APPROVED, null, 1, null, null, NOW, NOW, null);
    }

    private Delivery delivery(Channel channel, Piece piece) {
        return new Delivery(42, adapter.render(piece, channel), channel, 1, NOW);
    }

    private SendResult send(Channel channel) {
        return adapter.send(delivery(channel, anArticle(null)));
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=UTF-8").setBody(body);
    }

    private static MockResponse error(int status, String code, String message) {
        return answer(status, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{\"status\":" + status + "}}");
    }

    private static MockResponse created(long id) {
        return answer(201, "{\"id\":" + id + ",\"slug\":\"kich-hoat-vneid\",\"status\":\"publish\","
                + "\"link\":\"https://cong.example/kich-hoat-vneid/\",\"date_gmt\":\"2027-05-17T01:00:03\"}");
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request != null, "a request reached the site");
        return request;
    }

    private Map<?, ?> jsonOf(RecordedRequest request) throws IOException {
        return json.readValue(request.getBody().readUtf8(), Map.class);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    // --- posts

    @Test
    void aPostGoesOutWithItsCategoryFoundByNameAndItsCoverAsFeaturedImage() throws Exception {
        server.enqueue(answer(200, "[{\"id\":3,\"name\":\"Tin tức chung\"},{\"id\":12,\"name\":\"Tin tức\"}]"));
        server.enqueue(answer(201, "{\"id\":77,\"source_url\":\"https://cong.example/wp-content/uploads/anh-bia-vneid.png\"}"));
        server.enqueue(created(501));

        SendResult result = adapter.send(delivery(channel(Map.of("category", "Tin tức")), anArticle(1L)));

        assertEquals(new SendResult.Sent("501", "https://cong.example/kich-hoat-vneid/"), result);
        RecordedRequest categories = next();
        assertEquals("GET", categories.getMethod());
        assertEquals("/wp-json/wp/v2/categories", categories.getRequestUrl().encodedPath());
        assertEquals("Tin tức", categories.getRequestUrl().queryParameter("search"));
        assertEquals(basic(), categories.getHeader("Authorization"));

        RecordedRequest media = next();
        assertEquals("POST", media.getMethod());
        assertEquals("/wp-json/wp/v2/media", media.getRequestUrl().encodedPath());
        assertEquals("image/png", media.getHeader("Content-Type"));
        assertEquals("attachment; filename=\"anh-bia-vneid.png\"", media.getHeader("Content-Disposition"));
        assertArrayEquals(COVER_BYTES, media.getBody().readByteArray(), "the picture goes as its own bytes");
        assertEquals(basic(), media.getHeader("Authorization"));

        RecordedRequest post = next();
        assertEquals("POST", post.getMethod());
        assertEquals("/wp-json/wp/v2/posts", post.getPath());
        assertEquals(basic(), post.getHeader("Authorization"));
        assertTrue(post.getHeader("Content-Type").startsWith("application/json"));
        Map<?, ?> body = jsonOf(post);
        assertEquals("Kích hoạt VNeID mức 2", body.get("title"));
        assertEquals("Năm bước đơn giản tại nhà.", body.get("excerpt"));
        assertEquals("publish", body.get("status"));
        assertEquals("kich-hoat-vneid", body.get("slug"));
        assertEquals(List.of(12), body.get("categories"));
        assertEquals(77, body.get("featured_media"));
        String content = (String) body.get("content");
        assertTrue(content.contains("href=\"https://herald.xahoaan.example/portal/bai/huong-dan\""), content);
        assertTrue(content.contains("src=\"https://herald.xahoaan.example/assets/" + COVER + "\""), content);
    }

    @Test
    void aCategoryGivenByIdNeedsNoLookupAndNoCoverMeansNoUpload() throws Exception {
        server.enqueue(created(502));

        assertEquals(new SendResult.Sent("502", "https://cong.example/kich-hoat-vneid/"), send(channel(Map.of("categoryId", 7))));

        RecordedRequest post = next();
        assertEquals("/wp-json/wp/v2/posts", post.getPath());
        Map<?, ?> body = jsonOf(post);
        assertEquals(List.of(7), body.get("categories"));
        assertFalse(body.containsKey("featured_media"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anUnknownCategoryNeedsAPersonAndNothingIsPosted() {
        server.enqueue(answer(200, "[{\"id\":3,\"name\":\"Tin tức chung\"}]"));

        SendResult result = send(channel(Map.of("category", "Tin tức")));

        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, result);
        assertTrue(attention.reason().contains("không có chuyên mục 'Tin tức'"), attention.reason());
        assertEquals(1, server.getRequestCount());
    }

    // --- reconciliation by slug

    @Test
    void anInterruptedPostIsFoundByItsSlug() throws Exception {
        server.enqueue(answer(200, "[{\"id\":501,\"slug\":\"kich-hoat-vneid\",\"status\":\"publish\","
                + "\"link\":\"https://cong.example/kich-hoat-vneid/\",\"date_gmt\":\"2027-05-17T01:00:03\"}]"));

        Optional<SendResult.Sent> found = adapter.findExisting(delivery(channel(), anArticle(null)));

        assertEquals(Optional.of(new SendResult.Sent("501", "https://cong.example/kich-hoat-vneid/")), found);
        RecordedRequest lookup = next();
        assertEquals("GET", lookup.getMethod());
        assertEquals("/wp-json/wp/v2/posts", lookup.getRequestUrl().encodedPath());
        assertEquals("kich-hoat-vneid", lookup.getRequestUrl().queryParameter("slug"));
        assertEquals("any", lookup.getRequestUrl().queryParameter("status"));
        assertEquals(basic(), lookup.getHeader("Authorization"));
    }

    @Test
    void noPostWithTheSlugMeansNotFound() {
        server.enqueue(answer(200, "[]"));
        assertEquals(Optional.empty(), adapter.findExisting(delivery(channel(), anArticle(null))));
    }

    @Test
    void anOlderPostWithTheSameSlugIsNotTakenForOurs() {
        server.enqueue(answer(200, "[{\"id\":90,\"slug\":\"kich-hoat-vneid\",\"link\":\"https://cong.example/cu/\","
                + "\"date_gmt\":\"2026-01-02T03:04:05\"}]"));
        assertEquals(Optional.empty(), adapter.findExisting(delivery(channel(), anArticle(null))));
    }

    @Test
    void aFailedLookupIsAnErrorNotANotFound() {
        server.enqueue(error(500, "internal_server_error", "Critical error"));
        assertThrows(IllegalStateException.class, () -> adapter.findExisting(delivery(channel(), anArticle(null))));
    }

    @Test
    void aRevokedPasswordWhileLookingNeedsAPerson() {
        server.enqueue(error(401, "rest_not_logged_in", "You are not currently logged in."));
        vn.herald.channel.ChannelNeedsAttention thrown = assertThrows(vn.herald.channel.ChannelNeedsAttention.class,
                () -> adapter.findExisting(delivery(channel(), anArticle(null))));
        assertTrue(thrown.reason().contains("HTTP 401"), thrown.reason());
    }

    // --- errors

    @Test
    void aRefusedLoginNeedsAPersonAndNeverShowsThePassword() {
        server.enqueue(error(401, "incorrect_password", "The provided password is an invalid application password."));

        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(channel()));

        assertTrue(attention.reason().contains("không chấp nhận đăng nhập"), attention.reason());
        assertTrue(attention.reason().contains("HERALD_WORDPRESS_APP_PASSWORD"), attention.reason());
        assertFalse(attention.reason().contains(PASSWORD));
        assertFalse(attention.reason().contains(basic().substring(6)));
    }

    @Test
    void aMissingPermissionNeedsAPerson() {
        server.enqueue(error(403, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user."));

        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(channel()));

        assertTrue(attention.reason().contains("không có quyền"), attention.reason());
        assertTrue(attention.reason().contains("rest_cannot_create"), attention.reason());
    }

    @Test
    void aPasswordNotInTheEnvironmentNeedsAPersonWithoutCallingTheSite() {
        password = Optional.empty();

        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(channel()));

        assertTrue(attention.reason().contains("HERALD_WORDPRESS_APP_PASSWORD"), attention.reason());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anInvalidParameterIsPermanent() {
        server.enqueue(error(400, "rest_invalid_param", "Invalid parameter(s): categories"));

        SendResult.Permanent permanent = assertInstanceOf(SendResult.Permanent.class, send(channel(Map.of("categoryId", 999))));

        assertTrue(permanent.reason().contains("rest_invalid_param"), permanent.reason());
        assertTrue(permanent.reason().contains("Invalid parameter(s): categories"), permanent.reason());
    }

    /** WordPress's failure answers on the post, as the dispatcher and so the editor see them. */
    @ParameterizedTest(name = "HTTP {0} {1}: {2}")
    @CsvSource({
            "401, incorrect_password, NeedsAttention, ''",
            "403, rest_cannot_create, NeedsAttention, ''",
            "404, rest_no_route, NeedsAttention, ''",
            "429, too_many_requests, RetryLater, 90",
            "503, maintenance, RetryLater, 30",
            "400, rest_invalid_param, Permanent, ''"})
    void eachFailureAnswerOfWordPressEndsInTheResultAUserSees(int status, String code, String expected, String retryAfter) {
        MockResponse failure = error(status, code, "Thông báo của trang");
        if (!retryAfter.isEmpty()) {
            failure.setHeader("Retry-After", retryAfter);
        }
        server.enqueue(failure);

        SendResult result = send(channel());

        assertEquals(expected, result.getClass().getSimpleName(), result.toString());
        if (result instanceof SendResult.RetryLater later) {
            assertEquals(Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter))), later.hint(), "the site's own wait");
        }
    }

    @Test
    void aCreatedPostWithoutItsLinkIsSentWithAWarning() {
        server.enqueue(answer(201, "{\"id\":503,\"slug\":\"kich-hoat-vneid\",\"status\":\"publish\"}"));

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, send(channel(Map.of("categoryId", 3))));

        assertEquals("503", sent.externalId());
        assertNull(sent.url());
        assertTrue(sent.warning().contains("không có địa chỉ"), sent.warning());
    }

    @Test
    void aRateLimitIsRetriedAfterTheSitesOwnWait() {
        server.enqueue(error(429, "too_many_requests", "Slow down").setHeader("Retry-After", "120"));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(channel()));

        assertEquals(Optional.of(Duration.ofSeconds(120)), later.hint());
    }

    @Test
    void maintenanceIsRetriedAtTheDateTheSiteGives() {
        server.enqueue(answer(503, "{\"code\":\"maintenance\"}").setHeader("Retry-After", "Mon, 17 May 2027 01:10:00 GMT"));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(channel()));

        assertEquals(Optional.of(Duration.ofMinutes(10)), later.hint());
    }

    @Test
    void aServerErrorBeforeThePostIsRetried() {
        server.enqueue(error(502, "bad_gateway", "Bad gateway"));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class,
                adapter.send(delivery(channel(), anArticle(1L))));

        assertTrue(later.reason().contains("HTTP 502"), later.reason());
        assertEquals(1, server.getRequestCount(), "no post without its picture");
    }

    @Test
    void aServerErrorOnThePostMayHaveCreatedItSoItIsReconciled() {
        server.enqueue(error(500, "internal_server_error", "There has been a critical error on this website."));
        assertThrows(IllegalStateException.class, () -> send(channel()));
    }

    @Test
    void aMalformedAnswerToThePostMayHideACreatedPost() {
        server.enqueue(answer(201, "<html>Security check</html>"));
        assertThrows(IllegalStateException.class, () -> send(channel()));
    }

    @Test
    void aMalformedCategoryListIsRetried() {
        server.enqueue(answer(200, "{not json"));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(channel(Map.of("category", "Tin tức"))));

        assertTrue(later.reason().contains("không đọc được"), later.reason());
    }

    @Test
    void aTimeoutOnThePostMeansItMayHaveGoneThrough() {
        server.enqueue(created(503).setHeadersDelay(3, TimeUnit.SECONDS));
        assertThrows(UncheckedIOException.class, () -> send(channel()));
    }

    @Test
    void aTimeoutOnTheUploadIsRetried() {
        server.enqueue(answer(201, "{\"id\":77}").setHeadersDelay(3, TimeUnit.SECONDS));

        assertInstanceOf(SendResult.RetryLater.class, adapter.send(delivery(channel(), anArticle(1L))));
    }

    @Test
    void aRedirectNeedsTheAddressFixed() {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://cong.example/wp-json/wp/v2/posts"));

        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(channel()));

        assertTrue(attention.reason().contains("https://cong.example/wp-json/wp/v2/posts"), attention.reason());
    }

    // --- dry-run, rendering, which channels

    @Test
    void theDryRunPreviewShowsEveryRequestWithTheAuthorizationMasked() {
        Delivery delivery = delivery(channel(Map.of("category", "Tin tức")), anArticle(1L));

        List<OutgoingRequest> preview = adapter.preview(delivery).stream().map(OutgoingRequest::withoutSecrets).toList();

        assertEquals(List.of("GET", "POST", "POST"), preview.stream().map(OutgoingRequest::method).toList());
        assertTrue(preview.get(1).url().endsWith("/wp-json/wp/v2/media"), preview.get(1).url());
        assertEquals("attachment; filename=\"anh-bia-vneid.png\"", preview.get(1).headers().get("Content-Disposition"));
        assertTrue(preview.get(2).body().contains("\"featured_media\""), preview.get(2).body());
        for (OutgoingRequest request : preview) {
            assertEquals("***", request.headers().get("Authorization"));
            assertFalse(request.toString().contains(PASSWORD));
        }
        assertEquals(0, server.getRequestCount(), "a preview calls nothing");
        for (OutgoingRequest request : adapter.preview(delivery)) {
            assertFalse(request.toString().contains(PASSWORD), "even before masking the preview holds no secret");
        }
    }

    @Test
    void hostileHtmlNeverReachesThePost() throws Exception {
        Piece piece = new Piece(8L, "xa-hoa-an", PieceKind.ARTICLE, "bai", "Bài", null,
                "<p onclick=\"x()\">Chữ</p><script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\">",
                null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), Variants.none(), null, null,
                PieceStatus.APPROVED, null, 1, null, null, NOW, NOW, null);
        Payload payload = adapter.render(piece, channel());
        WordPressPost post = json.readValue(payload.body(), WordPressPost.class);
        assertFalse(post.content().contains("script"), post.content());
        assertFalse(post.content().contains("onerror"), post.content());
        assertFalse(post.content().contains("onclick"), post.content());
        assertNull(post.featuredImage());
    }

    @Test
    void onlyPortalChannelsThatSayWordPressAreServed() {
        assertTrue(adapter.serves(channel()));
        assertFalse(adapter.serves(channel(Map.of("platform", "builtin"))));
        Channel builtIn = new Channel("eportal", "xa-hoa-an", ChannelType.EPORTAL, ChannelMode.LIVE, "Cổng", "{\"builtIn\":true}",
                "hash", null, NOW, NOW);
        assertFalse(adapter.serves(builtIn));
        Channel facebook = new Channel("facebook", "xa-hoa-an", ChannelType.FACEBOOK_PAGE, ChannelMode.LIVE, "Fanpage",
                "{\"platform\":\"wordpress\"}", "hash", null, NOW, NOW);
        assertFalse(adapter.serves(facebook));
    }

    @Test
    void aChannelFileWithoutItsSiteIsRefusedWhenScheduling() {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("platform", "wordpress", "username", USER));
        Channel broken;
        try {
            broken = new Channel("cong-wordpress", "xa-hoa-an", ChannelType.EPORTAL, ChannelMode.LIVE, "Cổng",
                    json.writeValueAsString(settings), "hash", null, NOW, NOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        vn.herald.support.Refusal refusal = assertThrows(vn.herald.support.Refusal.class, () -> adapter.render(anArticle(null), broken));
        assertTrue(refusal.getMessage().contains("channels/cong-wordpress.yml"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("'site'"), refusal.getMessage());
    }
}
