package vn.herald.channel.tiktok;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.UploadSessions;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.publishing.Publication;
import vn.herald.support.JsonText;
import vn.herald.support.Refusal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TikTok adapter against a local TikTok answering the documented shapes, success and every failure class. */
@MicronautTest(transactional = false)
class TikTokAdapterTest extends TikTokTestBase {

    static final String INIT = "/v2/post/publish/video/init/";
    static final String STATUS = "/v2/post/publish/status/fetch/";
    static final String CREATOR = "/v2/post/publish/creator_info/query/";

    @Inject TikTokAdapter adapter;
    @Inject UploadSessions uploads;

    private SendResult send(Publication publication, Channel channel) {
        return adapter.send(delivery(publication, adapter.render(pieces.get(publication.pieceId()), channel), channel));
    }

    private Map<?, ?> body(RecordedRequest request) throws IOException {
        return json.readValue(request.getBody().clone().readUtf8(), Map.class);
    }

    @Test
    void aVideoGoesUpInOneChunkWithThePrivacyTheCreatorOffersAndComesBackWithItsAddress() throws IOException {
        Publication publication = scheduled("tiktok", "Hướng dẫn cài VNeID");

        SendResult result = send(publication, channels.get("tiktok"));

        assertInstanceOf(SendResult.Sent.class, result, result.toString());
        SendResult.Sent sent = (SendResult.Sent) result;
        FakeTikTok.Post post = tiktok.published().get(0);
        assertEquals(post.postId, sent.externalId());
        assertEquals("https://www.tiktok.com/@xahoaan/video/" + post.postId, sent.url());
        assertEquals(List.of("POST /v2/oauth/token/", "POST " + CREATOR, "POST " + INIT, "PUT /upload/", "POST " + STATUS,
                "POST " + STATUS, "POST " + CREATOR), tiktok.calls());
        Map<?, ?> init = body(tiktok.requestsTo(INIT).get(0));
        Map<?, ?> info = (Map<?, ?>) init.get("post_info");
        assertEquals("PUBLIC_TO_EVERYONE", info.get("privacy_level"));
        assertEquals("Hướng dẫn cài VNeID\n\nBà con xem hướng dẫn trong 3 giây.\n\n#XaHoaAn #ChuyểnĐổiSố", info.get("title"));
        assertEquals(1000, ((Number) info.get("video_cover_timestamp_ms")).intValue());
        Map<?, ?> source = (Map<?, ?>) init.get("source_info");
        assertEquals(Map.of("source", "FILE_UPLOAD", "video_size", video.length, "chunk_size", video.length,
                "total_chunk_count", 1), Map.of("source", source.get("source"), "video_size", ((Number) source.get("video_size")).intValue(),
                "chunk_size", ((Number) source.get("chunk_size")).intValue(), "total_chunk_count",
                ((Number) source.get("total_chunk_count")).intValue()), "under 5 MB: one chunk of the whole size");
        RecordedRequest put = tiktok.requestsTo("/upload/").get(0);
        assertEquals("bytes 0-" + (video.length - 1) + "/" + video.length, put.getHeader("Content-Range"));
        assertEquals("video/mp4", put.getHeader("Content-Type"));
        assertEquals(video.length, put.getBodySize());
        assertEquals(List.of(Duration.ofSeconds(2)), pauses.pauses(), "one pause between the two status calls, none slept");
        assertTrue(uploads.find(publication.id()).isEmpty(), "the publish_id is forgotten once published");
    }

    @Test
    void anUnauditedClientPostsOnlyToItselfAndThePageAndPublicationSaySo() throws IOException {
        Channel unaudited = channel(Map.of("audited", false));
        Publication publication = scheduled("tiktok", "Lịch tiêm chủng tháng 6");
        Payload payload = adapter.render(pieces.get(publication.pieceId()), unaudited);
        assertTrue(payload.warnings().stream().anyMatch(w -> w.contains("Chỉ mình tôi")), payload.warnings().toString());
        assertTrue(adapter.notes(unaudited).get(0).startsWith("Ứng dụng TikTok của kênh chưa được TikTok duyệt (audit): mọi video"),
                adapter.notes(unaudited).toString());
        assertEquals(List.of(), adapter.notes(channels.get("tiktok")), "an audited channel has nothing to warn of");

        SendResult result = adapter.send(delivery(publication, payload, unaudited));

        Map<?, ?> info = (Map<?, ?>) body(tiktok.requestsTo(INIT).get(0)).get("post_info");
        assertEquals("SELF_ONLY", info.get("privacy_level"), "although the file asks for PUBLIC_TO_EVERYONE");
        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, result);
        assertTrue(sent.externalId().startsWith("v_pub_file~"), "no public post id for a private video: the publish_id");
        assertTrue(sent.warning().contains("Chỉ mình tôi"), sent.warning());
    }

    @Test
    void aWantedPrivacyTheCreatorDoesNotOfferTakesTheFallbackOrWaitsForAPerson() throws IOException {
        tiktok.creator(List.of("FOLLOWER_OF_CREATOR", "SELF_ONLY"), 600, true);
        Publication publication = scheduled("tiktok", "Phòng chống lừa đảo qua mạng");

        SendResult refused = send(publication, channels.get("tiktok"));

        assertTrue(refused instanceof SendResult.NeedsAttention attention && attention.reason().contains("PUBLIC_TO_EVERYONE")
                && attention.reason().contains("FOLLOWER_OF_CREATOR, SELF_ONLY"), refused.toString());
        assertTrue(tiktok.requestsTo(INIT).isEmpty(), "nothing posted to viewers nobody chose");

        SendResult sent = send(publication, channel(Map.of("privacyFallback", "FOLLOWER_OF_CREATOR")));

        assertInstanceOf(SendResult.Sent.class, sent);
        Map<?, ?> info = (Map<?, ?>) body(tiktok.requestsTo(INIT).get(0)).get("post_info");
        assertEquals("FOLLOWER_OF_CREATOR", info.get("privacy_level"));
        assertEquals(true, info.get("disable_comment"), "the creator has comments off");
        assertEquals(false, info.get("disable_duet"));
    }

    @Test
    void aVideoLongerThanTheCreatorMayPostIsRefusedForGood() {
        tiktok.creator(List.of("PUBLIC_TO_EVERYONE", "SELF_ONLY"), 2, false);

        SendResult result = send(scheduled("tiktok", "Video quá dài"), channels.get("tiktok"));

        assertTrue(result instanceof SendResult.Permanent permanent && permanent.reason().contains("tối đa 2 giây"), result.toString());
        assertTrue(tiktok.requestsTo(INIT).isEmpty());
    }

    @Test
    void aCaptionKeepsTheWordsAndLeavesOutTheHashtagsThatDoNotFitIn2200Characters() throws IOException {
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Tiêu đề ".repeat(37).strip(), "Lời tóm tắt. ".repeat(76).strip(),
                null, null, null, null, java.util.stream.IntStream.range(0, 20).mapToObj(i -> "Chủ đề thật dài số " + i + " "
                        + "x".repeat(40)).toList(), null, null, null, null, null), "bien-tap");
        pieces.attach(piece.id(), vn.herald.content.AssetRole.VIDEO, new java.io.ByteArrayInputStream(video), "dai.mp4", null,
                "bien-tap");

        Payload payload = adapter.render(pieces.get(piece.id()), channels.get("tiktok"));

        String caption = (String) json.readValue(payload.body(), Map.class).get("title");
        assertTrue(caption.length() <= 2200, "length " + caption.length());
        assertTrue(caption.startsWith("Tiêu đề Tiêu đề") && caption.contains("Lời tóm tắt. Lời tóm tắt.") && caption.contains("#XaHoaAn"),
                caption);
        assertTrue(payload.warnings().stream().anyMatch(w -> w.startsWith("Đã bỏ ") && w.contains("thẻ #")), payload.warnings().toString());
        assertEquals("#ChuyểnĐổiSố", TikTokRender.hashtag("chuyển đổi số"));
    }

    @Test
    void aPieceWithoutAVideoCannotBeScheduledOnTikTok() {
        Piece article = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Bài viết không có video", null, "<p>Chữ.</p>",
                null, null, null, null, null, null, null, null, null), "bien-tap");

        List<ChannelRequirement> unmet = adapter.unmet(article, channels.get("tiktok"));

        assertEquals(1, unmet.size());
        assertEquals("channel-needs-video", unmet.get(0).code().code());
        assertTrue(unmet.get(0).message().startsWith("Kênh “TikTok xã Hòa An” chỉ đăng video"), unmet.get(0).message());
        Refusal refused = assertThrows(Refusal.class, () -> adapter.render(article, channels.get("tiktok")),
                "the piece page's preview shows the reason instead of failing");
        assertEquals("channel-needs-video", refused.code());
    }

    @Test
    void pullFromUrlHandsTikTokThePortalsAddressOfTheVideoAndUploadsNothing() throws IOException {
        Channel pull = channel(Map.of("uploadMode", "PULL_FROM_URL"));
        Publication publication = scheduled("tiktok", "Video TikTok tự tải");
        assertTrue(adapter.notes(pull).get(0).contains("xác minh"), adapter.notes(pull).toString());

        SendResult result = send(publication, pull);

        assertInstanceOf(SendResult.Sent.class, result);
        Map<?, ?> source = (Map<?, ?>) body(tiktok.requestsTo(INIT).get(0)).get("source_info");
        String sha = (String) json.readValue(publishing.get(publication.id()).payload(), Map.class).get("videoSha256");
        assertEquals(Map.of("source", "PULL_FROM_URL", "video_url", "https://xahoaan.example.vn/assets/" + sha), source);
        assertTrue(tiktok.requestsTo("/upload/").isEmpty());
    }

    @Test
    void aPostTikTokGivesUpOnIsClassifiedByItsFailReason() {
        tiktok.failNextWith("duration_check_failed");
        Publication first = scheduled("tiktok", "Video lỗi thời lượng");

        SendResult refused = send(first, channels.get("tiktok"));

        assertTrue(refused instanceof SendResult.Permanent p && p.reason().contains("duration_check_failed"), refused.toString());
        assertTrue(uploads.find(first.id()).isEmpty());

        tiktok.failNextWith("internal");
        Publication second = scheduled("tiktok", "Video lỗi nội bộ");
        assertInstanceOf(SendResult.RetryLater.class, send(second, channels.get("tiktok")));
        assertTrue(uploads.find(second.id()).isEmpty(), "failed for good on TikTok: the next attempt makes a new post");
    }

    @Test
    void aVideoStillProcessingAfterTheBoundedPollsWaitsAndTheNextAttemptOnlyAsksForItsStatus() {
        tiktok.processingPolls(4);
        Publication publication = scheduled("tiktok", "Video xử lý lâu");

        SendResult first = send(publication, channels.get("tiktok"));

        assertTrue(first instanceof SendResult.RetryLater later && later.hint().equals(java.util.Optional.of(Duration.ofSeconds(6)))
                && later.reason().contains("không đăng lần hai"), first.toString());
        assertEquals(3, tiktok.requestsTo(STATUS).size(), "statusPolls: 3");
        assertTrue(uploads.find(publication.id()).isPresent(), "the publish_id is kept for the next attempt");

        SendResult second = send(publication, channels.get("tiktok"));

        assertInstanceOf(SendResult.Sent.class, second);
        assertEquals(1, tiktok.requestsTo(INIT).size(), "no second video/init");
        assertEquals(1, tiktok.published().size());
    }

    @Test
    void lookingForAnInterruptedPostAsksOnlyAboutItsPublishId() {
        tiktok.processingPolls(10);
        Publication publication = scheduled("tiktok", "Tìm bài đăng dở");
        Channel channel = channels.get("tiktok");
        Payload payload = adapter.render(pieces.get(publication.pieceId()), channel);
        assertEquals(java.util.Optional.empty(), adapter.findExisting(delivery(publication, payload, channel)),
                "nothing recorded, nothing to look for");
        assertTrue(tiktok.calls().isEmpty());
        assertInstanceOf(SendResult.RetryLater.class, adapter.send(delivery(publication, payload, channel)));

        assertEquals(java.util.Optional.empty(), adapter.findExisting(delivery(publication, payload, channel)));
        assertTrue(uploads.find(publication.id()).isPresent(), "still processing: the send that follows polls it");

        tiktok.processingPolls(0);
        var found = adapter.findExisting(delivery(publication, payload, channel));
        assertEquals(tiktok.published().get(0).postId, found.orElseThrow().externalId());

        Publication other = scheduled("tiktok", "Bài TikTok từ chối");
        tiktok.processingPolls(10);
        assertInstanceOf(SendResult.RetryLater.class, adapter.send(delivery(other, payload, channel)));
        tiktok.processingPolls(0);
        tiktok.failNextWith("internal");
        assertEquals(java.util.Optional.empty(), adapter.findExisting(delivery(other, payload, channel)));
        assertTrue(uploads.find(other.id()).isEmpty(), "failed on TikTok: a new post is right");
    }

    @Test
    void atMostSixVideoInitsAMinuteLeaveTheSeventhWaitingForTheWindow() {
        Publication publication = scheduled("tiktok", "Sáu video một phút");
        Channel channel = channels.get("tiktok");
        Payload payload = adapter.render(pieces.get(publication.pieceId()), channel);
        for (int i = 0; i < 6; i++) {
            assertInstanceOf(SendResult.Sent.class, adapter.send(delivery(publication, payload, channel)));
            clock.advance(Duration.ofSeconds(5));
        }

        SendResult seventh = adapter.send(delivery(publication, payload, channel));

        assertTrue(seventh instanceof SendResult.RetryLater later && later.hint().equals(java.util.Optional.of(Duration.ofSeconds(30))),
                seventh.toString());
        assertEquals(6, tiktok.requestsTo(INIT).size(), "TikTok never sees a seventh init within the minute");
        clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(SendResult.Sent.class, adapter.send(delivery(publication, payload, channel)));
        assertEquals(7, tiktok.requestsTo(INIT).size());
    }

    @Test
    void theRotatedRefreshTokenIsStoredAndARejectedAccessTokenIsRefreshedOnce() {
        Publication publication = scheduled("tiktok", "Làm mới mã truy cập");

        assertInstanceOf(SendResult.Sent.class, send(publication, channels.get("tiktok")));
        assertEquals(1, tiktok.refreshes());
        assertEquals("tiktok-refresh-1", storedRefreshToken(), "the new refresh token replaced the spent one");
        assertFalse(column("select refresh_token_enc from tiktok_token").contains("tiktok-refresh"), "sealed at rest");

        tiktok.revokeAccessToken();
        assertInstanceOf(SendResult.Sent.class, send(scheduled("tiktok", "Sau khi mã bị thu hồi"), channels.get("tiktok")));
        assertEquals(2, tiktok.refreshes(), "one refresh after access_token_invalid");
        assertEquals("tiktok-refresh-2", storedRefreshToken());
    }

    @Test
    void aRefusedRefreshNeedsAPersonAndNamesTheVariableNotTheSecret() {
        secrets.set("HERALD_TIKTOK_REFRESH_TOKEN", "an-old-refresh-token");

        SendResult result = send(scheduled("tiktok", "Mã làm mới cũ"), channels.get("tiktok"));

        assertTrue(result instanceof SendResult.NeedsAttention a && a.reason().contains("HERALD_TIKTOK_REFRESH_TOKEN")
                && a.reason().contains("invalid_grant") && !a.reason().contains("an-old-refresh-token"), result.toString());
        assertTrue(tiktok.requestsTo(INIT).isEmpty());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(401, "scope_not_authorized", SendResult.NeedsAttention.class),
                Arguments.of(429, "rate_limit_exceeded", SendResult.RetryLater.class),
                Arguments.of(403, "spam_risk_too_many_posts", SendResult.RetryLater.class),
                Arguments.of(403, "spam_risk_user_banned_from_posting", SendResult.NeedsAttention.class),
                Arguments.of(403, "reached_active_user_cap", SendResult.NeedsAttention.class),
                Arguments.of(403, "unaudited_client_can_only_post_to_private_accounts", SendResult.NeedsAttention.class),
                Arguments.of(403, "privacy_level_option_mismatch", SendResult.NeedsAttention.class),
                Arguments.of(403, "url_ownership_unverified", SendResult.NeedsAttention.class),
                Arguments.of(400, "invalid_params", SendResult.Permanent.class),
                Arguments.of(500, "internal_error", SendResult.RetryLater.class));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachFailureOfVideoInitIsClassified(int status, String code, Class<? extends SendResult> expected) {
        tiktok.then(INIT, FakeTikTok.error(status, code));

        SendResult result = send(scheduled("tiktok", "Lỗi " + code), channels.get("tiktok"));

        assertInstanceOf(expected, result, result.toString());
        assertTrue(result.toString().contains(code), "the reason names TikTok's code for the admin: " + result);
    }

    @Test
    void anAccessTokenRefusedEvenAfterARefreshNeedsAPerson() {
        tiktok.then(CREATOR, FakeTikTok.error(401, "access_token_invalid"), FakeTikTok.error(401, "access_token_invalid"));

        SendResult result = send(scheduled("tiktok", "Mã luôn bị từ chối"), channels.get("tiktok"));

        assertTrue(result instanceof SendResult.NeedsAttention a && a.reason().contains("sau khi đã làm mới"), result.toString());
        assertEquals(2, tiktok.refreshes(), "one refresh for the call, one after the rejection");
    }

    @Test
    void aServerErrorPageIsRetriedLater() {
        tiktok.then(CREATOR, new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));

        assertInstanceOf(SendResult.RetryLater.class, send(scheduled("tiktok", "Máy chủ lỗi"), channels.get("tiktok")));
    }

    @Test
    void anUploadCutHalfwayIsNeverPublishedAndTheNextAttemptPostsOnce() {
        Publication publication = scheduled("tiktok", "Mạng bị ngắt giữa chừng");
        tiktok.cutNextUpload();

        SendResult cut = send(publication, channels.get("tiktok"));

        assertTrue(cut instanceof SendResult.RetryLater later && later.reason().contains("bị ngắt"), cut.toString());
        assertTrue(uploads.find(publication.id()).isPresent());
        assertTrue(tiktok.published().isEmpty());

        SendResult second = send(publication, channels.get("tiktok"));

        assertInstanceOf(SendResult.Sent.class, second, second.toString());
        assertEquals(1, tiktok.published().size(), "one video on the account");
        assertEquals(2, tiktok.requestsTo(INIT).size(), "the abandoned upload could never publish: a new init was right");
    }

    @Test
    void aVideoOverFiveMegabytesGoesInSequentialChunksTheLastTakingTheRemainderAndACutRestartsIt() throws IOException {
        byte[] big = clip("lon.mp4", "testsrc2=size=1080x1920:rate=25", "-b:v", "40M", "-minrate", "40M", "-maxrate", "40M",
                "-bufsize", "4M", "-x264-params", "nal-hrd=cbr");
        long size = big.length;
        assertTrue(size > 10 * FakeTikTok.MB && size < 15 * FakeTikTok.MB, "a clip of 10 to 15 MB, got " + size);
        Channel fives = channel(Map.of("chunkMegabytes", 5));
        Publication publication = scheduled("tiktok", "Video nặng hơn 10 MB", big);
        tiktok.cutUploadNumber(2);

        SendResult cut = send(publication, fives);

        assertTrue(cut instanceof SendResult.RetryLater later && later.reason().contains("đoạn 2/2"), cut.toString());
        assertEquals(5 * FakeTikTok.MB, tiktok.posts().get(0).received, "the first chunk arrived, the second was cut");

        SendResult sent = send(publication, fives);

        assertInstanceOf(SendResult.Sent.class, sent, sent.toString());
        Map<?, ?> source = (Map<?, ?>) body(tiktok.requestsTo(INIT).get(1)).get("source_info");
        assertEquals(5 * FakeTikTok.MB, ((Number) source.get("chunk_size")).longValue());
        assertEquals(2, ((Number) source.get("total_chunk_count")).intValue(), "floor(size / 5 MB)");
        List<String> ranges = tiktok.requestsTo("/upload/").stream().map(r -> r.getHeader("Content-Range")).toList();
        assertEquals(List.of("bytes 0-5242879/" + size, "bytes 5242880-" + (size - 1) + "/" + size,
                "bytes 0-5242879/" + size, "bytes 5242880-" + (size - 1) + "/" + size), ranges);
        assertEquals(1, tiktok.published().size());
        assertEquals(size, tiktok.published().get(0).received);
    }

    @Test
    void dryRunShowsTheExactRequestsWithEveryCredentialMasked() {
        Channel channel = channels.get("tiktok");
        Publication publication = scheduled("tiktok", "Xem trước yêu cầu");
        Payload payload = adapter.render(pieces.get(publication.pieceId()), channel);

        List<OutgoingRequest> requests = adapter.preview(delivery(publication, payload, channel)).stream()
                .map(OutgoingRequest::withoutSecrets).toList();

        assertEquals(List.of("POST " + tiktok.baseUrl() + "/v2/oauth/token/", "POST " + tiktok.baseUrl() + CREATOR,
                "POST " + tiktok.baseUrl() + INIT, "PUT <data.upload_url of video/init>", "POST " + tiktok.baseUrl() + STATUS),
                requests.stream().map(r -> r.method() + " " + r.url()).toList());
        assertEquals("bytes 0-" + (video.length - 1) + "/" + video.length, requests.get(3).headers().get("Content-Range"));
        String all = JsonText.of(json, requests);
        assertTrue(requests.get(2).body().contains("\"privacy_level\":\"PUBLIC_TO_EVERYONE\""), requests.get(2).body());
        assertFalse(all.contains(FakeTikTok.CLIENT_SECRET) || all.contains(FakeTikTok.FIRST_REFRESH_TOKEN) || all.contains("act."), all);
        assertTrue(tiktok.calls().isEmpty(), "a preview calls nothing");
    }

    @Test
    void anUploadAnswerLostAfterTheBytesArrivedIsNotPostedAgain() throws InterruptedException {
        Publication publication = scheduled("tiktok", "Trả lời bị mất");
        tiktok.then("/upload/", new MockResponse().setResponseCode(201).setHeadersDelay(3, TimeUnit.SECONDS));

        SendResult lost = send(publication, channels.get("tiktok"));

        assertInstanceOf(SendResult.RetryLater.class, lost, lost.toString());
        assertEquals(1, tiktok.posts().size());

        assertInstanceOf(SendResult.Sent.class, send(publication, channels.get("tiktok")));
        assertEquals(1, tiktok.requestsTo(INIT).size());
        assertEquals(1, tiktok.published().size());
    }
}
