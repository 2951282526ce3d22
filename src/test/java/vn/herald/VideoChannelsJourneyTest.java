package vn.herald;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.account.Accounts;
import vn.herald.broadcast.ScreenLoops;
import vn.herald.channel.platform.EnvironmentSecrets;
import vn.herald.channel.platform.Secrets;
import vn.herald.channel.tiktok.FakeTikTok;
import vn.herald.channel.video.ManualVideoExecutor;
import vn.herald.channel.youtube.FakeYouTube;
import vn.herald.content.AssetRole;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's whole path, as a commune would take it: an approved radio script with an infographic becomes, in one API
 * call, a vertical and a wide MP4 with Vietnamese captions; the same piece then goes to YouTube and TikTok (local fakes
 * of their APIs, and dry-run channels), to the service hall's screen (its kiosk manifest plays the made video) and to
 * the portal, whose podcast lists it. Real ffmpeg, ffprobe and espeak-ng; skipped loudly without them, except under
 * CI=true.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoChannelsJourneyTest implements TestPropertyProvider {

    private static final Instant MORNING = Instant.parse("2027-10-04T01:00:00Z"); // Monday 08:00 in Hanoi
    private static final String SCRIPT = "Kính thưa bà con! Hưởng ứng Ngày Chuyển đổi số quốc gia mười tháng mười, "
            + "xã Hòa An hướng dẫn bà con cài đặt ứng dụng VNeID và nộp hồ sơ trực tuyến tại nhà.";
    private static final double TITLE_CARD = 3.0;

    @Inject Pieces pieces;
    @Inject Assets assets;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject ScreenLoops loops;
    @Inject ManualVideoExecutor videoWork;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject JsonMapper json;
    @Inject @Client("/") HttpClient http;

    private FakeYouTube youtube;
    private FakeTikTok tiktok;

    @Override
    public Map<String, String> getProperties() {
        youtube = new FakeYouTube(() -> clock == null ? MORNING : clock.instant());
        tiktok = new FakeTikTok();
        return Map.of(
                "herald.channels-dir", TestChannels.folder(Map.of(
                        "youtube.yml", "type: YOUTUBE\nmode: live\nname: Kênh YouTube Xã Hòa An\nchunkKib: 256\n"
                                + "apiUrl: " + youtube.url("/youtube/v3") + "\nuploadUrl: " + youtube.url("/upload/youtube/v3")
                                + "\noauthUrl: " + youtube.url("/token") + "\nrateLimitPerMinute: 1000\n",
                        "youtube-thu.yml", "type: YOUTUBE\nmode: dry-run\nname: YouTube chạy thử\n",
                        "tiktok.yml", "type: TIKTOK\nmode: live\nname: TikTok Xã Hòa An\nbaseUrl: " + tiktok.baseUrl()
                                + "\nstatusPollIntervalMillis: 0\nrateLimitPerMinute: 1000\n",
                        "tiktok-thu.yml", "type: TIKTOK\nmode: dry-run\nname: TikTok chạy thử\n",
                        "man-hinh.yml", "type: SCREEN\nmode: live\nname: Màn hình hội trường\n",
                        "eportal.yml", "type: EPORTAL\nmode: live\nname: Cổng thông tin xã Hòa An\n")).toString(),
                "herald.content-dir", TestChannels.folder(Map.of()).toString(),
                "herald.portal.public-url", "https://hoa-an.example.vn/",
                "herald.test.clock", "true",
                "herald.test.manual-video-making", "true",
                "herald.test.video-journey-secrets", "true",
                "herald.video-making.title-card", "3s",
                "herald.publishing.scheduler-enabled", "false",
                "herald.upstream.enabled", "false");
    }

    @BeforeAll
    void toolsInstalled() {
        TestVideos.need("VideoChannelsJourneyTest", "ffmpeg", "ffprobe", "espeak-ng");
        TestUsers.ensure(accounts);
        clock.set(MORNING);
    }

    @AfterAll
    void stopFakes() throws IOException {
        youtube.close();
        tiktok.close();
    }

    @Test
    void anApprovedRadioScriptBecomesAVerticalVideoAndGoesToYouTubeTikTokTheScreenAndThePodcast() throws Exception {
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Cài VNeID tại nhà cùng xã Hòa An",
                "Hướng dẫn bà con cài ứng dụng VNeID", null, SCRIPT, null, null, List.of("Chuyển đổi số"), null, null,
                null, "Trung tâm Văn hóa, Thể thao và Truyền thông", null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(infographic()), "infographic-vneid.png",
                "Ba bước cài VNeID", "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");

        // one API call: both shapes are made in the background, the answer comes at once
        HttpResponse<String> accepted = http.toBlocking().exchange(TestUsers.asEditor(HttpRequest.POST(
                "/api/pieces/" + piece.id() + "/videos", "{}")), String.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        long started = System.nanoTime();
        assertEquals(2, videoWork.runAll());
        System.out.printf("VideoChannelsJourneyTest: both shapes made in %.1f s%n", (System.nanoTime() - started) / 1e9);

        JsonNode vertical = videoOf(piece.id(), "VERTICAL");
        assertEquals("READY", vertical.get("status").getStringValue(), vertical.toString());
        Path file = assets.fileOf(assets.findBySha256(sha(vertical.get("videoUrl").getStringValue())).orElseThrow());
        Map<String, String> probe = probe(file);
        assertEquals("1080", probe.get("width"));
        assertEquals("1920", probe.get("height"));
        assertEquals("h264", probe.get("video"));
        assertEquals("aac", probe.get("audio"));
        double speech = speechSeconds();
        assertEquals(TITLE_CARD + speech, Double.parseDouble(probe.get("duration")), 1.0, "title card + the script's speech");
        String captions = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(vertical.get("captionsUrl").getStringValue())));
        assertTrue(captions.startsWith("WEBVTT"), captions);
        assertTrue(captions.contains("Hưởng ứng Ngày Chuyển đổi số quốc gia"), captions);
        System.out.printf("VideoChannelsJourneyTest: vertical MP4 %d bytes, %.1f s (speech %.1f s)%n", Files.size(file),
                Double.parseDouble(probe.get("duration")), speech);

        List<Publication> scheduled = publishing.schedule(piece.id(),
                List.of("youtube", "youtube-thu", "tiktok", "tiktok-thu", "man-hinh", "eportal"), MORNING, "bien-tap");
        for (Publication publication : scheduled) {
            dispatcher.dispatch(publication.id());
            Publication after = publishing.get(publication.id());
            assertEquals(PublicationStatus.PUBLISHED, after.status(), after.channelId() + ": " + after.lastError());
        }

        byte[] upright = Files.readAllBytes(file);
        JsonNode wide = videoOf(piece.id(), "LANDSCAPE");
        byte[] landscape = Files.readAllBytes(assets.fileOf(assets.findBySha256(sha(wide.get("videoUrl").getStringValue())).orElseThrow()));
        assertEquals(1, youtube.videos().size(), "one video on YouTube");
        FakeYouTube.Video onYouTube = youtube.videos().get(0);
        assertArrayEquals(landscape, onYouTube.bytes(), "YouTube received the wide video, byte for byte");
        assertTrue(youtube.captions().stream().anyMatch(track -> track.videoId().equals(onYouTube.id())
                && track.language().equals("vi") && track.file().contains("Chuyển đổi số")), "Vietnamese captions on YouTube");
        assertEquals(1, tiktok.published().size(), "one post on TikTok");
        assertEquals(upright.length, tiktok.published().get(0).size, "TikTok received the vertical video");
        assertEquals("SELF_ONLY", tiktok.published().get(0).postInfo.get("privacy_level"), "an unaudited app posts privately");

        ScreenLoops.Manifest manifest = json.readValue(http.toBlocking().retrieve("/screen/" + screenToken() + "/manifest.json"),
                ScreenLoops.Manifest.class);
        ScreenLoops.Shown slide = manifest.slides().stream().filter(shown -> shown.pieceId() == piece.id()).findFirst()
                .orElseThrow(() -> new AssertionError("the piece is not in the screen's loop: " + manifest));
        assertTrue(slide.video() != null && slide.captions() != null, "the screen plays the made video with captions: " + slide);

        String podcast = http.toBlocking().retrieve("/portal/podcast.xml");
        assertTrue(podcast.contains("<title>Cài VNeID tại nhà cùng xã Hòa An</title>"), podcast);
        assertTrue(podcast.contains("type=\"audio/mpeg\""), "the episode's enclosure is an MP3: " + podcast);
    }

    private JsonNode videoOf(long pieceId, String shape) throws IOException {
        JsonNode listed = json.readValue(http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(
                "/api/pieces/" + pieceId + "/videos"))), JsonNode.class);
        for (JsonNode video : listed.get("videos").values()) {
            if (video.get("shape").getStringValue().equals(shape) && video.get("current").getBooleanValue()) {
                return video;
            }
        }
        throw new AssertionError("no current " + shape + " video in " + listed);
    }

    private String screenToken() {
        String url = loops.addresses().stream().filter(listed -> listed.channelId().equals("man-hinh")).findFirst()
                .orElseThrow().url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String sha(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The speech of the script alone, as espeak-ng makes it (the video's audio after its title card). */
    private static double speechSeconds() throws IOException, InterruptedException {
        Path wav = Files.createTempFile("speech-", ".wav");
        Process espeak = new ProcessBuilder("espeak-ng", "-v", "vi", "-w", wav.toString(), SCRIPT)
                .redirectErrorStream(true).start();
        espeak.getInputStream().readAllBytes();
        assertTrue(espeak.waitFor(60, TimeUnit.SECONDS) && espeak.exitValue() == 0, "espeak-ng failed");
        return Double.parseDouble(probe(wav).get("duration"));
    }

    private static Map<String, String> probe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries",
                "format=duration:stream=codec_type,codec_name,width,height", "-of", "default=noprint_wrappers=1", file.toString())
                .redirectErrorStream(true).start();
        String out;
        try (InputStream stdout = process.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, out);
        Map<String, String> facts = new java.util.HashMap<>();
        String codec = null;
        for (String line : out.split("\n")) {
            String[] pair = line.strip().split("=", 2);
            if (pair.length < 2) {
                continue;
            }
            switch (pair[0]) {
                case "codec_name" -> codec = pair[1];
                case "codec_type" -> facts.put(pair[1], codec);
                case "width", "height", "duration" -> facts.putIfAbsent(pair[0], pair[1]);
                default -> { }
            }
        }
        return facts;
    }

    private static byte[] infographic() {
        BufferedImage image = new BufferedImage(800, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 90, 170));
        g.fillRect(0, 0, 800, 1000);
        g.setColor(Color.WHITE);
        g.fillRect(100, 150, 600, 120);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment an operator sets for the two live video channels. */
    @Singleton
    @Replaces(EnvironmentSecrets.class)
    @Requires(property = "herald.test.video-journey-secrets", value = "true")
    static class JourneySecrets implements Secrets {

        private final Map<String, String> values = Map.of(
                "HERALD_YOUTUBE_CLIENT_ID", FakeYouTube.CLIENT_ID,
                "HERALD_YOUTUBE_CLIENT_SECRET", FakeYouTube.CLIENT_SECRET,
                "HERALD_YOUTUBE_REFRESH_TOKEN", FakeYouTube.REFRESH_TOKEN,
                "HERALD_TIKTOK_CLIENT_KEY", FakeTikTok.CLIENT_KEY,
                "HERALD_TIKTOK_CLIENT_SECRET", FakeTikTok.CLIENT_SECRET,
                "HERALD_TIKTOK_REFRESH_TOKEN", FakeTikTok.FIRST_REFRESH_TOKEN,
                "HERALD_TIKTOK_TOKEN_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

        @Override
        public Optional<String> get(String variable) {
            return Optional.ofNullable(values.get(variable));
        }
    }
}
