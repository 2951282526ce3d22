package vn.herald.broadcast;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.support.Folders;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.ChannelFiles;
import vn.herald.channel.Priority;
import vn.herald.channel.loudspeaker.ProgrammeFiles;
import vn.herald.content.AssetRole;
import vn.herald.content.FileOutcome;
import vn.herald.content.LibraryFiles;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loudspeaker programmes through the publishing engine, on every database: the dispatcher is driven by hand and the
 * clock is set, as in the dispatch contract. The channel {@code loa} drops files and reads live (no speech engine),
 * so durations are the scripts' read times; {@code loa-push} pushes to a fake broadcast server and speaks through a
 * fake text-to-speech service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoudspeakerContract implements TestPropertyProvider {

    /** Monday 17 May 2027, 08:00 in Hanoi. */
    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z");
    /** The 17:00 session of that day (two minutes long in the test channel). */
    static final Instant EVENING = Instant.parse("2027-05-17T10:00:00Z");

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject TestClock clock;
    @Inject Folders folders;
    @Inject JsonMapper json;
    @Inject ChannelFiles channelFiles;
    @Inject Accounts accounts;
    @Inject @Client("/") HttpClient http;

    final MockWebServer broadcastServer = new MockWebServer();
    final MockWebServer speechService = new MockWebServer();

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            broadcastServer.start();
            speechService.start();
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("loa.yml"), TestChannels.fileDropLoudspeaker(2, 2, "05:30", "17:00"));
            Files.writeString(dir.resolve("loa-push.yml"), """
                    type: LOUDSPEAKER
                    mode: live
                    name: Truyền thanh qua máy chủ
                    delivery: http-push
                    pushUrl: %s
                    stations:
                      - code: thon-bac
                        name: Cụm loa thôn Bắc
                    sessions:
                      - days: [MON, TUE, WED, THU, FRI, SAT, SUN]
                        start: "17:00"
                        minutes: 30
                    tts:
                      engine: http
                      url: %s
                    """.formatted(broadcastServer.url("/api/v1"), speechService.url("/speak")));
            Files.writeString(dir.resolve("loa-thu.yml"), """
                    type: LOUDSPEAKER
                    mode: dry-run
                    name: Truyền thanh chạy thử
                    stations:
                      - code: thon-nam
                    sessions:
                      - days: [MON, TUE, WED, THU, FRI, SAT, SUN]
                        start: "17:00"
                        minutes: 30
                    tts:
                      engine: none
                    """);
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopServers() throws IOException {
        broadcastServer.shutdown();
        speechService.shutdown();
    }

    @BeforeEach
    void morning() {
        clock.set(MORNING);
        TestUsers.ensure(accounts);
    }

    // --- helpers

    private Piece anApprovedScript(String title, String script) {
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, title, null, null, script, null, null,
                null, null, null, null, null, null), "bien-tap");
        return approved(piece);
    }

    private Piece approved(Piece piece) {
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private Publication scheduled(Piece piece, String channel, Instant at, Priority priority) {
        // a loudspeaker plays an item again on purpose: several tests put one piece in several sessions
        return publishing.schedule(piece.id(), List.of(channel), at, priority, true, "bien-tap").get(0);
    }

    /** The day's evening session is on a new day per test, so tests never share a session. */
    private Instant day(int offset, Instant at) {
        return at.plus(Duration.ofDays(offset));
    }

    private Path sessionFolder(String station, String session) {
        return folders.dataDir().resolve("loa").resolve(station).resolve(session);
    }

    private ProgrammeFiles.Manifest manifest(String station, String session) {
        try {
            return json.readValue(Files.readAllBytes(sessionFolder(station, session).resolve(ProgrammeFiles.MANIFEST)),
                    ProgrammeFiles.Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Long> itemIds(ProgrammeFiles.Manifest manifest) {
        return manifest.items().stream().map(ProgrammeFiles.ManifestItem::publicationId).toList();
    }

    private void sendAt(Instant at, Publication publication) {
        clock.set(at);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()), "sent without a retry");
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
    }

    // --- tests

    @Test
    void aPublicationLandsInTheNextSessionAndExpiresAtItsEnd() {
        Piece piece = anApprovedScript("Lịch tiêm chủng tháng 5", Sounds.syllables(30));
        assertEquals(EVENING.plusSeconds(120), scheduled(piece, "loa", MORNING, Priority.NORMAL).deadline());
        assertEquals(EVENING.plusSeconds(120), scheduled(piece, "loa", EVENING, Priority.NORMAL).deadline(),
                "a publication planned right at a session's start is in it");
        Instant nextMorning = Instant.parse("2027-05-17T22:30:00Z"); // 05:30 on Tuesday in Hanoi
        assertEquals(nextMorning.plusSeconds(120), scheduled(piece, "loa", EVENING.plusSeconds(1), Priority.NORMAL).deadline());
    }

    @Test
    void aSessionPlaysPriorityItemsFirstThenByPlannedTimeAndEveryResendReplacesIt() throws IOException {
        Instant morning = day(1, MORNING);
        Publication early = scheduled(anApprovedScript("Thông báo thu thuế đất", Sounds.syllables(30)), "loa", morning, Priority.NORMAL);
        Publication later = scheduled(anApprovedScript("Lịch cắt điện thôn Đông", Sounds.syllables(30)), "loa",
                morning.plusSeconds(600), Priority.NORMAL);
        Publication urgent = scheduled(anApprovedScript("Phòng chống bão số 2", Sounds.syllables(30)), "loa",
                morning.plusSeconds(1200), Priority.PRIORITY);

        sendAt(morning, early);
        sendAt(morning.plusSeconds(600), later);
        sendAt(morning.plusSeconds(1200), urgent);

        String session = "2027-05-18_1700";
        for (String station : List.of("thon-dong", "thon-tay")) {
            ProgrammeFiles.Manifest manifest = manifest(station, session);
            assertEquals(List.of(urgent.id(), early.id(), later.id()), itemIds(manifest), "priority first, then by planned time, once each");
            assertEquals(List.of(Priority.PRIORITY, Priority.NORMAL, Priority.NORMAL),
                    manifest.items().stream().map(ProgrammeFiles.ManifestItem::priority).toList());
            assertEquals(30.0, manifest.totalSeconds(), 0.001, "three scripts of 10 s each");
            assertEquals(90.0, manifest.freeSeconds(), 0.001);
        }
        Path stationFolder = folders.dataDir().resolve("loa/thon-dong");
        try (Stream<Path> entries = Files.list(stationFolder)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.stream().filter(name -> name.startsWith("2027-05-18")).count(), "one folder per session: " + names);
            assertEquals(List.of(".builds"), names.stream().filter(name -> name.startsWith(".")).toList(), "no temporary leftovers");
        }
        try (Stream<Path> builds = Files.list(stationFolder.resolve(".builds"))) {
            assertTrue(builds.filter(build -> build.getFileName().toString().startsWith(session)).count() <= 2,
                    "the current build and the one before it");
        }
        String playlist = Files.readString(sessionFolder("thon-dong", session).resolve(ProgrammeFiles.PLAYLIST), StandardCharsets.UTF_8);
        assertTrue(playlist.startsWith("#EXTM3U\n"), playlist);
        assertTrue(playlist.contains("# ĐỌC TRỰC TIẾP (khoảng 10 giây): Phòng chống bão số 2 - kịch bản: 01-p" + urgent.id() + ".txt"), playlist);
        String script = Files.readString(sessionFolder("thon-dong", session).resolve("01-p" + urgent.id() + ".txt"), StandardCharsets.UTF_8);
        assertTrue(script.startsWith("Phòng chống bão số 2\n\nbà con thôn Đông"), script);
        assertEquals(LibraryFiles.sha256(script.getBytes(StandardCharsets.UTF_8)), manifest("thon-dong", session).items().get(0).sha256());
        Publication warned = publishing.get(urgent.id());
        assertTrue(warned.warning().contains("đọc trực tiếp, khoảng 10 giây"), warned.warning());
    }

    @Test
    void whatDoesNotFitMovesToTheNextSessionWithAWarning() {
        Instant morning = day(2, MORNING);
        Publication first = scheduled(anApprovedScript("Tin thứ nhất", Sounds.syllables(150)), "loa", morning, Priority.NORMAL);
        sendAt(morning, first);
        Publication second = scheduled(anApprovedScript("Tin thứ hai", Sounds.syllables(150)), "loa", morning, Priority.NORMAL);
        Publication waiting = scheduled(anApprovedScript("Tin thứ ba", Sounds.syllables(60)), "loa", morning, Priority.NORMAL);
        Publication urgent = scheduled(anApprovedScript("Tin ưu tiên", Sounds.syllables(150)), "loa", morning.plusSeconds(60), Priority.PRIORITY);

        clock.set(morning.plusSeconds(60));
        Instant sessionEnd = day(2, EVENING).plusSeconds(120);
        Optional<Instant> retry = dispatcher.dispatch(urgent.id());
        // 50 s already went out; the priority item takes 50 s more; neither 50 s nor 20 s then fits in what is left
        String session = "2027-05-19_1700";
        assertEquals(List.of(urgent.id(), first.id()), itemIds(manifest("thon-dong", session)));
        Publication movedSecond = publishing.get(second.id());
        assertEquals(PublicationStatus.SCHEDULED, movedSecond.status());
        assertEquals(sessionEnd, movedSecond.plannedAt());
        assertEquals(Instant.parse("2027-05-19T22:32:00Z"), movedSecond.deadline(), "the end of the next morning's session");
        assertTrue(movedSecond.warning().contains("đã chuyển sang phiên 05:30 ngày 20/05/2027"), movedSecond.warning());
        assertEquals(sessionEnd, publishing.get(waiting.id()).plannedAt(), "nothing jumps ahead of an item that did not fit");
        assertTrue(retry.isEmpty());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(urgent.id()).status());

        sendAt(sessionEnd, movedSecond);
        assertEquals(List.of(second.id(), waiting.id()), itemIds(manifest("thon-dong", "2027-05-20_0530")),
                "both moved items join the next session");
    }

    @Test
    void anItemThatArrivesAtAFullSessionWaitsForTheNextOne() {
        Instant morning = day(3, MORNING);
        Publication first = scheduled(anApprovedScript("Tin dài một", Sounds.syllables(300)), "loa", morning, Priority.NORMAL);
        sendAt(morning, first);
        Publication late = scheduled(anApprovedScript("Tin đến muộn", Sounds.syllables(90)), "loa", morning.plusSeconds(60), Priority.NORMAL);
        clock.set(morning.plusSeconds(60));
        Instant sessionEnd = day(3, EVENING).plusSeconds(120);
        Instant next = dispatcher.dispatch(late.id()).orElseThrow();
        Publication waiting = publishing.get(late.id());
        assertEquals(PublicationStatus.RETRY_WAIT, waiting.status());
        assertEquals(sessionEnd, waiting.plannedAt());
        assertTrue(!next.isBefore(sessionEnd) && next.isBefore(waiting.deadline()), next.toString());
        assertTrue(waiting.warning().contains("không còn đủ thời lượng"), waiting.warning());

        clock.set(next);
        assertEquals(Optional.empty(), dispatcher.dispatch(late.id()));
        assertEquals(List.of(late.id()), itemIds(manifest("thon-dong", "2027-05-21_0530")));
    }

    @Test
    void anEmergencyGoesOutAtOnceOutsideTheSessions() {
        Instant morning = day(4, MORNING);
        Publication emergency = scheduled(anApprovedScript("Khẩn cấp: lũ quét", Sounds.syllables(30)), "loa", morning, Priority.EMERGENCY);
        sendAt(morning, emergency);
        ProgrammeFiles.Manifest manifest = manifest("thon-tay", "emergency-" + emergency.id());
        assertTrue(manifest.emergency());
        assertEquals(List.of(emergency.id()), itemIds(manifest));
        assertFalse(Files.exists(sessionFolder("thon-tay", "2027-05-21_1700")), "the evening session is not touched");
    }

    @Test
    void aRecordingIsPlayedWithItsMeasuredLength() throws IOException {
        Instant morning = day(5, MORNING);
        byte[] recording = Sounds.wav(3.0);
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Bản tin có thu âm", null, null,
                Sounds.syllables(600), null, null, null, null, null, null, null, null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(recording), "ban-tin.wav", null, "bien-tap");
        Publication publication = scheduled(approved(piece), "loa", morning, Priority.NORMAL);
        sendAt(morning, publication);

        String session = "2027-05-22_1700";
        ProgrammeFiles.ManifestItem item = manifest("thon-dong", session).items().get(0);
        assertEquals("audio", item.mode());
        assertEquals("recording", item.source());
        assertEquals(3.0, item.durationSeconds(), 0.01);
        assertEquals(LibraryFiles.sha256(recording), item.sha256());
        assertEquals("01-p" + publication.id() + ".wav", item.file());
        assertEquals(LibraryFiles.sha256(Files.readAllBytes(sessionFolder("thon-dong", session).resolve(item.file()))), item.sha256());
        String playlist = Files.readString(sessionFolder("thon-dong", session).resolve(ProgrammeFiles.PLAYLIST), StandardCharsets.UTF_8);
        assertTrue(playlist.contains("#EXTINF:3,Bản tin có thu âm\n01-p" + publication.id() + ".wav\n"), playlist);
        assertNull(publishing.get(publication.id()).warning());
    }

    @Test
    void thePlayoutUserCanReadEveryFileAndFolderOfADroppedProgramme() throws IOException {
        Instant morning = day(14, MORNING);
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Bản tin thu âm cho loa", null, null,
                Sounds.syllables(60), null, null, null, null, null, null, null, null), "bien-tap");
        // stored uploads are 0600: the copy in the station folder must not keep that
        pieces.attach(piece.id(), AssetRole.AUDIO, new ByteArrayInputStream(Sounds.wav(2.0)), "ban-tin.wav", null, "bien-tap");
        Publication publication = scheduled(approved(piece), "loa", morning, Priority.NORMAL);
        sendAt(morning, publication);

        Path drop = folders.dataDir().resolve("loa");
        Path audio = sessionFolder("thon-dong", "2027-05-31_1700").resolve("01-p" + publication.id() + ".wav");
        assertTrue(Files.isRegularFile(audio), "the recording is dropped as audio");
        List<String> wrong;
        try (Stream<Path> all = Files.walk(drop)) {
            wrong = all.filter(path -> !Files.isSymbolicLink(path))
                    .filter(path -> !modeOf(path).equals(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"))
                    .map(path -> drop.relativize(path) + " " + modeOf(path)).toList();
        }
        assertEquals(List.of(), wrong, "files 0644 and folders 0755 under the drop folder");
    }

    private static String modeOf(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoItemsOfOneSessionSentAtOnceBothEndUpInIt() throws Exception {
        Instant morning = day(6, MORNING);
        Publication one = scheduled(anApprovedScript("Tin song song một", Sounds.syllables(30)), "loa", morning, Priority.NORMAL);
        Publication two = scheduled(anApprovedScript("Tin song song hai", Sounds.syllables(30)), "loa", morning, Priority.NORMAL);
        clock.set(morning);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Instant>> a = pool.submit(() -> dispatcher.dispatch(one.id()));
            Future<Optional<Instant>> b = pool.submit(() -> dispatcher.dispatch(two.id()));
            assertEquals(Optional.empty(), a.get(30, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(one.id(), two.id()), itemIds(manifest("thon-dong", "2027-05-23_1700")));
    }

    @Test
    void aBroadcastServerGetsEachSessionAsOneMultipartPutThatASecondSendReplaces() throws Exception {
        Instant morning = day(7, MORNING);
        byte[] spoken = Sounds.wav(2.0);
        for (int i = 0; i < 2; i++) {
            speechService.enqueue(new MockResponse().setHeader("Content-Type", "audio/wav").setBody(new Buffer().write(spoken)));
            broadcastServer.enqueue(new MockResponse().setResponseCode(204));
        }
        Publication first = scheduled(anApprovedScript("Chúc mừng ngày Khoa học và Công nghệ", "Kính thưa bà con."), "loa-push",
                morning, Priority.NORMAL);
        Publication second = scheduled(anApprovedScript("Mời dự lớp bình dân học vụ số", "Kính mời bà con."), "loa-push",
                morning.plusSeconds(60), Priority.NORMAL);
        sendAt(morning, first);
        RecordedRequest speech = speechService.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("POST", speech.getMethod());
        assertEquals("Kính thưa bà con.", speech.getBody().readUtf8());

        RecordedRequest push = broadcastServer.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("PUT", push.getMethod());
        assertEquals("/api/v1/stations/thon-bac/sessions/2027-05-24_1700", push.getPath());
        assertTrue(push.getHeader("Content-Type").startsWith("multipart/form-data"), push.getHeader("Content-Type"));
        String body = push.getBody().readString(StandardCharsets.UTF_8);
        assertTrue(body.contains("name=\"manifest\"; filename=\"manifest.json\""), body.substring(0, 400));
        assertTrue(body.contains("name=\"playlist\"; filename=\"playlist.m3u8\""));
        assertTrue(body.contains("name=\"file\"; filename=\"01-p" + first.id() + ".wav\""));
        assertTrue(body.contains("#EXTINF:2,Chúc mừng ngày Khoa học và Công nghệ"), "titles stay Vietnamese in UTF-8");
        assertTrue(body.contains("\"source\":\"http-tts\""));
        assertEquals("2027-05-24_1700", publishing.get(first.id()).externalId());

        sendAt(morning.plusSeconds(60), second);
        speechService.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest again = broadcastServer.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/api/v1/stations/thon-bac/sessions/2027-05-24_1700", again.getPath(), "the same address: replaced, not added");
        String replaced = again.getBody().readString(StandardCharsets.UTF_8);
        assertTrue(replaced.contains("01-p" + first.id() + ".wav") && replaced.contains("02-p" + second.id() + ".wav"));
    }

    @Test
    void aBroadcastServerThatRefusesTheKeyPausesTheChannelAndAnOutageIsRetried() throws Exception {
        Instant morning = day(8, MORNING);
        speechService.enqueue(new MockResponse().setResponseCode(500));
        broadcastServer.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "120"));
        Publication publication = scheduled(anApprovedScript("Tin gặp sự cố", "Kính báo bà con sự cố."), "loa-push", morning, Priority.NORMAL);
        clock.set(morning);
        assertEquals(Optional.of(morning.plusSeconds(120)), dispatcher.dispatch(publication.id()));
        Publication waiting = publishing.get(publication.id());
        assertEquals(PublicationStatus.RETRY_WAIT, waiting.status());
        assertTrue(waiting.warning().contains("đọc trực tiếp"), "the speech service failed, so the item is read live");
        speechService.takeRequest(5, TimeUnit.SECONDS);
        broadcastServer.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void theSessionListShowsItemsTotalsAndFreeTime() {
        Map<String, Object> created = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.POST("/api/publications",
                Map.of("pieceId", anApprovedScript("Tin qua API", Sounds.syllables(45)).id(), "channelId", "loa",
                        "plannedAt", "2027-05-26T08:00:00+07:00", "priority", "PRIORITY"))), Argument.mapOf(String.class, Object.class));
        Map<?, ?> publication = (Map<?, ?>) ((List<?>) created.get("items")).get(0);
        assertEquals("PRIORITY", publication.get("priority"));

        Map<String, Object> listed = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(
                "/api/loudspeaker/sessions?from=2027-05-26&to=2027-05-27")), Argument.mapOf(String.class, Object.class));
        List<?> sessions = (List<?>) listed.get("items");
        Map<?, ?> evening = sessions.stream().map(s -> (Map<?, ?>) s)
                .filter(s -> s.get("channelId").equals("loa") && s.get("session").equals("2027-05-26_1700")).findFirst().orElseThrow();
        assertEquals(120, ((Number) evening.get("lengthSeconds")).intValue());
        assertEquals(15.0, ((Number) evening.get("totalSeconds")).doubleValue(), 0.001);
        assertEquals(105.0, ((Number) evening.get("freeSeconds")).doubleValue(), 0.001);
        Map<?, ?> item = (Map<?, ?>) ((List<?>) evening.get("items")).get(0);
        assertEquals("Tin qua API", item.get("title"));
        assertEquals("PRIORITY", item.get("priority"));
        assertEquals("read-live", item.get("mode"));
        assertEquals(2, sessions.stream().filter(s -> ((Map<?, ?>) s).get("channelId").equals("loa")).count(), "05:30 and 17:00");

        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                TestUsers.asEditor(HttpRequest.GET("/api/loudspeaker/sessions?from=26/05/2027")), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(bad.getResponse().getBody(String.class).orElse("").contains("“26/05/2027” không phải ngày"));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/loudspeaker/sessions"), String.class)).getStatus());
    }

    @Test
    void aDryRunChannelKeepsThePlaylistItWouldHaveWrittenAndWritesNothing() {
        Instant morning = day(10, MORNING);
        Publication publication = scheduled(anApprovedScript("Tin chạy thử", Sounds.syllables(30)), "loa-thu", morning, Priority.NORMAL);
        sendAt(morning, publication);
        String request = publishing.get(publication.id()).dryRunRequest();
        assertTrue(request.contains("\"WRITE\"") && request.contains("thon-nam/2027-05-27_1700"), request);
        assertTrue(request.contains("ĐỌC TRỰC TIẾP (khoảng 10 giây): Tin chạy thử"), request);
        assertFalse(Files.exists(folders.dataDir().resolve("loudspeaker/thon-nam")), "nothing written");
    }

    /** Every report format, the publication in the API and the dry-run request, as text (a Word file's XML inside). */
    private String everythingShownOf(Publication sent, Publication tried) throws IOException {
        StringBuilder shown = new StringBuilder();
        shown.append(http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET("/api/publications/" + sent.id()))));
        shown.append(http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET("/api/publications/" + tried.id()))));
        for (String format : List.of("json", "html", "csv")) {
            shown.append(http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET("/api/reports?period=2027&format=" + format))));
        }
        byte[] docx = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET("/api/reports?period=2027&format=docx")), byte[].class);
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                shown.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return shown.toString();
    }

    @Test
    void noPathOfTheServerShowsWhereAProgrammeWasDroppedOrWouldHaveBeen() throws IOException {
        Instant morning = day(12, MORNING);
        Publication sent = scheduled(anApprovedScript("Tin đã đưa vào loa", Sounds.syllables(30)), "loa", morning, Priority.NORMAL);
        Publication tried = scheduled(anApprovedScript("Tin thử đưa vào loa", Sounds.syllables(30)), "loa-thu", morning, Priority.NORMAL);
        sendAt(morning, sent);
        sendAt(morning, tried);
        assertEquals("2027-05-29_1700", publishing.get(sent.id()).externalId(), "the session it went into");

        String shown = everythingShownOf(sent, tried);
        assertTrue(shown.contains("Tin đã đưa vào loa") && shown.contains("thon-nam/2027-05-29_1700"), "what was sent is listed");
        assertFalse(shown.contains("file:"), shown);
        assertFalse(shown.contains(folders.dataDir().toAbsolutePath().normalize().toString()), shown);
    }

    @Test
    void anUnknownPriorityIsRefused() {
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                TestUsers.asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", anApprovedScript("Tin sai mức",
                        Sounds.syllables(3)).id(), "channelId", "loa", "plannedAt", "2027-05-28T08:00:00+07:00",
                        "priority", "KHAN"))), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
    }

    @Test
    void aBrokenChannelFileIsReportedWithItsFileLineAndKey() throws IOException {
        Path dir = Files.createTempDirectory("herald-broken-channels");
        // the other channels' files stay, or the import would pause their channels as removed
        for (String id : List.of("loa", "loa-push", "loa-thu")) {
            Files.copy(folders.channelsDir().resolve(id + ".yml"), dir.resolve(id + ".yml"));
        }
        Files.writeString(dir.resolve("loa-hong.yml"), """
                type: LOUDSPEAKER
                mode: live
                stations:
                  - code: thon-dong
                sessions:
                  - days: [MON]
                    start: "25:00"
                    minutes: 30
                """);
        List<FileOutcome> outcomes = channelFiles.importAll(dir);
        FileOutcome broken = outcomes.stream().filter(o -> o.path().endsWith("loa-hong.yml")).findFirst().orElseThrow();
        assertEquals(FileOutcome.Result.FAILED, broken.result());
        assertTrue(broken.message().contains("loa-hong.yml:5: 'sessions[1].start' phải là giờ bắt đầu dạng HH:mm"), broken.message());
        assertNotNull(broken.reason());
    }
}
