package vn.herald.portal;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestVideos;
import vn.herald.channel.Priority;
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
import vn.herald.unit.Units;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's radio pieces as a podcast app reads them: published through the engine on the built-in channel, then
 * the feed is read with Rome's iTunes module and its enclosures fetched, whole and by byte range, without a login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PodcastContract implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z");
    static final String PUBLIC_URL = PortalContract.PUBLIC_URL;
    static final Namespace ITUNES = Namespace.getNamespace("http://www.itunes.com/dtds/podcast-1.0.dtd");

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject TestClock clock;
    @Inject @Client("/") HttpClient http;
    @Inject Units units;
    @Inject Assets assets;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("portal.yml"), "type: EPORTAL\nmode: live\nname: Cổng thông tin điện tử xã Hòa An\n");
            return PortalContract.portalProperties(dir, databaseProperties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void emptyPortal() {
        clock.set(MORNING);
        for (Publication live : publishing.list(new Publishing.Filter(PublicationStatus.PUBLISHED, "portal", null, null, null),
                Pageable.from(0, 500)).getContent()) {
            publishing.cancel(live.id(), "clean slate for the next test", "test");
        }
    }

    // --- pieces, published through the engine

    private Piece aRadioScript(String title, String script, List<String> topics) {
        return pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, title, "Tóm tắt: " + title, null, script, null,
                null, topics, null, null, null, "Đài truyền thanh xã", null), "bien-tap");
    }

    private Piece approved(Piece piece) {
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private void published(Piece piece) {
        Publication publication = publishing.schedule(piece.id(), List.of("portal"), clock.instant(), Priority.NORMAL, true,
                "bien-tap").get(0);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        clock.advance(Duration.ofMinutes(5));
    }

    /** {@code seconds} of silence as 16-bit mono WAV at 8 kHz, a little different each call so each has its own hash. */
    private static byte[] aRecording(int seconds, int mark) {
        int samples = 8000 * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        wav.putShort(44, (short) mark);
        return wav.array();
    }

    /** A 440 Hz tone as a stereo 128 kb/s MP3, made by ffmpeg. */
    private static byte[] anMp3(int seconds) {
        try {
            Path out = Files.createTempFile("herald-recording", ".mp3");
            run(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                    "-ac", "2", "-c:a", "libmp3lame", "-b:a", "128k", out.toString()));
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ffprobe reads of the first audio stream: codec, channels, bit rate and duration. */
    private static Map<String, String> ffprobe(byte[] audio) throws IOException {
        Path file = Files.createTempFile("herald-episode", ".bin");
        Files.write(file, audio);
        String out = run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=codec_name,channels,bit_rate:format=duration,format_name", "-of", "default=noprint_wrappers=1",
                file.toString()));
        Map<String, String> values = new java.util.HashMap<>();
        out.lines().filter(line -> line.contains("=")).forEach(line -> values.put(line.substring(0, line.indexOf('=')),
                line.substring(line.indexOf('=') + 1).strip()));
        return values;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return out;
    }

    // --- HTTP, anonymously

    private String text(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri), String.class);
    }

    private SyndFeed feed(String uri) {
        try {
            return new SyndFeedInput().build(new StringReader(text(uri)));
        } catch (Exception e) {
            throw new AssertionError(uri + " is not a feed Rome can read", e);
        }
    }

    private static String path(String url) {
        assertTrue(url.startsWith(PUBLIC_URL + "/"), url);
        return url.substring(PUBLIC_URL.length());
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    private static EntryInformation itunes(SyndEntry entry) {
        return (EntryInformation) entry.getModule(ITunes.URI);
    }

    // --- the tests

    @Test
    void aRecordedRadioPieceIsAnEpisodeWhoseEnclosureIsExactlyTheFileServed() throws Exception {
        Piece piece = aRadioScript("Bản tin phát thanh tuần 20: tiêm chủng mở rộng",
                "Kính thưa bà con! Trạm y tế xã tổ chức tiêm chủng vào sáng thứ Bảy.", List.of("Y tế"));
        byte[] recording = aRecording(3, 1);
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(recording), "ban-tin.wav", null, "bien-tap");
        published(approved(piece));

        SyndFeed podcast = feed("/portal/podcast.xml");
        assertEquals("Cổng thông tin điện tử xã Hòa An", podcast.getTitle());
        assertEquals("vi", podcast.getLanguage());
        FeedInformation show = (FeedInformation) podcast.getModule(ITunes.URI);
        assertTrue(show.getAuthor().contains("Hòa An"), show.getAuthor());
        assertEquals("Government", show.getCategories().get(0).getName());
        HttpResponse<byte[]> artwork = http.toBlocking().exchange(HttpRequest.GET(path(show.getImageUri())), byte[].class);
        assertEquals("image/png", artwork.getContentType().orElseThrow().toString());
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(artwork.body()));
        assertEquals(List.of(1400, 1400), List.of(cover.getWidth(), cover.getHeight()), "Apple asks for 1400 to 3000 square");

        SyndEntry episode = podcast.getEntries().get(0);
        assertEquals(piece.title(), episode.getTitle());
        assertEquals(PUBLIC_URL + "/portal/bai/" + piece.slug(), episode.getLink());
        SyndEnclosure enclosure = episode.getEnclosures().get(0);
        assertTrue(enclosure.getUrl().endsWith(".wav"), "apps read the format from the address: " + enclosure.getUrl());
        HttpResponse<byte[]> served = http.toBlocking().exchange(HttpRequest.GET(path(enclosure.getUrl())), byte[].class);
        assertArrayEquals(recording, served.body());
        assertEquals(served.body().length, enclosure.getLength());
        assertEquals(served.getContentType().orElseThrow().toString(), enclosure.getType());
        assertEquals("audio/wav", enclosure.getType());
        assertEquals(3000, itunes(episode).getDuration().getMilliseconds());

        // Apple's spelling of the flags, read from the XML itself
        Element channel = new SAXBuilder().build(new StringReader(text("/portal/podcast.xml")))
                .getRootElement().getChild("channel");
        assertEquals("false", channel.getChildText("explicit", ITUNES));
        assertEquals("false", channel.getChild("item").getChildText("explicit", ITUNES));
        assertEquals("00:00:03", channel.getChild("item").getChildText("duration", ITUNES));
        assertTrue(channel.getChild("item").getChildText("pubDate").endsWith("+0700"), "dates in the unit's zone");
    }

    @Test
    void aScriptWithoutARecordingIsSpokenAndServedAsAnMp3WhoseLengthAndDurationAreThoseOfTheFile() throws Exception {
        TestVideos.needFfmpeg("PodcastContract's MP3 speech");
        Piece piece = aRadioScript("Thông báo lịch thu gom rác thải",
                "Kính thưa bà con, từ tuần sau xe thu gom rác đi qua các thôn vào sáng thứ Hai và thứ Năm.", List.of());
        published(approved(piece));

        SyndEntry episode = feed("/portal/podcast.xml").getEntries().get(0);
        SyndEnclosure enclosure = episode.getEnclosures().get(0);
        assertTrue(enclosure.getUrl().endsWith(".mp3"), enclosure.getUrl());
        HttpResponse<byte[]> served = http.toBlocking().exchange(HttpRequest.GET(path(enclosure.getUrl())), byte[].class);
        byte[] speech = served.body();
        assertEquals(speech.length, enclosure.getLength(), "the enclosure's length is the bytes served");
        assertEquals("audio/mpeg", enclosure.getType());
        assertEquals("audio/mpeg", served.getContentType().orElseThrow().toString());

        Map<String, String> probe = ffprobe(speech);
        assertEquals("mp3", probe.get("codec_name"), probe.toString());
        assertEquals("1", probe.get("channels"), "speech is mono");
        assertEquals(64000, Integer.parseInt(probe.get("bit_rate")), 2000, "64 kb/s is plenty for speech");
        long millis = Math.round(Double.parseDouble(probe.get("duration")) * 1000);
        assertTrue(millis > 1000, "a sentence takes seconds to say: " + millis);
        assertTrue(Math.abs(itunes(episode).getDuration().getMilliseconds() - millis) < 1000,
                itunes(episode).getDuration().getMilliseconds() + " against " + millis);

        HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET(path(enclosure.getUrl()))
                .header("Range", "bytes=10-109"), byte[].class);
        assertEquals(HttpStatus.PARTIAL_CONTENT, part.getStatus());
        assertArrayEquals(Arrays.copyOfRange(speech, 10, 110), part.body());
        assertEquals("bytes 10-109/" + speech.length, part.header("Content-Range"));

        SyndEnclosure again = feed("/portal/podcast.xml").getEntries().get(0).getEnclosures().get(0);
        assertEquals(enclosure.getUrl(), again.getUrl(), "converted once and kept: the same file at the same address");
    }

    @Test
    void aRecordedMp3IsServedAsItWasUploaded() {
        TestVideos.needFfmpeg("PodcastContract's MP3 recording");
        Piece piece = aRadioScript("Bản tin phòng chống lừa đảo qua mạng",
                "Kính thưa bà con, không bấm vào đường link lạ.", List.of());
        byte[] recording = anMp3(2);
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(recording), "lua-dao.mp3", null, "bien-tap");
        published(approved(piece));

        SyndEnclosure enclosure = feed("/portal/podcast.xml").getEntries().get(0).getEnclosures().get(0);
        assertTrue(enclosure.getUrl().endsWith(".mp3"), enclosure.getUrl());
        HttpResponse<byte[]> served = http.toBlocking().exchange(HttpRequest.GET(path(enclosure.getUrl())), byte[].class);
        assertArrayEquals(recording, served.body());
        assertEquals(recording.length, enclosure.getLength());
        assertEquals("audio/mpeg", enclosure.getType());
    }

    @Test
    void anEpisodeKeepsItsGuidWhenThePieceIsEditedAndPublishedAgain() {
        Piece piece = aRadioScript("Lịch tiếp công dân tháng 6", "Kính thưa bà con, lịch tiếp công dân tháng 6 như sau.", List.of());
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(1, 2)), "lich.wav", null, "bien-tap");
        published(approved(piece));
        SyndEntry first = feed("/portal/podcast.xml").getEntries().get(0);

        pieces.update(piece.id(), new PieceForm(null, null, "Lịch tiếp công dân tháng 6 (đã sửa giờ)", null, null, null, null,
                null, null, null, null, null, null, pieces.get(piece.id()).revision()), "bien-tap");
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(2, 3)), "lich-sua.wav", null, "bien-tap");
        published(approved(pieces.get(piece.id())));

        List<SyndEntry> entries = feed("/portal/podcast.xml").getEntries();
        assertEquals(1, entries.size(), "one episode, not a second one for the edit");
        SyndEntry edited = entries.get(0);
        assertEquals("Lịch tiếp công dân tháng 6 (đã sửa giờ)", edited.getTitle());
        assertEquals(first.getUri(), edited.getUri());
        assertNotEquals(first.getEnclosures().get(0).getUrl(), edited.getEnclosures().get(0).getUrl());
        assertEquals(2000, itunes(edited).getDuration().getMilliseconds());
    }

    @Test
    void onlyTheUnitsLiveRadioPiecesAreEpisodesAndEachSectionHasItsOwnPodcast() {
        Piece health = aRadioScript("Phòng chống sốt xuất huyết", "Bà con hãy diệt lăng quăng, bọ gậy.", List.of("Y tế"));
        pieces.attach(health.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(1, 4)), "sxh.wav", null, "bien-tap");
        published(approved(health));
        Piece digital = aRadioScript("Cài đặt VNeID mức 2", "Bà con mang căn cước đến nhà văn hóa thôn.", List.of("Chuyển đổi số"));
        pieces.attach(digital.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(1, 5)), "vneid.wav", null, "bien-tap");
        published(approved(digital));
        Piece article = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Bài viết không phải phát thanh", "Tóm tắt",
                "<p>Nội dung</p>", null, null, null, List.of("Y tế"), null, null, null, "Ban biên tập", null), "bien-tap");
        published(approved(article));
        Piece draft = aRadioScript("Bản tin chưa duyệt", "Chưa được phát.", List.of("Y tế"));
        pieces.attach(draft.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(1, 6)), "nhap.wav", null, "bien-tap");
        String otherUnit = "xa-khac-" + UUID.randomUUID().toString().substring(0, 8);
        units.create(new Units.UnitForm(otherUnit, "Xã Khác", "Asia/Ho_Chi_Minh", null));
        Piece elsewhere = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, otherUnit, "Bản tin phát thanh của xã khác",
                null, null, "Bản tin của đơn vị khác.", null, null, List.of("Y tế"), null, null, null, null, null), "bien-tap");
        pieces.attach(elsewhere.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(1, 9)), "khac.wav", null, "bien-tap");
        published(approved(elsewhere));
        String elsewhereAudio = PodcastEpisodes.AUDIO_PATH + elsewhere.slug() + "/"
                + assets.find(pieces.get(elsewhere.id()).audioAssetId()).orElseThrow().sha256() + ".wav";

        assertEquals(List.of(digital.title(), health.title()), titles(feed("/portal/podcast.xml")));
        SyndFeed section = feed("/portal/chuyen-muc/y-te/podcast.xml");
        assertEquals("Cổng thông tin điện tử xã Hòa An - Y tế", section.getTitle());
        assertEquals(List.of(health.title()), titles(section));
        assertEquals("/portal/chuyen-muc/y-te/podcast.xml", Jsoup.parse(text("/portal/chuyen-muc/y-te"))
                .selectFirst("link[rel=alternate][type=application/rss+xml][title=Podcast]").attr("href"));
        assertEquals("/portal/podcast.xml", Jsoup.parse(text("/portal"))
                .selectFirst("link[rel=alternate][type=application/rss+xml][title=Podcast]").attr("href"));

        String withdrawnAudio = path(feed("/portal/chuyen-muc/y-te/podcast.xml").getEntries().get(0).getEnclosures().get(0).getUrl());
        publishing.list(new Publishing.Filter(PublicationStatus.PUBLISHED, "portal", null, null, null), Pageable.from(0, 50))
                .getContent().stream().filter(p -> p.pieceId() == health.id())
                .forEach(p -> publishing.cancel(p.id(), "gỡ xuống", "test"));
        assertEquals(List.of(), titles(feed("/portal/chuyen-muc/y-te/podcast.xml")));
        HttpClientResponseException gone = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(withdrawnAudio), byte[].class));
        assertEquals(HttpStatus.NOT_FOUND, gone.getStatus(), "a withdrawn episode's audio is no longer served");
        HttpClientResponseException foreign = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(elsewhereAudio), byte[].class));
        assertEquals(HttpStatus.NOT_FOUND, foreign.getStatus(), "another unit's radio piece is no episode here");
    }

    @Test
    void theAudioIsServedByByteRangeAndTheFeedAnswers304WhenUnchanged() {
        Piece piece = aRadioScript("Bản tin an ninh trật tự", "Bà con cảnh giác với lừa đảo qua điện thoại.", List.of());
        byte[] recording = aRecording(2, 7);
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(recording), "an-ninh.wav", null, "bien-tap");
        published(approved(piece));
        String audio = path(feed("/portal/podcast.xml").getEntries().get(0).getEnclosures().get(0).getUrl());

        HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET(audio).header("Range", "bytes=100-1099"), byte[].class);
        assertEquals(HttpStatus.PARTIAL_CONTENT, part.getStatus());
        assertArrayEquals(Arrays.copyOfRange(recording, 100, 1100), part.body());
        assertEquals("bytes 100-1099/" + recording.length, part.header("Content-Range"));
        assertEquals("bytes", http.toBlocking().exchange(HttpRequest.GET(audio), byte[].class).header("Accept-Ranges"));

        HttpResponse<String> full = http.toBlocking().exchange(HttpRequest.GET("/portal/podcast.xml"), String.class);
        String etag = full.header("ETag");
        assertEquals(HttpStatus.NOT_MODIFIED, http.toBlocking().exchange(HttpRequest.GET("/portal/podcast.xml")
                .header("If-None-Match", etag), String.class).getStatus());
        assertEquals(HttpStatus.NOT_MODIFIED, http.toBlocking().exchange(HttpRequest.GET("/portal/podcast.xml")
                .header("If-Modified-Since", full.header("Last-Modified")), String.class).getStatus());

        Piece next = aRadioScript("Bản tin an ninh trật tự tuần sau", "Bà con tiếp tục cảnh giác.", List.of());
        pieces.attach(next.id(), AssetRole.AUDIO, new ByteArrayInputStream(aRecording(1, 8)), "an-ninh-2.wav", null, "bien-tap");
        published(approved(next));
        HttpResponse<String> changed = http.toBlocking().exchange(HttpRequest.GET("/portal/podcast.xml")
                .header("If-None-Match", etag), String.class);
        assertEquals(HttpStatus.OK, changed.getStatus(), "a new episode is a new feed");
    }
}
