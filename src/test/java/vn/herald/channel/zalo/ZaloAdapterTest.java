package vn.herald.channel.zalo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.herald.channel.Channel;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.content.Piece;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.channel.zalo.FakeZalo.error;
import static vn.herald.channel.zalo.FakeZalo.zalo;

/** The Zalo OA adapter against a fake Zalo answering the documented shapes, its errors and its slow answers. */
@MicronautTest(transactional = false)
class ZaloAdapterTest extends ZaloTestBase {

    @Inject ZaloAdapter adapter;

    private Payload rendered(Channel channel) {
        return adapter.render(anArticle("Hướng dẫn nộp hồ sơ khai sinh trực tuyến", "Ba bước đơn giản tại nhà."), channel);
    }

    private SendResult send(Channel channel) {
        return adapter.send(delivery(rendered(channel), channel));
    }

    private static String body(RecordedRequest request) {
        return request.getBody().clone().readUtf8();
    }

    @Test
    void anArticleWithItsCoverIsPublishedOnceZaloHasProcessedIt() {
        zalo.then("/v2.0/article/verify", error(-214, "Article is processing"), error(-214, "Article is processing"));

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, send(zaloChannel()));

        String id = zalo.articles().get(0).id();
        assertEquals(id, sent.externalId());
        assertEquals("https://zalo.me/article/" + id, sent.url());
        assertEquals(2, zalo.requestsTo("/v2.0/oa/upload/image").size(), "the cover and the picture in the text");
        assertTrue(body(zalo.requestsTo("/v2.0/oa/upload/image").get(0)).contains("name=\"file\"; filename=\"bia.png\""));
        assertEquals(3, zalo.requestsTo("/v2.0/article/verify").size(), "two 'still processing' answers, then the id");
        String article = body(zalo.requestsTo("/v2.0/article/create").get(0));
        assertTrue(article.contains("\"cover\":{\"cover_type\":\"photo\",\"photo_url\":\"https://xahoaan.example.vn/assets/"), article);
        assertTrue(article.contains("{\"type\":\"text\",\"content\":\"Đoạn mở đầu của bài.\"}"), article);
        assertTrue(article.contains("\"caption\":\"Người dân làm thủ tục trực tuyến\""), article);
        assertTrue(article.contains("{\"type\":\"image\",\"url\":\"https://example.org/anh.jpg\",\"caption\":\"Ảnh ngoài\"}"), article);
        assertTrue(article.contains("\"author\":\"Tổ biên tập\""), article);
        assertTrue(zalo.requestsTo("/v2.0/oa/message").isEmpty(), "no broadcast unless the channel asks for it");
        assertTrue(zalo.requestsTo("/v3.0/oa/group/message").isEmpty());
    }

    /**
     * Zalo accepted the article but has not given its id within the bound: it may still appear, so this is not a
     * RetryLater (which would create a second article) but an exception, which the dispatcher records as UNKNOWN
     * and answers with findExisting before anything is sent again.
     */
    @Test
    void anArticleStillProcessingPastTheBoundIsThrownSoThatItIsLookedForBeforeAnyNewAttempt() {
        Channel channel = zaloChannel(Map.of("verifyAttempts", 3));
        zalo.then("/v2.0/article/verify", error(-214, "processing"), error(-214, "processing"), error(-214, "processing"));
        Payload payload = rendered(channel);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> adapter.send(delivery(payload, channel)));
        assertTrue(thrown.getMessage().contains("3 checks"), thrown.getMessage());
        assertEquals(3, zalo.requestsTo("/v2.0/article/verify").size());

        Optional<SendResult.Sent> found = adapter.findExisting(delivery(payload, channel));
        assertEquals(zalo.articles().get(0).id(), found.orElseThrow().externalId());
    }

    @Test
    void aTitleAndDescriptionLongerThanZaloAllowsAreCutWithAWarningForTheEditor() throws Exception {
        String title = "Thông báo ".repeat(18).strip(); // 179 characters
        Channel channel = zaloChannel();
        Piece piece = anArticle(title, "Tóm tắt dài. ".repeat(30).strip());
        Payload payload = adapter.render(piece, channel);

        Map<?, ?> frozen = json.readValue(payload.body(), Map.class);
        String cut = (String) frozen.get("title");
        assertTrue(cut.codePointCount(0, cut.length()) <= 150 && cut.endsWith("…"), cut);
        assertTrue(((String) frozen.get("description")).length() <= 300);
        List<?> warnings = (List<?>) frozen.get("warnings");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).toString().startsWith("Tiêu đề dài 179 ký tự, Zalo cho phép tối đa 150"), warnings.toString());
        assertTrue(warnings.get(1).toString().startsWith("Mô tả dài"), warnings.toString());

        assertInstanceOf(SendResult.Sent.class, adapter.send(delivery(payload, channel)));
        assertTrue(body(zalo.requestsTo("/v2.0/article/create").get(0)).contains("\"title\":\"" + cut + "\""));
    }

    @Test
    void theArticleIsBroadcastAndItsLinkPostedToTheGroupsWhenTheChannelAsks() {
        Channel channel = zaloChannel(Map.of("broadcast", true, "broadcastTarget", Map.of("cities", "4"),
                "groupIds", List.of("g-thon-dong", "g-thon-tay")));
        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, send(channel));

        List<RecordedRequest> broadcasts = zalo.requestsTo("/v2.0/oa/message");
        assertEquals(1, broadcasts.size());
        assertEquals("{\"recipient\":{\"target\":{\"cities\":\"4\"}},\"message\":{\"attachment\":{\"type\":\"template\","
                + "\"payload\":{\"template_type\":\"media\",\"elements\":[{\"media_type\":\"article\",\"attachment_id\":\""
                + sent.externalId() + "\"}]}}}}", normalised(body(broadcasts.get(0))));
        List<RecordedRequest> groups = zalo.requestsTo("/v3.0/oa/group/message");
        assertEquals(2, groups.size());
        assertTrue(body(groups.get(0)).contains("\"group_id\":\"g-thon-dong\""), body(groups.get(0)));
        assertTrue(body(groups.get(1)).contains("\"group_id\":\"g-thon-tay\""));
        assertTrue(body(groups.get(1)).contains("Hướng dẫn nộp hồ sơ khai sinh trực tuyến"));
        assertTrue(body(groups.get(1)).contains(sent.url()), "the text carries the article's link");
    }

    @Test
    void aFailedBroadcastDoesNotMakeThePublishedArticleBeSentAgain() {
        Channel channel = zaloChannel(Map.of("broadcast", true));
        zalo.then("/v2.0/oa/message", error(-224, "Need paid package"));
        assertInstanceOf(SendResult.Sent.class, send(channel));
        assertEquals(1, zalo.articles().size());
    }

    /** Zalo answers HTTP 200 with a negative {@code error}: the code decides what the editor sees, and Zalo's wait. */
    @ParameterizedTest(name = "error {0}: {1}")
    @CsvSource({
            "-32, RetryLater, 60",
            "-211, RetryLater, 3600",
            "-234, RetryLater, 3600",
            "-204, NeedsAttention, 0",
            "-205, NeedsAttention, 0",
            "-223, NeedsAttention, 0",
            "-224, NeedsAttention, 0",
            "-201, Permanent, 0"})
    void eachZaloErrorEndsInTheResultAUserSees(int code, String expected, long waitSeconds) {
        zalo.then("/v2.0/article/create", error(code, "Thông báo của Zalo"));

        SendResult result = send(zaloChannel());

        assertEquals(expected, result.getClass().getSimpleName(), result.toString());
        if (result instanceof SendResult.RetryLater later) {
            assertEquals(Optional.of(Duration.ofSeconds(waitSeconds)), later.hint(), "Zalo's own wait");
        }
        assertEquals(1, zalo.requestsTo("/v2.0/article/create").size(), "the article is asked for once");
    }

    @Test
    void aTokenZaloStillRejectsAfterOneRefreshNeedsAPerson() {
        zalo.then("/v2.0/article/create", error(-216, "Access token is invalid"), error(-216, "Access token is invalid"));

        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(zaloChannel()));

        assertTrue(attention.reason().contains("lỗi -216"), attention.reason());
        assertEquals(2, zalo.requestsTo("/v2.0/article/create").size(), "one refresh, one more try, no more");
    }

    @Test
    void aRefreshZaloRefusesNeedsAPersonAndNothingIsPosted() {
        zalo.revokeAccessToken();
        zalo.then("/v4/oa/access_token", zalo("{\"error\":-14020,\"error_name\":\"Refresh token is expired\"}"));

        assertInstanceOf(SendResult.NeedsAttention.class, send(zaloChannel()));

        assertTrue(zalo.requestsTo("/v2.0/article/create").isEmpty(), "no article without a working token");
    }

    @Test
    void anArticleWhoseLinkCannotBeReadIsSentWithAWarning() {
        zalo.then("/v2.0/article/getdetail", error(-201, "Invalid parameter"));

        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, send(zaloChannel()));

        assertEquals(1, zalo.articles().size());
        assertEquals(null, sent.url());
        assertTrue(sent.warning().contains("chưa đọc được liên kết"), sent.warning());
    }

    @Test
    void aRateLimitIsRetriedLater() {
        zalo.then("/v2.0/article/create", error(-32, "Rate limit exceeded"));
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(zaloChannel()));
        assertEquals(Optional.of(Duration.ofMinutes(1)), later.hint());
        assertTrue(later.reason().contains("lỗi -32"), later.reason());
    }

    @Test
    void contentZaloRejectsIsPermanent() {
        zalo.then("/v2.0/article/create", error(-201, "title allow 1 to 150 characters"));
        SendResult.Permanent refused = assertInstanceOf(SendResult.Permanent.class, send(zaloChannel()));
        assertTrue(refused.reason().contains("title allow 1 to 150 characters"), refused.reason());
    }

    @Test
    void aMissingPermissionNeedsAPerson() {
        zalo.then("/v2.0/article/create", error(-223, "API not granted"));
        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, send(zaloChannel()));
        assertTrue(attention.reason().startsWith("Ứng dụng chưa được cấp quyền"), attention.reason());
    }

    @Test
    void aPaidFeatureRefusedAtUploadNeedsAPerson() {
        zalo.then("/v2.0/oa/upload/image", error(-224, "Need paid package"));
        assertInstanceOf(SendResult.NeedsAttention.class, send(zaloChannel()));
        assertTrue(zalo.requestsTo("/v2.0/article/create").isEmpty());
    }

    @Test
    void anArticleZaloCouldNotProcessIsPermanent() {
        zalo.then("/v2.0/article/verify", error(-200, "Upload media failed"));
        SendResult.Permanent refused = assertInstanceOf(SendResult.Permanent.class, send(zaloChannel()));
        assertTrue(refused.reason().contains("article/verify"), refused.reason());
    }

    @Test
    void aPermissionLostWhileWaitingForTheIdIsThrownForAPersonBecauseTheArticleMayStillAppear() {
        zalo.then("/v2.0/article/verify", error(-223, "API not granted"));
        vn.herald.channel.ChannelNeedsAttention thrown = assertThrows(vn.herald.channel.ChannelNeedsAttention.class,
                () -> send(zaloChannel()));
        assertTrue(thrown.reason().contains("-223"), thrown.reason());
    }

    @Test
    void anAnswerThatIsNotJsonBeforeTheArticleIsRetriedLater() {
        zalo.then("/v2.0/oa/upload/image", new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(zaloChannel()));
        assertTrue(later.reason().contains("not JSON"), later.reason());
    }

    @Test
    void anUnreadableAnswerToTheArticleItselfIsThrownBecauseTheArticleMayExist() {
        zalo.then("/v2.0/article/create", zalo("{\"message\":\"Success\",\"data\":"));
        assertThrows(UncheckedIOException.class, () -> send(zaloChannel()));
        zalo.then("/v2.0/article/create", zalo("{\"error\":0,\"message\":\"Success\",\"data\":{}}"));
        assertThrows(IllegalStateException.class, () -> send(zaloChannel()), "success without a token");
    }

    @Test
    void aSlowUploadIsRetriedLater() {
        zalo.then("/v2.0/oa/upload/image", zalo("{\"error\":0,\"data\":{\"attachment_id\":\"late\"}}")
                .setHeadersDelay(3, TimeUnit.SECONDS));
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, send(zaloChannel()));
        assertTrue(later.reason().contains("SocketTimeoutException") || later.reason().contains("InterruptedIOException"),
                later.reason());
    }

    @Test
    void aTimeoutOnTheArticleItselfIsThrownBecauseTheArticleMayExist() {
        zalo.then("/v2.0/article/create", zalo("{\"error\":0,\"data\":{\"token\":\"late\"}}").setHeadersDelay(3, TimeUnit.SECONDS));
        assertThrows(UncheckedIOException.class, () -> send(zaloChannel()));
    }

    @Test
    void findExistingMatchesTheTitleAndDescriptionAmongRecentArticles() {
        Channel channel = zaloChannel();
        Payload payload = rendered(channel);
        assertEquals(Optional.empty(), adapter.findExisting(delivery(payload, channel)));

        for (int i = 0; i < 12; i++) {
            zalo.publishedEarlier("art-old-" + i, "Bài cũ số " + i, "Mô tả cũ.");
        }
        zalo.publishedEarlier("art-ours", "Hướng dẫn nộp hồ sơ khai sinh trực tuyến", "Ba bước đơn giản tại nhà.");
        zalo.publishedEarlier("art-newer", "Bài mới hơn", "Mô tả mới.");
        SendResult.Sent found = adapter.findExisting(delivery(payload, channel)).orElseThrow();
        assertEquals("art-ours", found.externalId());
        assertEquals("https://zalo.me/article/art-ours", found.url());
    }

    @Test
    void findExistingDoesNotAdoptTheArticleOfAnotherPieceWithTheSameTitle() {
        Channel channel = zaloChannel();
        String title = "5 bước kích hoạt tài khoản định danh điện tử mức 2";
        Payload first = adapter.render(anArticle(title, "Người dân tự kích hoạt trên ứng dụng VNeID tại nhà."), channel);
        Payload second = adapter.render(anArticle(title, "Công an xã hỗ trợ kích hoạt tại nhà văn hóa các thôn."), channel);
        assertTrue(adapter.send(delivery(first, channel)) instanceof SendResult.Sent);

        assertEquals(Optional.empty(), adapter.findExisting(delivery(second, channel)), "the first piece's article is not the second's");
        assertEquals(zalo.articles().get(0).id(), adapter.findExisting(delivery(first, channel)).orElseThrow().externalId());
    }

    @Test
    void findExistingLooksPastTheFirstSlice() {
        Channel channel = zaloChannel();
        Payload payload = rendered(channel);
        zalo.publishedEarlier("art-ours", "Hướng dẫn nộp hồ sơ khai sinh trực tuyến", "Ba bước đơn giản tại nhà.");
        for (int i = 0; i < 12; i++) {
            zalo.publishedEarlier("art-later-" + i, "Bài sau số " + i, "Mô tả sau.");
        }
        assertEquals("art-ours", adapter.findExisting(delivery(payload, channel)).orElseThrow().externalId());
        assertEquals(2, zalo.requestsTo("/v2.0/article/getslice").size());
    }

    @Test
    void theDryRunPreviewShowsEveryRequestWithTokensMaskedAndNeedsNoSecret() {
        secrets.clear();
        Channel channel = zaloChannel(Map.of("broadcast", true, "groupIds", List.of("g-1")));
        List<OutgoingRequest> requests = adapter.preview(delivery(rendered(channel), channel));

        assertEquals(List.of("/v2.0/oa/upload/image", "/v2.0/oa/upload/image", "/v2.0/article/create", "/v2.0/article/verify",
                        "/v2.0/article/getdetail", "/v2.0/oa/message", "/v3.0/oa/group/message"),
                requests.stream().map(r -> r.url().substring(zalo.baseUrl().length()).split("\\?")[0]).toList());
        assertTrue(requests.stream().allMatch(r -> "***".equals(r.headers().get("access_token"))));
        assertTrue(requests.get(2).body().contains("\"title\":\"Hướng dẫn nộp hồ sơ khai sinh trực tuyến\""));
        assertTrue(requests.get(0).body().startsWith("file=bia.png (image/png, "), requests.get(0).body());
        assertTrue(zalo.requests().isEmpty(), "nothing was sent");
        assertEquals(0, tokenRows(), "the token table is not touched");
    }

    @Test
    void aPieceWithoutACoverMissesZalosRequirementAndAFrozenOneIsRefusedBeforeAnythingIsSent() {
        Piece piece = pieces.create(new vn.herald.content.PieceForm(vn.herald.content.PieceKind.ARTICLE, null, "Bài không có ảnh bìa",
                null, "<p>Nội dung.</p>", null, null, null, null, null, null, null, null, null), "bien-tap");
        Channel channel = zaloChannel();
        List<vn.herald.channel.ChannelRequirement> unmet = adapter.unmet(piece, channel);
        assertEquals(List.of("zalo-cover-required"), unmet.stream().map(u -> u.code().code()).toList());
        assertTrue(unmet.get(0).message().contains("Zalo OA bắt buộc mỗi bài có ảnh bìa"), unmet.get(0).message());
        Payload payload = adapter.render(piece, channel);

        SendResult.Permanent refused = assertInstanceOf(SendResult.Permanent.class, adapter.send(delivery(payload, channel)));
        assertTrue(refused.reason().contains("ảnh bìa"), refused.reason());
        assertTrue(zalo.requests().isEmpty());

        Channel withDefaultCover = zaloChannel(Map.of("defaultCoverUrl", "https://xahoaan.example.vn/logo.png"));
        assertTrue(adapter.unmet(piece, withDefaultCover).isEmpty(), "the channel's default cover meets the requirement");
        Payload withDefault = adapter.render(piece, withDefaultCover);
        assertInstanceOf(SendResult.Sent.class, adapter.send(delivery(withDefault, channel)));
        assertTrue(body(zalo.requestsTo("/v2.0/article/create").get(0)).contains("\"photo_url\":\"https://xahoaan.example.vn/logo.png\""));
    }

    @Test
    void aChannelFileWithAWrongValueNeedsAPerson() {
        Channel channel = zaloChannel();
        Payload payload = rendered(channel);
        SendResult result = adapter.send(delivery(payload, zaloChannel(Map.of("verifyAttempts", "many"))));
        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, result);
        assertTrue(attention.reason().contains("channels/zalo.yml: 'verifyAttempts' phải là số nguyên"), attention.reason());
        assertFalse(zalo.requests().stream().anyMatch(r -> r.getPath().startsWith("/v2.0")));
    }

    private static String normalised(String json) {
        return json.replace(" ", "");
    }
}
