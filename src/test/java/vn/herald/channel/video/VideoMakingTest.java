package vn.herald.channel.video;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.channel.loudspeaker.AudioMaker;
import vn.herald.channel.loudspeaker.LoudspeakerSettings;
import vn.herald.channel.loudspeaker.ScriptPayload;
import vn.herald.channel.loudspeaker.Sound;
import vn.herald.content.Asset;
import vn.herald.content.AssetRole;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.unit.Units;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Short videos made from pieces with the real ffmpeg, ffprobe and espeak-ng: what ffprobe reads of them, their
 * WebVTT captions, speech for a piece without a recording, a title card for a piece without pictures, the API's
 * 202 then READY (the background work run by the test, {@link ManualVideoExecutor}), another unit refused, and a new
 * video for a new revision. Without the tools the test is skipped loudly, except under CI=true, where it must run.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoMakingTest implements TestPropertyProvider {

    private static final String QUESTION = "Chuyển đổi số: Người dân được hưởng lợi gì?";
    private static final String SCRIPT = QUESTION + "\nKính thưa bà con, từ tháng này xã Hòa An nhận hồ sơ trực tuyến.";
    private static final double TITLE_CARD = 3.0;
    private static final Pattern TIMING = Pattern.compile("^(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3})$");

    @Inject Pieces pieces;
    @Inject Assets assets;
    @Inject AudioMaker audioMaker;
    @Inject VideoMaker maker;
    @Inject PieceVideos pieceVideos;
    @Inject ManualVideoExecutor executor;
    @Inject Accounts accounts;
    @Inject Units units;
    @Inject JsonMapper json;
    @Inject @Client("/") HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("herald.test.manual-video-making", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.video-making.title-card", "3s",
                "micronaut.server.port", "-1");
    }

    @BeforeAll
    void toolsInstalled() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("ffmpeg", "ffprobe", "espeak-ng")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!Files.isReadable(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))) {
            missing.add("fonts-dejavu-core");
        }
        if (!missing.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + " not installed, and under CI=true the video-making test must run (.ci/run installs them)");
            }
            String message = "SKIPPED VideoMakingTest: " + missing + " not installed (apt-get install ffmpeg espeak-ng fonts-dejavu-core)";
            System.err.println("*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
            Assumptions.abort(message);
        }
        TestUsers.ensure(accounts);
    }

    @Test
    void oneApiCallMakesBothShapesInTheBackgroundWithSpeechAndVietnameseCaptions() throws Exception {
        Piece piece = radio("Chuyển đổi số cho bà con", SCRIPT);
        pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(picture(Color.ORANGE)), "bia.png", null, "bien-tap");
        piece = pieces.get(piece.id());

        HttpResponse<String> accepted = http.toBlocking().exchange(TestUsers.asEditor(HttpRequest.POST(
                "/api/pieces/" + piece.id() + "/videos", "{}")), String.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        JsonNode started = json.readValue(accepted.body(), JsonNode.class);
        assertEquals(2, started.get("videos").size());
        for (JsonNode video : started.get("videos").values()) {
            assertEquals("MAKING", video.get("status").getStringValue(), accepted.body());
        }
        assertEquals(2, executor.waiting(), "nothing was made on the request's thread");

        executor.runAll();
        JsonNode made = videosOf(piece.id());
        double speech = speechSeconds(piece.id(), SCRIPT);
        for (JsonNode video : made.get("videos").values()) {
            assertEquals("READY", video.get("status").getStringValue(), made.toString());
            assertTrue(video.get("current").getBooleanValue());
            Path file = fileOf(video.get("videoUrl").getStringValue());
            assertEquals(Files.size(file), video.get("sizeBytes").getLongValue());
            Probe probe = probe(file);
            boolean vertical = video.get("shape").getStringValue().equals("VERTICAL");
            assertEquals(vertical ? 1080 : 1920, probe.width());
            assertEquals(vertical ? 1920 : 1080, probe.height());
            assertEquals("h264", probe.video());
            assertEquals("aac", probe.audio());
            assertEquals("yuv420p", probe.pixels());
            assertEquals(TITLE_CARD + speech, probe.seconds(), 1.0, "title card + speech");
            assertEquals(probe.seconds(), video.get("seconds").getDoubleValue(), 0.01);

            String captions = fetched(video.get("captionsUrl").getStringValue());
            List<double[]> cues = cueTimes(captions);
            assertTrue(captions.contains(QUESTION), captions);
            assertTrue(captions.contains("Kính thưa bà con"), captions);
            assertEquals(TITLE_CARD, cues.get(0)[0], 0.01, "captions start with the speech, after the title card");
            assertEquals(TITLE_CARD + speech, cues.get(cues.size() - 1)[1], 0.05, "captions end with the speech");
        }
        Optional<PieceVideo> upright = pieceVideos.of(piece, VideoShape.VERTICAL);
        assertTrue(upright.isPresent());
        assertEquals(VideoShape.VERTICAL, upright.get().shape());
        assertNotNull(upright.get().captions());
        assertEquals(piece.coverAssetId(), upright.get().poster().id(), "the cover is the poster");
        assertEquals(VideoShape.LANDSCAPE, pieceVideos.of(piece, VideoShape.LANDSCAPE).orElseThrow().shape());

        // the editors' file address serves the video in ranges, as a browser's player asks for it
        HttpResponse<byte[]> range = http.toBlocking().exchange(TestUsers.asEditor(HttpRequest.GET(
                made.get("videos").get(0).get("videoUrl").getStringValue()).header("Range", "bytes=0-99")), byte[].class);
        assertEquals(HttpStatus.PARTIAL_CONTENT, range.getStatus());
        assertEquals(100, range.body().length);
    }

    @Test
    void aRecordingWithoutPicturesPlaysUnderATitleCardForItsWholeLength() throws Exception {
        Piece piece = radio("Thông báo lịch tiêm chủng", "Thông báo: tiêm chủng mở rộng vào sáng thứ Bảy.");
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(tone(5)), "ban-tin.wav", null, "bien-tap");
        piece = pieces.get(piece.id());

        VideoMaker.Made made = maker.make(piece, VideoShape.VERTICAL);
        Probe probe = probe(assets.fileOf(made.video()));
        assertEquals(TITLE_CARD + 5, probe.seconds(), 1.0, "title card + the recording's 5 s");
        // late in the video, long after the card's 3 s, the card's blue still fills the frame
        Color late = frameColour(assets.fileOf(made.video()), 6.5, 20, 20);
        assertTrue(late.getBlue() > 120 && late.getRed() < 40, "title card colour at 6.5 s: " + late);
    }

    @Test
    void anArticleWithoutAudioGetsSpeechOfItsTextAndItsPicturesAfterTheCard() throws Exception {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Người dân được hưởng lợi gì?", null,
                "<p>" + QUESTION + "</p>", null, null, null, List.of(), null, null, null, null, null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(picture(Color.RED)), "bia-do.png", null, "bien-tap");
        piece = pieces.get(piece.id());

        VideoMaker.Made made = maker.make(piece, VideoShape.LANDSCAPE);
        Probe probe = probe(assets.fileOf(made.video()));
        assertEquals(1920, probe.width());
        assertEquals(TITLE_CARD + speechSeconds(piece.id(), QUESTION), probe.seconds(), 1.0, "duration follows the speech");
        Color picture = frameColour(assets.fileOf(made.video()), TITLE_CARD + 0.5, 960, 200);
        assertTrue(picture.getRed() > 180 && picture.getBlue() < 80, "the red cover after the card: " + picture);
        String vtt = Files.readString(assets.fileOf(made.captions()), StandardCharsets.UTF_8);
        assertTrue(vtt.startsWith("WEBVTT") && vtt.contains(QUESTION), vtt);
    }

    @Test
    void anEditOfAPieceWithVideosMakesTheNewRevisionsVideosAndKeepsTheOldOnes() throws Exception {
        Piece piece = radio("Lịch cắt điện", "Thông báo lịch cắt điện thôn Đông.");
        http.toBlocking().exchange(TestUsers.asEditor(HttpRequest.POST("/api/pieces/" + piece.id() + "/videos",
                "{\"shapes\":[\"VERTICAL\"]}")), String.class);
        executor.runAll();
        JsonNode first = videosOf(piece.id()).get("videos").get(0);
        assertEquals("READY", first.get("status").getStringValue());

        Piece edited = pieces.update(piece.id(), new PieceForm(null, null, null, null, null,
                "Thông báo lịch cắt điện thôn Tây, sáng Chủ nhật.", null, null, null, null, null, null, null,
                piece.revision()), "bien-tap");
        assertEquals(1, executor.waiting(), "the edit queued the new revision's video");
        executor.runAll();

        JsonNode after = videosOf(piece.id());
        assertEquals(2, after.get("videos").size(), after.toString());
        JsonNode newest = after.get("videos").get(0);
        assertEquals(edited.revision(), newest.get("revision").getIntValue());
        assertEquals("READY", newest.get("status").getStringValue());
        assertEquals("VERTICAL", newest.get("shape").getStringValue());
        assertTrue(fetched(newest.get("captionsUrl").getStringValue()).contains("thôn Tây"));
        JsonNode old = after.get("videos").get(1);
        assertEquals(piece.revision(), old.get("revision").getIntValue());
        assertNotEquals(old.get("videoUrl").getStringValue(), newest.get("videoUrl").getStringValue());
        assertTrue(Files.isRegularFile(fileOf(old.get("videoUrl").getStringValue())), "the old revision's file stays");
        assertEquals(newest.get("videoUrl").getStringValue(), "/media/files/"
                + pieceVideos.of(pieces.get(piece.id()), VideoShape.LANDSCAPE).orElseThrow().video().sha256(),
                "the channels get the new revision's video, in the shape there is");
    }

    @Test
    void anotherUnitsEditorAndAReaderAreRefusedAndNothingIsQueued() {
        Piece piece = radio("Tin của Hòa An", "Nội dung riêng của xã Hòa An.");
        if (units.find("xa-khac").isEmpty()) {
            units.create(new Units.UnitForm("xa-khac", "Xã Khác", "Asia/Ho_Chi_Minh", null));
            accounts.create(new Accounts.AccountForm("bien-tap-xa-khac", "Biên tập xã khác", TestUsers.PASSWORD,
                    EnumSet.of(Role.EDITOR), "xa-khac", true));
        }
        HttpClientResponseException other = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/pieces/" + piece.id() + "/videos", "{}")
                        .basicAuth("bien-tap-xa-khac", TestUsers.PASSWORD)));
        assertEquals(HttpStatus.NOT_FOUND, other.getStatus());
        HttpClientResponseException approver = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(TestUsers.asApprover(HttpRequest.POST("/api/pieces/" + piece.id() + "/videos", "{}"))));
        assertEquals(HttpStatus.FORBIDDEN, approver.getStatus());
        assertEquals(0, executor.waiting());
        assertEquals(0, videosOf(piece.id()).get("videos").size());
    }

    @Test
    void aVideoPieceAndAPieceWithNothingToSayAreRefusedInVietnamese() {
        Piece video = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Video có sẵn", null, null, null, null, null,
                List.of(), null, null, null, null, null), "bien-tap");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(TestUsers.asEditor(HttpRequest.POST("/api/pieces/" + video.id() + "/videos", "{}")), String.class));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("video-making-video-piece") && body.contains("Tin này đã là video"), body);

        Piece empty = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Chưa viết gì", null, null, null, null, null,
                List.of(), null, null, null, null, null), "bien-tap");
        HttpClientResponseException silent = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(TestUsers.asEditor(HttpRequest.POST("/api/pieces/" + empty.id() + "/videos", "{}")), String.class));
        assertEquals(HttpStatus.CONFLICT, silent.getStatus());
        String said = silent.getResponse().getBody(String.class).orElse("");
        assertTrue(said.contains("video-making-nothing-to-say") && said.contains("chưa có nội dung để đọc"), said);
    }

    // --- helpers

    private Piece radio(String title, String script) {
        return pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, title, null, null, script, null, null,
                List.of(), null, null, null, null, null), "bien-tap");
    }

    private JsonNode videosOf(long pieceId) {
        try {
            return json.readValue(http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(
                    "/api/pieces/" + pieceId + "/videos")), String.class), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fetched(String url) {
        return new String(http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(url)), byte[].class),
                StandardCharsets.UTF_8);
    }

    private Path fileOf(String url) {
        return assets.fileOf(assets.findBySha256(url.substring(url.lastIndexOf('/') + 1)).orElseThrow());
    }

    /** The speech the loudspeakers make of the text: the maker reuses it from the speech cache. */
    private double speechSeconds(long pieceId, String text) {
        Sound sound = audioMaker.soundOf(new ScriptPayload(pieceId, "", text, null, 0), new LoudspeakerSettings.Speech(
                LoudspeakerSettings.SpeechEngineKind.ESPEAK_NG, "vi", Optional.empty(), Optional.empty(), 120));
        return ((Sound.Audio) sound).duration().toMillis() / 1000.0;
    }

    private static List<double[]> cueTimes(String vtt) {
        assertTrue(vtt.startsWith("WEBVTT\n"), vtt);
        List<double[]> cues = new ArrayList<>();
        for (String line : vtt.split("\n")) {
            if (line.contains("-->")) {
                Matcher m = TIMING.matcher(line);
                assertTrue(m.matches(), line);
                double start = seconds(m, 1);
                double end = seconds(m, 5);
                assertTrue(end > start, line);
                if (!cues.isEmpty()) {
                    assertEquals(cues.get(cues.size() - 1)[1], start, 0.002, "cues follow each other");
                }
                cues.add(new double[] {start, end});
            }
        }
        assertTrue(!cues.isEmpty(), vtt);
        return cues;
    }

    private static double seconds(Matcher m, int group) {
        return Integer.parseInt(m.group(group)) * 3600 + Integer.parseInt(m.group(group + 1)) * 60
                + Integer.parseInt(m.group(group + 2)) + Integer.parseInt(m.group(group + 3)) / 1000.0;
    }

    record Probe(int width, int height, String video, String audio, String pixels, double seconds) {}

    private Probe probe(Path file) throws IOException, InterruptedException {
        String out = run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()));
        JsonNode tree = json.readValue(out, JsonNode.class);
        int width = 0;
        int height = 0;
        String video = null;
        String audio = null;
        String pixels = null;
        for (JsonNode stream : tree.get("streams").values()) {
            if (stream.get("codec_type").getStringValue().equals("video")) {
                width = stream.get("width").getIntValue();
                height = stream.get("height").getIntValue();
                video = stream.get("codec_name").getStringValue();
                pixels = stream.get("pix_fmt").getStringValue();
            } else {
                audio = stream.get("codec_name").getStringValue();
            }
        }
        return new Probe(width, height, video, audio, pixels,
                Double.parseDouble(tree.get("format").get("duration").getStringValue()));
    }

    private static Color frameColour(Path video, double at, int x, int y) throws IOException, InterruptedException {
        Path frame = Files.createTempFile("frame-", ".png");
        try {
            run(List.of("ffmpeg", "-v", "error", "-y", "-ss", String.valueOf(at), "-i", video.toString(), "-frames:v", "1",
                    frame.toString()));
            return new Color(ImageIO.read(frame.toFile()).getRGB(x, y));
        } finally {
            Files.deleteIfExists(frame);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "failed: " + command);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A 5-second 440 Hz tone as a WAV recording. */
    private static byte[] tone(int seconds) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("tone-", ".wav");
        try {
            run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                    wav.toString()));
            return Files.readAllBytes(wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static byte[] picture(Color colour) {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 640, 360);
        g.dispose();
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
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
