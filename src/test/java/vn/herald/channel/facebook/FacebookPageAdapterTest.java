package vn.herald.channel.facebook;

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
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformConfig;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Variants;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter against a local fake of the Graph API answering the documented shapes. */
class FacebookPageAdapterTest {

    private static final Instant NOW = Instant.parse("2027-05-17T01:00:00Z");
    private static final String TOKEN = "EAAGtest-page-token-never-shown";
    private static final String PORTAL_PAGE = "https://hoa-an.example.vn/portal/bai/kich-hoat-vneid";
    private static final String COVER = "a".repeat(64);
    private static final String FIGURE = "b".repeat(64);
    private static final String INFOGRAPHIC = "c".repeat(64);
    private static final String WEBP = "d".repeat(64);

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final TestClock clock = new TestClock();
    private final Map<String, FacebookPost.PostImage> stored = new HashMap<>();
    private final Map<Long, String> assetIds = new HashMap<>();
    private MockWebServer server;
    private Optional<String> token = Optional.of(TOKEN);
    private Optional<String> portalPage = Optional.empty();
    private FacebookPageAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clock.set(NOW);
        store(1, COVER, "image/jpeg", "bia.jpg");
        store(2, FIGURE, "image/png", "hinh-1.png");
        store(3, INFOGRAPHIC, "image/png", "vneid-5-buoc.png");
        store(4, WEBP, "image/webp", "anh.webp");
        ImageFiles images = new ImageFiles() {
            @Override
            public Optional<FacebookPost.PostImage> byId(long assetId, String altText) {
                return Optional.ofNullable(assetIds.get(assetId)).flatMap(sha -> bySha256(sha, altText));
            }

            @Override
            public Optional<FacebookPost.PostImage> bySha256(String sha256, String altText) {
                return Optional.ofNullable(stored.get(sha256)).map(image -> new FacebookPost.PostImage(image.sha256(),
                        image.mediaType(), image.sizeBytes(), image.fileName(), altText == null || altText.isBlank() ? null : altText));
            }

            @Override
            public byte[] read(FacebookPost.PostImage image) {
                return ("bytes of " + image.fileName()).getBytes(StandardCharsets.UTF_8);
            }
        };
        adapter = new FacebookPageAdapter(new FacebookRender(json, new HtmlText(), images, piece -> portalPage),
                new GraphCalls(new PlatformHttp(new PlatformConfig("Herald test"), json), json, images, clock),
                variable -> token, json);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private void store(long id, String sha, String type, String name) {
        stored.put(sha, new FacebookPost.PostImage(sha, type, ("bytes of " + name).length(), name, null));
        assetIds.put(id, sha);
    }

    // --- helpers

    private Channel channel(Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("pageId", "104857392012345");
        settings.put("baseUrl", server.url("/").toString());
        settings.put("accessTokenEnv", "HERALD_FACEBOOK_PAGE_TOKEN");
        settings.put("readTimeoutSeconds", 2);
        settings.put("callTimeoutSeconds", 5);
        settings.putAll(extra);
        try {
            return new Channel("facebook", "xa-hoa-an", ChannelType.FACEBOOK_PAGE, ChannelMode.LIVE, "Fanpage",
                    json.writeValueAsString(settings), "hash", null, NOW, NOW);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Channel channel() {
        return channel(Map.of());
    }

    private static Piece piece(PieceKind kind, String body, Long cover, Long image, Variants variants) {
        return new Piece(7L, "xa-hoa-an", kind, "kich-hoat-vneid", "Kích hoạt VNeID mức 2",
                kind == PieceKind.ARTICLE ? "Năm bước đơn giản tại nhà." : null, body, null,
                kind == PieceKind.INFOGRAPHIC ? "Năm bước kích hoạt tài khoản định danh điện tử." : null,
                kind == PieceKind.INFOGRAPHIC ? "Hình năm bước đánh số từ 1 đến 5." : null,
                cover, image, null, null, null, List.of(), List.of(), List.of(), variants, null, null, PieceStatus.APPROVED, null, 1,
                null, null, NOW, NOW, null);
    }

    private static Piece anArticle() {
        return piece(PieceKind.ARTICLE, "<h2>Chuẩn bị</h2><ul><li>Căn cước gắn chip</li><li>Điện thoại</li></ul>"
                + "<p>Đến <a href=\"https://dichvucong.gov.vn\">Công an xã</a> để được hỗ trợ.</p>", null, null, Variants.none());
    }

    private Delivery delivery(Payload payload, Channel channel) {
        return new Delivery(42, payload, channel, 1, NOW);
    }

    private SendResult send(Piece piece) {
        Channel channel = channel();
        return adapter.send(delivery(adapter.render(piece, channel), channel));
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse error(int status, int code, Integer subcode) {
        return answer(status, "{\"error\":{\"message\":\"(#" + code + ") Thông báo lỗi\",\"type\":\"OAuthException\",\"code\":"
                + code + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbC123\"}}");
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().readUtf8().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request != null, "a request reached the platform");
        return request;
    }

    // --- posts

    @Test
    void anArticleGoesToTheFeedWithItsParagraphsAndALinkToItsPortalPage() throws Exception {
        portalPage = Optional.of(PORTAL_PAGE);
        server.enqueue(answer(200, "{\"id\":\"104857392012345_777\"}"));
        server.enqueue(answer(200, "{\"permalink_url\":\"https://www.facebook.com/104857392012345/posts/777\",\"id\":\"104857392012345_777\"}"));

        SendResult result = send(anArticle());

        assertEquals(new SendResult.Sent("104857392012345_777", "https://www.facebook.com/104857392012345/posts/777"), result);
        RecordedRequest post = next();
        assertEquals("POST", post.getMethod());
        assertEquals("/v25.0/104857392012345/feed", post.getPath());
        assertEquals("Bearer " + TOKEN, post.getHeader("Authorization"));
        Map<String, String> fields = form(post);
        assertEquals("Kích hoạt VNeID mức 2\n\nNăm bước đơn giản tại nhà.\n\nChuẩn bị\n\n- Căn cước gắn chip\n- Điện thoại\n\n"
                + "Đến Công an xã để được hỗ trợ.", fields.get("message"));
        assertEquals(PORTAL_PAGE, fields.get("link"));
        RecordedRequest permalink = next();
        assertEquals("GET", permalink.getMethod());
        assertEquals("/v25.0/104857392012345_777?fields=permalink_url", permalink.getPath());
        assertFalse(permalink.getPath().contains(TOKEN), "the token never goes in a URL");
    }

    @Test
    void theFacebookVariantReplacesTheDerivedText() throws Exception {
        server.enqueue(answer(200, "{\"id\":\"1_2\"}"));
        server.enqueue(answer(500, "{}"));
        Piece piece = piece(PieceKind.ARTICLE, "<p>Bài dài.</p>", null, null,
                new Variants(new Variants.Facebook("Bà con đã kích hoạt VNeID chưa?"), null));

        SendResult result = send(piece);

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result, "a post whose address cannot be read is still published");
        assertEquals("1_2", sent.externalId());
        assertNull(sent.url());
        assertEquals("Bà con đã kích hoạt VNeID chưa?", form(next()).get("message"));
    }

    @Test
    void anInfographicIsAPhotoPostWithItsCaptionAndAltText() throws Exception {
        server.enqueue(answer(200, "{\"id\":\"555\",\"post_id\":\"104857392012345_888\"}"));
        server.enqueue(answer(200, "{\"permalink_url\":\"https://www.facebook.com/photo/?fbid=555\"}"));

        SendResult result = send(piece(PieceKind.INFOGRAPHIC, "", null, 3L, Variants.none()));

        assertEquals(new SendResult.Sent("104857392012345_888", "https://www.facebook.com/photo/?fbid=555"), result);
        RecordedRequest photo = next();
        assertEquals("/v25.0/104857392012345/photos", photo.getPath());
        assertTrue(photo.getHeader("Content-Type").startsWith("multipart/form-data"));
        String body = photo.getBody().readUtf8();
        assertTrue(body.contains("name=\"source\"; filename=\"vneid-5-buoc.png\""), body);
        assertTrue(body.contains("Content-Type: image/png"), body);
        assertTrue(body.contains("bytes of vneid-5-buoc.png"), body);
        assertTrue(body.contains("name=\"caption\""), body);
        assertTrue(body.contains("Kích hoạt VNeID mức 2\n\nNăm bước kích hoạt tài khoản định danh điện tử."), body);
        assertTrue(body.contains("name=\"alt_text_custom\""), body);
        assertTrue(body.contains("Hình năm bước đánh số từ 1 đến 5."), body);
        assertTrue(body.contains("name=\"published\"") && body.contains("\r\n\r\ntrue\r\n"), body);
    }

    @Test
    void anInfographicOnThePortalToosCaptionEndsWithThePortalAddress() {
        portalPage = Optional.of(PORTAL_PAGE);
        FacebookPost post = post(adapter.render(piece(PieceKind.INFOGRAPHIC, "", null, 3L, Variants.none()), channel()));
        assertNull(post.link());
        assertTrue(post.message().endsWith("\n\nXem thêm: " + PORTAL_PAGE), post.message());
        assertEquals(1, post.images().size());
    }

    @Test
    void severalPicturesAreUploadedUnpublishedThenAttachedToOnePost() throws Exception {
        Piece article = piece(PieceKind.ARTICLE, "<p>Mở đầu.</p><figure><img src=\"/assets/" + FIGURE
                + "\" alt=\"Cán bộ hướng dẫn người dân\"></figure><p><img src=\"/assets/" + WEBP + "\" alt=\"webp\"></p>",
                1L, null, Variants.none());
        server.enqueue(answer(200, "{\"id\":\"9001\"}"));
        server.enqueue(answer(200, "{\"id\":\"9002\"}"));
        server.enqueue(answer(200, "{\"id\":\"104857392012345_999\"}"));
        server.enqueue(answer(200, "{\"permalink_url\":\"https://www.facebook.com/104857392012345/posts/999\"}"));

        SendResult result = send(article);

        assertEquals(new SendResult.Sent("104857392012345_999", "https://www.facebook.com/104857392012345/posts/999"), result);
        RecordedRequest cover = next();
        assertEquals("/v25.0/104857392012345/photos", cover.getPath());
        String coverBody = cover.getBody().readUtf8();
        assertTrue(coverBody.contains("filename=\"bia.jpg\"") && coverBody.contains("\r\n\r\nfalse\r\n"), coverBody);
        assertFalse(coverBody.contains("name=\"caption\""), "the text goes with the post, not the uploads");
        String figureBody = next().getBody().readUtf8();
        assertTrue(figureBody.contains("filename=\"hinh-1.png\"") && figureBody.contains("Cán bộ hướng dẫn người dân"), figureBody);
        RecordedRequest post = next();
        assertEquals("/v25.0/104857392012345/feed", post.getPath());
        Map<String, String> fields = form(post);
        assertEquals("{\"media_fbid\":\"9001\"}", fields.get("attached_media[0]"));
        assertEquals("{\"media_fbid\":\"9002\"}", fields.get("attached_media[1]"));
        assertFalse(fields.containsKey("attached_media[2]"), "a WebP figure is left out: Facebook does not take it");
        assertTrue(fields.get("message").startsWith("Kích hoạt VNeID mức 2"));
    }

    @Test
    void aFailedUploadIsRetriedLaterWithoutReconcilingBecauseNothingWasPublished() throws Exception {
        Piece article = piece(PieceKind.ARTICLE, "<p><img src=\"/assets/" + FIGURE + "\" alt=\"Hình\"></p>", 1L, null, Variants.none());
        server.enqueue(answer(200, "{\"id\":\"9001\"}"));
        server.enqueue(answer(200, "<html>oops"));

        SendResult result = send(article);

        assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(2, server.getRequestCount(), "no post was made after the failed upload");
    }

    // --- errors, classified by error.code

    /** Facebook's error codes come under HTTP 400 with its JSON error body; the code, not the status, decides. */
    @ParameterizedTest(name = "code {0}: {1}")
    @CsvSource({
            "4, RetryLater",
            "17, RetryLater",
            "32, RetryLater",
            "190, NeedsAttention",
            "200, NeedsAttention",
            "368, Permanent",
            "506, Permanent"})
    void eachGraphErrorCodeEndsInTheResultAUserSees(int code, String expected) {
        server.enqueue(error(400, code, null));

        SendResult result = send(anArticle());

        assertEquals(expected, result.getClass().getSimpleName(), result.toString());
        if (result instanceof SendResult.RetryLater later) {
            assertEquals(Optional.of(Duration.ofMinutes(10)), later.hint(), "the channel rests for its cool-down");
        }
        assertEquals(1, server.getRequestCount(), "a refused post is never sent twice by the adapter itself");
    }

    @Test
    void aPostWhoseAddressCannotBeReadIsSentWithAWarning() {
        server.enqueue(answer(200, "{\"id\":\"104857392012345_778\"}"));
        server.enqueue(error(400, 100, 33));

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, send(anArticle()));

        assertEquals("104857392012345_778", sent.externalId());
        assertNull(sent.url());
        assertTrue(sent.warning().contains("chưa đọc được địa chỉ"), sent.warning());
    }

    @Test
    void anExpiredTokenNeedsAPersonWithAClearReasonThatNeverShowsTheToken() {
        server.enqueue(error(400, 190, 463));
        SendResult result = send(anArticle());
        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, result);
        assertTrue(attention.reason().contains("hết hạn"), attention.reason());
        assertTrue(attention.reason().contains("HERALD_FACEBOOK_PAGE_TOKEN"), attention.reason());
        assertTrue(attention.reason().contains("mã 190, mã phụ 463"), attention.reason());
        assertFalse(attention.reason().contains(TOKEN));
    }

    @Test
    void throttlingIsRetriedLaterEvenUnderHttp400() {
        for (int code : new int[]{4, 17, 32, 613, 341, 80001}) {
            server.enqueue(error(400, code, null));
            SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(anArticle()), "code " + code);
            assertEquals(Optional.of(Duration.ofMinutes(10)), later.hint(), "the channel rests for its cool-down");
            clock.advance(Duration.ofMinutes(10));
        }
    }

    @Test
    void aMissingPermissionNeedsAPerson() {
        for (int code : new int[]{10, 200, 230, 299}) {
            server.enqueue(error(403, code, null));
            SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(anArticle()), "code " + code);
            assertTrue(attention.reason().contains("pages_manage_posts"), attention.reason());
        }
    }

    @Test
    void refusedContentIsPermanent() {
        for (int code : new int[]{368, 506, 1609005, 100}) {
            server.enqueue(error(400, code, null));
            SendResult.Permanent permanent = assertInstanceOf(SendResult.Permanent.class, send(anArticle()), "code " + code);
            assertTrue(permanent.reason().contains("mã " + code), permanent.reason());
        }
    }

    @Test
    void aTemporaryServerErrorIsRetriedLater() {
        server.enqueue(answer(500, "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"code\":2,\"is_transient\":true}}"));
        assertInstanceOf(SendResult.RetryLater.class, send(anArticle()));
    }

    @Test
    void anUnknownErrorIsRetriedWhenFacebookSaysItIsTransientAndPermanentOtherwise() {
        server.enqueue(answer(400, "{\"error\":{\"message\":\"x\",\"code\":9999,\"is_transient\":true}}"));
        assertInstanceOf(SendResult.RetryLater.class, send(anArticle()));
        server.enqueue(answer(400, "{\"error\":{\"message\":\"x\",\"code\":9999}}"));
        assertInstanceOf(SendResult.Permanent.class, send(anArticle()));
    }

    // --- malformed and slow answers

    @Test
    void aSuccessWithAnUnreadableBodyMayHavePostedSoItThrowsForReconciliation() {
        server.enqueue(answer(200, "{\"id\":"));
        assertThrows(IllegalStateException.class, () -> send(anArticle()));
        server.enqueue(answer(200, "{\"success\":true}"));
        assertThrows(IllegalStateException.class, () -> send(anArticle()), "a success without an id");
    }

    @Test
    void anUnreadableErrorIsClassifiedByItsStatus() {
        server.enqueue(answer(502, "<html><body>Bad gateway</body></html>"));
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(anArticle()));
        assertTrue(later.reason().contains("HTTP 502"), later.reason());
        server.enqueue(answer(400, "not json"));
        assertInstanceOf(SendResult.Permanent.class, send(anArticle()));
    }

    @Test
    void aSlowAnswerMayHavePostedSoItThrowsForReconciliation() {
        server.enqueue(answer(200, "{\"id\":\"1_2\"}").setHeadersDelay(4, TimeUnit.SECONDS));
        assertThrows(RuntimeException.class, () -> send(anArticle()));
    }

    @Test
    void aSlowUploadIsRetriedLaterBecauseNothingWasPublished() {
        server.enqueue(answer(200, "{\"id\":\"9001\"}").setHeadersDelay(4, TimeUnit.SECONDS));
        Piece article = piece(PieceKind.ARTICLE, "<p><img src=\"/assets/" + FIGURE + "\" alt=\"Hình\"></p>", 1L, null, Variants.none());
        assertInstanceOf(SendResult.RetryLater.class, send(article));
    }

    @Test
    void aPlatformThatCannotBeReachedIsRetriedLater() throws IOException {
        Channel channel = channel();
        Payload payload = adapter.render(anArticle(), channel);
        server.shutdown();
        assertInstanceOf(SendResult.RetryLater.class, adapter.send(delivery(payload, channel)));
    }

    @Test
    void anUnreadablePayloadIsRefusedWithoutCallingFacebook() {
        Channel channel = channel();
        assertInstanceOf(SendResult.Permanent.class, adapter.send(delivery(new Payload("not a post", "x"), channel)));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMissingTokenInLiveModeNeedsAPersonAndNamesTheVariable() {
        token = Optional.empty();
        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(anArticle()));
        assertTrue(attention.reason().startsWith("Chưa có mã truy cập Trang Facebook"), attention.reason());
        assertTrue(attention.reason().contains("HERALD_FACEBOOK_PAGE_TOKEN"), attention.reason());
        assertEquals(0, server.getRequestCount());
    }

    // --- usage headers

    @Test
    void highUsageRestsTheChannelBeforeFacebookThrottlesIt() {
        server.enqueue(answer(200, "{\"id\":\"1_2\"}").setHeader("X-App-Usage", "{\"call_count\":85,\"total_cputime\":10,\"total_time\":12}"));
        server.enqueue(answer(200, "{\"permalink_url\":\"https://www.facebook.com/1/posts/2\"}"));
        assertInstanceOf(SendResult.Sent.class, send(anArticle()));

        clock.advance(Duration.ofMinutes(4));
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(anArticle()));
        assertEquals(Optional.of(Duration.ofMinutes(6)), later.hint());
        assertEquals(2, server.getRequestCount(), "nothing was sent while resting");

        clock.advance(Duration.ofMinutes(6));
        server.enqueue(answer(200, "{\"id\":\"1_3\"}"));
        server.enqueue(answer(200, "{\"permalink_url\":\"https://www.facebook.com/1/posts/3\"}"));
        assertInstanceOf(SendResult.Sent.class, send(anArticle()));
    }

    @Test
    void facebooksOwnTimeToRegainAccessIsHonoured() {
        server.enqueue(error(400, 80001, null).setHeader("X-Business-Use-Case-Usage",
                "{\"104857392012345\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":30,"
                        + "\"estimated_time_to_regain_access\":45}]}"));
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(anArticle()));
        assertEquals(Optional.of(Duration.ofMinutes(45)), later.hint());
        assertEquals(Optional.of(Duration.ofMinutes(45)),
                assertInstanceOf(SendResult.RetryLater.class, send(anArticle())).hint());
    }

    @Test
    void lowUsageAndUnreadableUsageHeadersChangeNothing() {
        server.enqueue(answer(200, "{\"id\":\"1_2\"}").setHeader("X-Page-Usage", "{\"call_count\":40}")
                .setHeader("X-App-Usage", "not json"));
        server.enqueue(answer(200, "{}"));
        assertInstanceOf(SendResult.Sent.class, send(anArticle()));
        server.enqueue(answer(200, "{\"id\":\"1_3\"}"));
        server.enqueue(answer(200, "{}"));
        assertInstanceOf(SendResult.Sent.class, send(anArticle()));
    }

    // --- findExisting

    @Test
    void anEarlierPostIsFoundOnThePagesFeedByItsText() throws Exception {
        Channel channel = channel();
        Payload payload = adapter.render(anArticle(), channel);
        String message = post(payload).message();
        server.enqueue(answer(200, "{\"data\":[{\"id\":\"1_1\",\"message\":\"Bài khác\",\"created_time\":\"2027-05-17T01:00:05+0000\"},"
                + "{\"id\":\"1_9\",\"message\":" + json.writeValueAsString(message.replace("\n\n", "\n \n"))
                + ",\"created_time\":\"2027-05-17T01:00:02+0000\",\"permalink_url\":\"https://www.facebook.com/1/posts/9\"}]}"));

        Optional<SendResult.Sent> found = adapter.findExisting(delivery(payload, channel));

        assertEquals(Optional.of(new SendResult.Sent("1_9", "https://www.facebook.com/1/posts/9")), found);
        RecordedRequest read = next();
        assertEquals("GET", read.getMethod());
        assertEquals("/v25.0/104857392012345/feed", read.getRequestUrl().encodedPath());
        assertEquals("id,message,created_time,permalink_url", read.getRequestUrl().queryParameter("fields"));
        assertEquals(String.valueOf(NOW.minus(Duration.ofMinutes(10)).getEpochSecond()), read.getRequestUrl().queryParameter("since"));
        assertEquals(String.valueOf(NOW.plus(Duration.ofSeconds(5)).plus(Duration.ofMinutes(10)).getEpochSecond()),
                read.getRequestUrl().queryParameter("until"));
        assertEquals("Bearer " + TOKEN, read.getHeader("Authorization"));
    }

    @Test
    void aPostThatIsNotOnThePageIsNotFoundAcrossPages() throws Exception {
        Channel channel = channel();
        Payload payload = adapter.render(anArticle(), channel);
        server.enqueue(answer(200, "{\"data\":[{\"id\":\"1_1\",\"message\":\"Bài khác\"}],"
                + "\"paging\":{\"cursors\":{\"before\":\"B\",\"after\":\"CURSOR1\"},\"next\":\"https://graph.facebook.com/next\"}}"));
        server.enqueue(answer(200, "{\"data\":[{\"id\":\"1_0\"}]}"));

        assertEquals(Optional.empty(), adapter.findExisting(delivery(payload, channel)));
        next();
        assertEquals("CURSOR1", next().getRequestUrl().queryParameter("after"));
    }

    @Test
    void aFeedThatCannotBeReadIsAnErrorNotANoAndADeadTokenThereNeedsAPerson() {
        Channel channel = channel();
        Payload payload = adapter.render(anArticle(), channel);
        server.enqueue(error(400, 190, 460));
        assertThrows(vn.herald.channel.ChannelNeedsAttention.class, () -> adapter.findExisting(delivery(payload, channel)));
        server.enqueue(answer(200, "garbage"));
        assertThrows(IllegalStateException.class, () -> adapter.findExisting(delivery(payload, channel)));
    }

    // --- dry-run

    @Test
    void theDryRunPreviewShowsTheExactRequestsWithTheTokenMasked() throws Exception {
        Piece article = piece(PieceKind.ARTICLE, "<p>Mở đầu.</p><p><img src=\"/assets/" + FIGURE + "\" alt=\"Hình\"></p>",
                1L, null, Variants.none());
        Channel channel = channel();
        List<OutgoingRequest> requests = adapter.preview(delivery(adapter.render(article, channel), channel));

        assertEquals(3, requests.size(), "two uploads and the post");
        String base = server.url("/").toString() + "v25.0/104857392012345/";
        assertEquals(base + "photos", requests.get(0).url());
        assertEquals("multipart/form-data", requests.get(0).headers().get("Content-Type"));
        Map<?, ?> upload = json.readValue(requests.get(0).body(), Map.class);
        assertEquals("<file bia.jpg, image/jpeg, 16 bytes, sha256 " + COVER + ">", upload.get("source"));
        assertEquals("false", upload.get("published"));
        assertEquals(base + "feed", requests.get(2).url());
        Map<?, ?> post = json.readValue(requests.get(2).body(), Map.class);
        assertEquals("{\"media_fbid\":\"<id from upload 2>\"}", post.get("attached_media[1]"));
        for (OutgoingRequest request : requests) {
            assertEquals("POST", request.method());
            assertEquals("Bearer ***", request.headers().get("Authorization"));
            assertFalse(request.toString().contains(TOKEN), "the token is never in a preview");
            assertFalse(request.withoutSecrets().toString().contains(TOKEN));
        }
        assertEquals(0, server.getRequestCount(), "a preview sends nothing");
    }

    // --- text

    @Test
    void aTextOverTheLimitIsCutBetweenParagraphs() {
        Piece article = piece(PieceKind.ARTICLE, "<p>" + "Đoạn một rất dài. ".repeat(3) + "</p><p>" + "Đoạn hai. ".repeat(20) + "</p>",
                null, null, Variants.none());
        FacebookPost post = post(adapter.render(article, channel(Map.of("maxMessageChars", 120))));
        assertEquals("Kích hoạt VNeID mức 2\n\nNăm bước đơn giản tại nhà.\n\n" + ("Đoạn một rất dài. ".repeat(3)).strip() + "\n\n…",
                post.message());
        assertTrue(post.message().length() <= 120);
    }

    @Test
    void aSingleParagraphOverTheLimitIsCutAtASpace() {
        String cut = PostText.fit("một hai ba bốn năm sáu bảy", 13);
        assertEquals("một hai ba…", cut);
        assertEquals("ngắn", PostText.fit("ngắn", 13));
    }

    @Test
    void aWrongSettingIsRefusedAtSchedulingNamingTheFileAndKey() {
        var refusal = assertThrows(vn.herald.support.Refusal.class,
                () -> adapter.render(anArticle(), channel(Map.of("graphVersion", "25"))));
        assertEquals("channel-setting-bad", refusal.code());
        assertEquals("Thiết lập kênh chưa đúng: channels/facebook.yml: 'graphVersion' phải có dạng v25.0, đang là '25'",
                refusal.getMessage());
    }

    private FacebookPost post(Payload payload) {
        try {
            return json.readValue(payload.body(), FacebookPost.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
