package vn.herald.content;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.channel.Priority;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.support.Refusal;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Video pieces with real clips made by ffmpeg in the test: what ffprobe accepts and refuses, WebVTT captions, the
 * portal's player, Range on /assets, the channels that refuse a video, and a video file in the content library.
 * Without ffmpeg the test is skipped loudly, except under CI=true, where .ci/run installs it and the test must run.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoPiecesTest implements TestPropertyProvider {

    private static final String CAPTIONS = """
            WEBVTT

            00:00:00.000 --> 00:00:01.000
            Kính thưa bà con nhân dân

            00:00:01.000 --> 00:00:02.000 line:90%
            Xã Hòa An tổ chức tiêm chủng
            """;

    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject TestClock clock;
    @Inject ContentLibrary library;
    @Inject @Client("/") HttpClient http;

    private Path work;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("portal.yml"), "type: EPORTAL\nmode: live\nname: Cổng thông tin điện tử xã Hòa An\n");
            Files.writeString(dir.resolve("wordpress.yml"), "type: EPORTAL\nmode: live\nplatform: wordpress\nsite: https://cong.example\nusername: herald\n");
            return Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.test.fake-platform", "true",
                    "herald.publishing.scheduler-enabled", "false",
                    "herald.portal.public-url", "https://hoaan.example.vn/",
                    "herald.video.max-seconds", "3",
                    "micronaut.server.port", "-1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void ffmpegInstalled() throws IOException {
        if (!onPath("ffmpeg") || !onPath("ffprobe")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ffmpeg is not installed, and under CI=true the video test must run (.ci/run installs it)");
            }
            String message = "SKIPPED VideoPiecesTest: ffmpeg/ffprobe is not installed (apt-get install ffmpeg; it runs under CI=true)";
            System.err.println("*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
            Assumptions.abort(message);
        }
        work = Files.createTempDirectory("herald-video");
        clock.set(Instant.parse("2027-05-17T01:00:00Z"));
    }

    @Test
    void anMp4WithCaptionsAndPosterPlaysOnThePortalAndIsServedInRanges() throws IOException {
        byte[] video = clip("ok.mp4", "testsrc=duration=2:size=320x240:rate=10", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac");
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Hướng dẫn cài VNeID trong 2 phút",
                "Video ngắn cho bà con", "<p>Các bước cài đặt VNeID.</p>", null, "Quay tại nhà văn hóa thôn", null,
                List.of("Chuyển đổi số"), null, null, null, "Ban biên tập", null), "bien-tap");
        Refusal notReady = assertThrows(Refusal.class, () -> pieces.submit(piece.id(), "bien-tap"));
        assertTrue(notReady.fieldErrors().stream().anyMatch(e -> e.message().equals("Tin video cần có tệp video trước khi gửi duyệt.")),
                notReady.explained(Refusal.VIETNAMESE));

        Asset stored = pieces.attach(piece.id(), AssetRole.VIDEO, new ByteArrayInputStream(video), "huong-dan.mp4", null,
                "bien-tap").asset();
        assertEquals("video/mp4", stored.mediaType());
        assertEquals(AssetKind.VIDEO, stored.kind());
        Asset captions = pieces.attach(piece.id(), AssetRole.CAPTIONS,
                new ByteArrayInputStream(CAPTIONS.getBytes(StandardCharsets.UTF_8)), "phu-de.vtt", null, "bien-tap").asset();
        assertEquals("text/vtt", captions.mediaType());
        Asset poster = pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(picture()), "anh-cho.png", null,
                "bien-tap").asset();
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");

        Refusal noVideo = assertThrows(Refusal.class, () -> publishing.schedule(piece.id(), List.of("wordpress"),
                clock.instant(), Priority.NORMAL, true, "bien-tap"));
        assertEquals("channel-takes-no-video", noVideo.code());
        assertTrue(noVideo.explained(Refusal.VIETNAMESE).contains("không đăng được video"), noVideo.explained(Refusal.VIETNAMESE));

        Publication publication = publishing.schedule(piece.id(), List.of("portal"), clock.instant(), Priority.NORMAL, true,
                "bien-tap").get(0);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());

        Document page = Jsoup.parse(http.toBlocking().retrieve("/portal/bai/" + pieces.get(piece.id()).slug()));
        Element player = page.selectFirst("main video[controls]");
        assertNotNull(player, page.select("main").outerHtml());
        assertEquals("/portal/tep/" + poster.sha256(), player.attr("poster"));
        assertEquals("/portal/tep/" + stored.sha256(), player.selectFirst("source").attr("src"));
        assertEquals("video/mp4", player.selectFirst("source").attr("type"));
        Element track = player.selectFirst("track");
        assertEquals("captions", track.attr("kind"));
        assertEquals("vi", track.attr("srclang"));
        assertEquals("/portal/tep/" + captions.sha256(), track.attr("src"));
        assertEquals(CAPTIONS, http.toBlocking().retrieve(track.attr("src")));

        HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET("/assets/" + stored.sha256())
                .header(HttpHeaders.RANGE, "bytes=100-199"), byte[].class);
        assertEquals(HttpStatus.PARTIAL_CONTENT, part.getStatus());
        assertEquals("bytes 100-199/" + video.length, part.header(HttpHeaders.CONTENT_RANGE));
        assertArrayEquals(Arrays.copyOfRange(video, 100, 200), part.body());
        HttpResponse<byte[]> whole = http.toBlocking().exchange(HttpRequest.GET("/assets/" + stored.sha256()), byte[].class);
        assertEquals("bytes", whole.header(HttpHeaders.ACCEPT_RANGES));
        assertArrayEquals(video, whole.body());
    }

    @Test
    void videosBrowsersMayNotPlayAreRefusedInVietnameseWithTheirReason() throws IOException {
        byte[] good = clip("short.mp4", "testsrc=duration=1:size=160x120:rate=10", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac");
        assertRefused(Arrays.copyOf(good, good.length / 3), "hong.mp4", "video-unreadable", "Không đọc được video “hong.mp4”");
        assertRefused(clip("mpeg4.mp4", "testsrc=duration=1:size=160x120:rate=10", "-c:v", "mpeg4", "-c:a", "aac"),
                "cu.mp4", "video-codec-unsupported", "mã hóa bằng mpeg4");
        assertRefused(clip("long.webm", "testsrc=duration=4:size=64x48:rate=5", "-c:v", "libvpx", "-b:v", "50k",
                "-c:a", "libopus"), "dai.webm", "video-too-long", "dài 4 giây; Herald nhận video dài tối đa 3 giây");
        assertRefused(clip("big.mp4", "testsrc=duration=1:size=2000x100:rate=2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac"), "rong.mp4", "video-resolution", "2000×100");
        Asset webm = store(clip("ok.webm", "testsrc=duration=1:size=160x120:rate=10", "-c:v", "libvpx-vp9", "-b:v", "50k",
                "-c:a", "libopus"), "ok.webm");
        assertEquals("video/webm", webm.mediaType());
    }

    @Test
    void captionsMustBeWebVttWithTimingsThatParse() {
        assertRefused("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nNgược giờ\n".getBytes(StandardCharsets.UTF_8), "nguoc.vtt",
                "captions-invalid", "mốc thời gian sai ở dòng 3");
        assertRefused("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nDấu phẩy kiểu SRT\n".getBytes(StandardCharsets.UTF_8), "srt.vtt",
                "captions-invalid", "dòng 3");
        assertRefused("WEBVTT\n\nChưa có mốc thời gian nào\n".getBytes(StandardCharsets.UTF_8), "rong.vtt",
                "captions-invalid", "chưa có câu phụ đề nào");
        assertRefused("1\n00:00:01,000 --> 00:00:02,000\nTệp SRT\n".getBytes(StandardCharsets.UTF_8), "phu-de.srt",
                "file-type-unsupported", "phụ đề WebVTT");
        Piece article = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Bài không phải video", null, "<p>Nội dung</p>",
                null, null, null, List.of(), null, null, null, null, null), "bien-tap");
        Refusal wrongPiece = assertThrows(Refusal.class, () -> pieces.attach(article.id(), AssetRole.CAPTIONS,
                new ByteArrayInputStream(CAPTIONS.getBytes(StandardCharsets.UTF_8)), "phu-de.vtt", null, "bien-tap"));
        assertEquals("video-only-video-piece", wrongPiece.code());
    }

    @Test
    void aVideoPieceIsImportedFromTheContentLibrary() throws IOException {
        Path content = Files.createTempDirectory("herald-content");
        Path videos = Files.createDirectories(content.resolve("videos"));
        Files.write(videos.resolve("tiem-chung.mp4"), clip("seed.mp4", "testsrc=duration=2:size=320x180:rate=10",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        Files.writeString(videos.resolve("tiem-chung.vtt"), CAPTIONS);
        Files.write(videos.resolve("tiem-chung.png"), picture());
        Files.writeString(videos.resolve("tiem-chung.md"), """
                ---
                title: "Lịch tiêm chủng tháng 6 tại Trạm y tế xã"
                summary: "Video 2 giây nhắc lịch tiêm chủng."
                video: tiem-chung.mp4
                captions: tiem-chung.vtt
                cover: tiem-chung.png
                caption: "Trạm y tế xã Hòa An"
                topics:
                  - Y tế
                status: APPROVED
                ---
                Trạm y tế xã tiêm chủng cho trẻ em dưới 5 tuổi vào sáng thứ Bảy.
                """);
        List<FileOutcome> outcomes = library.importAll(content);
        FileOutcome outcome = outcomes.stream().filter(o -> o.path().endsWith("/videos/tiem-chung.md")).findFirst()
                .orElseThrow(() -> new AssertionError(outcomes.toString()));
        assertEquals(FileOutcome.Result.IMPORTED, outcome.result(), outcome.message());
        Piece piece = pieces.list(new Pieces.Filter(null, PieceKind.VIDEO, null, null, null, "Lịch tiêm chủng tháng 6"),
                io.micronaut.data.model.Pageable.from(0, 1)).getContent().get(0);
        assertNotNull(piece.videoAssetId());
        assertNotNull(piece.captionsAssetId());
        assertNotNull(piece.coverAssetId());
        assertEquals(PieceStatus.APPROVED, piece.status());

        Files.writeString(videos.resolve("hong.md"), "---\ntitle: \"Video hỏng\"\nvideo: hong.mp4\n---\n");
        Files.write(videos.resolve("hong.mp4"), "không phải video".getBytes(StandardCharsets.UTF_8));
        FileOutcome broken = library.importAll(content).stream().filter(o -> o.path().endsWith("/videos/hong.md")).findFirst()
                .orElseThrow();
        assertEquals(FileOutcome.Result.FAILED, broken.result());
    }

    // --- helpers

    private void assertRefused(byte[] file, String name, String code, String words) {
        Refusal refusal = assertThrows(Refusal.class, () -> store(file, name));
        assertEquals(code, refusal.code(), refusal.explained(Refusal.VIETNAMESE));
        assertTrue(refusal.explained(Refusal.VIETNAMESE).contains(words), refusal.explained(Refusal.VIETNAMESE));
    }

    private Asset store(byte[] file, String name) {
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Video thử " + name, null, null, null, null, null,
                List.of(), null, null, null, null, null), "bien-tap");
        AssetRole role = name.endsWith(".vtt") || name.endsWith(".srt") ? AssetRole.CAPTIONS : AssetRole.VIDEO;
        return pieces.attach(piece.id(), role, new ByteArrayInputStream(file), name, null, "bien-tap").asset();
    }

    /** A real clip: a test pattern and a tone, encoded as asked. */
    private byte[] clip(String name, String pattern, String... codecs) throws IOException {
        Path out = work.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", pattern,
                "-f", "lavfi", "-i", "sine=duration=" + pattern.replaceAll(".*duration=(\\d+).*", "$1")));
        command.addAll(List.of(codecs));
        command.addAll(List.of("-shortest", out.toString()));
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

    private static byte[] picture() {
        BufferedImage image = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
