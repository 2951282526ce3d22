package vn.herald.channel.youtube;

import vn.herald.channel.EngagementReading;
import vn.herald.channel.PublishedPost;
import vn.herald.support.RefusalCode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelPreviews;
import vn.herald.channel.Channels;
import vn.herald.channel.Payload;
import vn.herald.channel.platform.UploadSessions;
import vn.herald.content.AssetRole;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.support.Refusal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real YouTube adapter driven by the engine, written once and run on every database, against a local fake of
 * YouTube Data API v3 and Google's token endpoint: real clips made by ffmpeg are uploaded in 256 KiB chunks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class YouTubeDispatchContract implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi, 18:00 the day before in California
    static final int CHUNK = 256 * 1024;
    private static final String CAPTIONS = """
            WEBVTT

            00:00:00.000 --> 00:00:01.500
            Kính thưa bà con nhân dân xã Hòa An

            00:00:01.500 --> 00:00:03.000
            Lịch tiêm chủng tháng 6 tại Trạm y tế xã
            """;

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject TestClock clock;
    @Inject JsonMapper json;
    @Inject UploadSessions sessions;
    @Inject ChannelPreviews previews;
    @Inject YouTubeAdapter adapter;
    @Inject RecordingUploadPause pauses;

    FakeYouTube youtube;
    /** The service's settings, for a second start of it on the same database (a restart). */
    private Map<String, String> properties;
    private Path work;
    private byte[] landscape;
    private byte[] vertical;
    private int made;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            youtube = new FakeYouTube(() -> clock == null ? MORNING : clock.instant());
            Path dir = Files.createTempDirectory("herald-channels");
            String addresses = """
                    apiUrl: %s
                    uploadUrl: %s
                    oauthUrl: %s
                    readTimeoutSeconds: 5
                    rateLimitPerMinute: 100000
                    """.formatted(youtube.url("/youtube/v3"), youtube.url("/upload/youtube/v3"), youtube.url("/token"));
            Files.writeString(dir.resolve("youtube.yml"), """
                    type: YOUTUBE
                    mode: live
                    name: Kênh YouTube Xã Hòa An
                    tags: [Hòa An, tin xã]
                    chunkKib: 256
                    uploadTries: 4
                    """ + addresses);
            Files.writeString(dir.resolve("youtube-ngan.yml"), """
                    type: YOUTUBE
                    mode: live
                    name: Kênh YouTube ngắn
                    maxVideoSeconds: 2
                    """ + addresses);
            Files.writeString(dir.resolve("youtube-thu.yml"), "type: YOUTUBE\nmode: dry-run\nname: Kênh YouTube chạy thử\n");
            Files.writeString(dir.resolve("eportal.yml"), "type: EPORTAL\nmode: live\nname: Cổng thông tin xã Hòa An\n");
            properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.data-dir", Files.createTempDirectory("herald-youtube-data").toString(),
                    "herald.portal.public-url", "https://hoa-an.example.vn/",
                    "herald.test.clock", "true",
                    "herald.test.youtube-secrets", "true",
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void clips() throws IOException {
        work = Files.createTempDirectory("herald-youtube");
        // noise keeps the files from compressing to nothing, so that they take two or more 256 KiB chunks
        landscape = clip("ngang.mp4", "testsrc=size=640x360:rate=10:duration=3,noise=alls=10:allf=t");
        vertical = clip("doc.mp4", "testsrc=size=1080x1920:rate=5:duration=3,noise=alls=6:allf=t");
        assertTrue(landscape.length > CHUNK && landscape.length < 2 * CHUNK, "landscape clip takes two chunks: " + landscape.length);
    }

    @AfterAll
    void stopFake() throws IOException {
        youtube.close();
    }

    @BeforeEach
    void morning() {
        clock.set(MORNING);
        youtube.reset();
        pauses.clear();
    }

    @Test
    void aVideoGoesUpInChunksWithItsSnippetStatusAndVietnameseCaptions() {
        Piece piece = approvedVideo(landscape, true);
        publishing.schedule(piece.id(), List.of("eportal"), MORNING, "bien-tap");
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status(), sent.lastError());
        FakeYouTube.Video video = only(piece);
        assertEquals(video.id(), sent.externalId());
        assertEquals("https://www.youtube.com/watch?v=" + video.id(), sent.externalUrl());
        assertArrayEquals(landscape, video.bytes(), "the file arrived whole, byte for byte");
        assertEquals(piece.title(), video.title());
        assertTrue(video.description().startsWith("Video ngắn cho bà con"), video.description());
        assertTrue(video.description().endsWith("Xem thêm: https://hoa-an.example.vn/portal/bai/" + piece.slug()), video.description());
        assertEquals("public", video.privacy());
        assertFalse(video.madeForKids());
        assertEquals("25", video.categoryId());
        assertEquals(List.of("Hòa An", "tin xã", "Y tế"), video.tags());
        assertEquals(List.of(
                "POST /upload/youtube/v3/videos",
                "PUT /upload/youtube/v3/videos bytes 0-" + (CHUNK - 1) + "/" + landscape.length,
                "PUT /upload/youtube/v3/videos bytes " + CHUNK + "-" + (landscape.length - 1) + "/" + landscape.length,
                "POST /upload/youtube/v3/captions"), youtube.calls().stream().filter(call -> !call.startsWith("POST /token")).toList());
        FakeYouTube.Captions captions = youtube.captions().stream().filter(track -> track.videoId().equals(video.id()))
                .findFirst().orElseThrow(() -> new AssertionError("no captions for " + video.id()));
        assertEquals("vi", captions.language());
        assertEquals("Tiếng Việt", captions.name());
        assertEquals(CAPTIONS.strip(), captions.file());
        assertTrue(sessions.find(publication.id()).isEmpty(), "the session is forgotten once the video is published");
        assertNull(sent.warning());
    }

    @Test
    void aCutInTheMiddleResumesFromTheOffsetYouTubeReports() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.CUT_HALF_CHUNK);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status(), sent.lastError());
        assertArrayEquals(landscape, only(piece).bytes(), "nothing lost, nothing sent twice");
        int half = CHUNK / 2;
        assertEquals(List.of(
                "POST /upload/youtube/v3/videos",
                "PUT /upload/youtube/v3/videos bytes 0-" + (CHUNK - 1) + "/" + landscape.length,
                "PUT /upload/youtube/v3/videos bytes */" + landscape.length,
                "PUT /upload/youtube/v3/videos bytes " + half + "-" + (half + CHUNK - 1) + "/" + landscape.length,
                "PUT /upload/youtube/v3/videos bytes " + (half + CHUNK) + "-" + (landscape.length - 1) + "/" + landscape.length),
                youtube.calls().stream().filter(call -> call.startsWith("PUT") || call.startsWith("POST /upload/youtube/v3/videos")).toList());
        assertEquals(List.of(Duration.ofSeconds(1)), pauses.pauses());
    }

    @Test
    void serverErrorsMidUploadAreRetriedWithGrowingPauses() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.SERVER_ERROR, FakeYouTube.Trouble.SERVER_ERROR);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertArrayEquals(landscape, only(piece).bytes());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses.pauses());
    }

    @Test
    void anOutageLongerThanTheTriesKeepsTheSessionAndTheNextAttemptResumesIt() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        // the cut is resumed; then YouTube fails as often as the channel tries (uploadTries: 4) without moving on
        youtube.trouble(FakeYouTube.Trouble.CUT_HALF_CHUNK, FakeYouTube.Trouble.SERVER_ERROR, FakeYouTube.Trouble.SERVER_ERROR,
                FakeYouTube.Trouble.SERVER_ERROR, FakeYouTube.Trouble.SERVER_ERROR);

        Optional<Instant> retry = dispatcher.dispatch(publication.id());

        Publication waiting = publishing.get(publication.id());
        assertEquals(PublicationStatus.RETRY_WAIT, waiting.status());
        assertTrue(waiting.lastError().contains("tải tiếp từ chỗ đã dừng"), waiting.lastError());
        String session = sessions.find(publication.id()).orElseThrow().reference();
        assertTrue(session.contains("upload_id=session-"), "the session address is kept: " + session);
        assertTrue(youtube.videos().stream().noneMatch(video -> video.title().equals(piece.title())));
        youtube.reset();

        clock.set(retry.orElseThrow());
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertArrayEquals(landscape, only(piece).bytes());
        assertEquals("PUT /upload/youtube/v3/videos bytes */" + landscape.length, youtube.calls().stream()
                .filter(call -> !call.startsWith("POST /token")).findFirst().orElseThrow(), "asked the kept session " + session);
        assertTrue(youtube.calls().stream().noneMatch(call -> call.equals("POST /upload/youtube/v3/videos")), "no new session");
    }

    @Test
    void aRefusedAccessTokenIsRefreshedOnceAndTheUploadGoesOn() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        dispatcherWarmedUp();
        int before = youtube.refreshes();
        youtube.trouble(FakeYouTube.Trouble.STALE_TOKEN);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertEquals(before + 1, youtube.refreshes(), "one refresh after the 401");
        assertEquals(List.of("POST /upload/youtube/v3/videos", "POST /token", "POST /upload/youtube/v3/videos"),
                youtube.calls().subList(0, 3));
    }

    @Test
    void aRevokedGrantPausesTheChannelWithTheVariableToSet() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        dispatcherWarmedUp();
        youtube.revoke();
        youtube.trouble(FakeYouTube.Trouble.STALE_TOKEN);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        String reason = channels.get("youtube").pausedReason();
        assertTrue(reason.contains("HERALD_YOUTUBE_REFRESH_TOKEN") && reason.contains("cấp quyền lại"), reason);
        assertFalse(reason.contains(FakeYouTube.REFRESH_TOKEN) || reason.contains(FakeYouTube.CLIENT_SECRET), reason);
        publishing.resume("youtube", "admin");
    }

    @Test
    void quotaExceededWaitsUntilTheQuotaDayResetsAtMidnightInCalifornia() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.QUOTA_EXCEEDED);

        Optional<Instant> retry = dispatcher.dispatch(publication.id());

        Publication waiting = publishing.get(publication.id());
        assertEquals(PublicationStatus.RETRY_WAIT, waiting.status());
        // 18:00 on 16 May in California (PDT): the quota comes back at midnight there, 07:00 UTC, 14:00 in Hanoi
        assertEquals(Instant.parse("2027-05-17T07:00:00Z"), retry.orElseThrow());
        assertTrue(waiting.lastError().contains("hết hạn mức API trong ngày"), waiting.lastError());
        assertTrue(youtube.videos().stream().noneMatch(video -> video.title().equals(piece.title())));
    }

    @Test
    void uploadLimitExceededPausesTheChannelWithAReason() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.UPLOAD_LIMIT);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        String reason = channels.get("youtube").pausedReason();
        assertTrue(reason.contains("24 giờ") && reason.contains("tạm dừng"), reason);
        publishing.resume("youtube", "admin");
    }

    @Test
    void invalidMetadataIsRefusedForGood() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.INVALID_TITLE);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication refused = publishing.get(publication.id());
        assertEquals(PublicationStatus.NEEDS_ATTENTION, refused.status());
        assertTrue(refused.lastError().contains("không nhận thông tin của video") && refused.lastError().contains("invalidTitle"),
                refused.lastError());
        assertNull(channels.get("youtube").pausedReason(), "one piece's title does not pause the channel");
    }

    @Test
    void aVerticalVideoOfThreeMinutesOrLessGoesOutAsAShort() {
        Piece piece = approvedVideo(vertical, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status(), sent.lastError());
        FakeYouTube.Video video = only(piece.title() + " #Shorts");
        assertTrue(video.description().endsWith("#Shorts"), video.description());
        assertEquals("https://www.youtube.com/shorts/" + video.id(), sent.externalUrl());
        assertArrayEquals(vertical, video.bytes());
    }

    @Test
    void aCaptionsFailureAfterTheVideoLeavesOneVideoAndAWarning() {
        Piece piece = approvedVideo(landscape, true);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.CAPTIONS_FAIL);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        assertEquals(only(piece).id(), sent.externalId());
        assertTrue(sent.warning() != null && sent.warning().contains("chưa tải được phụ đề"), sent.warning());
    }

    @Test
    void aCrashBetweenUploadAndResultIsFoundThroughTheSessionAfterTheRestart() {
        Piece piece = approvedVideo(landscape, true);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        // YouTube takes the last chunk and makes the video; the answer is lost, and the process dies before it asks
        youtube.trouble(FakeYouTube.Trouble.CUT_AFTER_LAST_CHUNK);
        pauses.crashAtNextPause();

        assertThrows(RecordingUploadPause.Crash.class, () -> dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.SENDING, publishing.get(publication.id()).status(), "left as a killed process leaves it");
        String videoId = only(piece).id();
        youtube.reset();

        // the service starts again on the same database: a new process, with no token and no memory of the upload
        try (ApplicationContext restarted = ApplicationContext.run(new HashMap<>(properties), "test")) {
            restarted.getBean(TestClock.class).set(MORNING.plus(Duration.ofMinutes(2)));
            assertEquals(Optional.empty(), restarted.getBean(Dispatcher.class).dispatch(publication.id()));
        }

        Publication found = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, found.status(), found.lastError());
        assertEquals(videoId, found.externalId());
        assertEquals("https://www.youtube.com/watch?v=" + videoId, found.externalUrl());
        assertEquals(videoId, only(piece).id(), "still one video on the channel");
        assertEquals(List.of("POST /token", "PUT /upload/youtube/v3/videos bytes */" + landscape.length, "GET /youtube/v3/captions",
                "POST /upload/youtube/v3/captions"), youtube.calls(),
                "asked the session, then sent the captions the dead attempt never sent");
        assertEquals(1, youtube.captions().stream().filter(track -> track.videoId().equals(videoId)).count());
        assertTrue(sessions.find(publication.id()).isEmpty());
    }

    @Test
    void aCrashWhoseSessionExpiredIsFoundAmongTheChannelsUploads() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        youtube.trouble(FakeYouTube.Trouble.CUT_AFTER_LAST_CHUNK);
        pauses.crashAtNextPause();
        assertThrows(RecordingUploadPause.Crash.class, () -> dispatcher.dispatch(publication.id()));
        String videoId = only(piece).id();
        youtube.expireSessions();
        youtube.reset();

        clock.advance(Duration.ofMinutes(2));
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication found = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, found.status(), found.lastError());
        assertEquals(videoId, found.externalId());
        assertEquals(videoId, only(piece).id(), "still one video on the channel");
        assertEquals(List.of("PUT /upload/youtube/v3/videos bytes */" + landscape.length, "GET /youtube/v3/channels",
                "GET /youtube/v3/playlistItems"), youtube.calls().stream().filter(call -> !call.startsWith("POST /token")).toList());
    }

    @Test
    void aPieceWithoutVideoOrWithAVideoTooLongIsRefusedAtScheduling() {
        Piece article = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Bài viết không có video " + (++made), null,
                "<p>Nội dung</p>", null, null, null, List.of(), null, null, null, null, null), "bien-tap");
        pieces.submit(article.id(), "bien-tap");
        pieces.approve(article.id(), pieces.get(article.id()).revision(), "duyet");
        Refusal noVideo = assertThrows(Refusal.class, () -> publishing.schedule(article.id(), List.of("youtube"), MORNING, "bien-tap"));
        assertEquals("channel-needs-video", noVideo.code());
        assertTrue(noVideo.explained(Refusal.VIETNAMESE).contains("Kênh YouTube Xã Hòa An"), noVideo.explained(Refusal.VIETNAMESE));

        ChannelPreviews.Shown articleOnYouTube = previews.of(article).stream()
                .filter(shown -> shown.channel().id().equals("youtube")).findFirst().orElseThrow();
        assertEquals("channel-needs-video", articleOnYouTube.unmet().get(0).code().code());
        assertNull(articleOnYouTube.preview(), "the editor's preview says why instead of failing");

        Piece video = approvedVideo(landscape, false);
        ChannelPreview look = previews.of(video).stream().filter(shown -> shown.channel().id().equals("youtube"))
                .findFirst().orElseThrow().preview();
        assertEquals(video.title(), look.title());
        assertEquals(3, look.duration().toSeconds(), "three seconds: " + look.duration());
        Refusal tooLong = assertThrows(Refusal.class, () -> publishing.schedule(video.id(), List.of("youtube-ngan"), MORNING, "bien-tap"));
        assertEquals("youtube-video-too-long", tooLong.code());
        assertTrue(tooLong.explained(Refusal.VIETNAMESE).contains("Video dài 3 giây, quá 2 giây mà kênh “Kênh YouTube ngắn” nhận"),
                tooLong.explained(Refusal.VIETNAMESE));
    }

    @Test
    void dryRunRecordsTheExactRequestsWithEverySecretMasked() {
        Piece piece = approvedVideo(landscape, true);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube-thu"), MORNING, "bien-tap").get(0);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication done = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, done.status());
        String requests = done.dryRunRequest();
        assertTrue(requests.contains("https://oauth2.googleapis.com/token") && requests.contains("refresh_token=***"), requests);
        assertTrue(requests.contains("https://www.googleapis.com/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"), requests);
        assertTrue(requests.contains("bytes 0-" + (landscape.length - 1) + "/" + landscape.length), requests);
        assertTrue(requests.contains("captions?uploadType=multipart&part=snippet"), requests);
        assertFalse(requests.contains(FakeYouTube.REFRESH_TOKEN) || requests.contains(FakeYouTube.CLIENT_SECRET)
                || requests.contains("ya29."), requests);
        assertTrue(youtube.calls().isEmpty(), "nothing sent");
    }

    @Test
    void theAdapterReadsEngagementFiftyVideosAtATimeFiveTimesAnHourAndNotOnADryRunChannel() {
        assertEquals(50, adapter.postsPerEngagementCall());
        assertEquals(5, adapter.engagementCallsPerHour(channels.get("youtube")));
        EngagementReading reading = adapter.readEngagement(channels.get("youtube-thu"),
                List.of(new PublishedPost(1, "vidAAA", MORNING)));
        assertEquals(new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_DRY_RUN,
                "Kênh YouTube chạy thử"), reading);
    }

    @Test
    void aLongPieceIsFittedToYouTubesLimitsWithAWarningForEachCut() throws IOException {
        String words = "Bà con lưu ý lịch tiêm chủng tại Trạm y tế xã Hòa An, mang theo sổ tiêm <quan trọng>. ";
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            topics.add("Chủ đề dài số " + i + " về tiêm chủng và y tế cơ sở");
        }
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Tiêm chủng <mở rộng> " + "rất dài ".repeat(20) + (++made),
                null, "<p>" + words.repeat(80) + "</p>", null, null, null, topics, null, null, null, null, null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.VIDEO, new ByteArrayInputStream(landscape), "dai.mp4", null, "bien-tap");

        Payload payload = adapter.render(pieces.get(piece.id()), channels.get("youtube"));

        Map<?, ?> video = json.readValue(payload.body(), Map.class);
        String title = (String) video.get("title");
        String description = (String) video.get("description");
        assertEquals(100, title.codePointCount(0, title.length()), title);
        assertTrue(title.startsWith("Tiêm chủng ‹mở rộng›") && title.endsWith("…"), title);
        assertTrue(description.getBytes(StandardCharsets.UTF_8).length <= 5000, "bytes: " + description.getBytes(StandardCharsets.UTF_8).length);
        assertFalse(description.contains("<") || description.contains(">"), description);
        int tagChars = ((List<?>) video.get("tags")).stream().mapToInt(tag -> tag.toString().length()
                + (tag.toString().contains(" ") ? 2 : 0) + 1).sum() - 1;
        assertTrue(tagChars <= 500, "tags take " + tagChars);
        assertEquals("Hòa An", ((List<?>) video.get("tags")).get(0));
        assertTrue(payload.warnings().stream().anyMatch(w -> w.startsWith("Tiêu đề dài quá 100 ký tự")), payload.warnings().toString());
        assertTrue(payload.warnings().stream().anyMatch(w -> w.startsWith("Phần mô tả dài quá 5000 byte")), payload.warnings().toString());
        assertTrue(payload.warnings().stream().anyMatch(w -> w.startsWith("Không gắn thẻ “Chủ đề dài số")), payload.warnings().toString());
    }

    // --- helpers

    /** A first send, so that the channel holds an access token the fake can then refuse. */
    private void dispatcherWarmedUp() {
        Piece piece = approvedVideo(landscape, false);
        Publication publication = publishing.schedule(piece.id(), List.of("youtube"), MORNING, "bien-tap").get(0);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        youtube.reset();
    }

    private FakeYouTube.Video only(Piece piece) {
        return only(piece.title());
    }

    private FakeYouTube.Video only(String title) {
        List<FakeYouTube.Video> found = youtube.videos().stream().filter(video -> video.title().equals(title)).toList();
        assertEquals(1, found.size(), "videos titled " + title + ": " + found.size());
        return found.get(0);
    }

    private Piece approvedVideo(byte[] video, boolean captions) {
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Lịch tiêm chủng tháng 6, video số " + (++made),
                "Video ngắn cho bà con", "<p>Trạm y tế xã tiêm chủng cho trẻ em dưới 5 tuổi vào sáng thứ Bảy.</p>", null, null,
                null, List.of("Y tế"), null, null, null, "Ban biên tập", null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.VIDEO, new ByteArrayInputStream(video), "video-" + made + ".mp4", null, "bien-tap");
        if (captions) {
            pieces.attach(piece.id(), AssetRole.CAPTIONS, new ByteArrayInputStream(CAPTIONS.getBytes(StandardCharsets.UTF_8)),
                    "phu-de.vtt", null, "bien-tap");
        }
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
        return pieces.get(piece.id());
    }

    private byte[] clip(String name, String pattern) throws IOException {
        Path out = work.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", pattern,
                "-f", "lavfi", "-i", "sine=duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream log = process.getInputStream()) {
            String text = new String(log.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("ffmpeg could not make " + name + ": " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return Files.readAllBytes(out);
    }
}
