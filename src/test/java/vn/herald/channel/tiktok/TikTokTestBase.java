package vn.herald.channel.tiktok;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.channel.Delivery;
import vn.herald.channel.Payload;
import vn.herald.content.AssetRole;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.support.Sealing;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Herald whose channel {@code tiktok} is a live TikTok account pointing at {@link FakeTikTok}, with the secrets an
 * operator would set, and a real vertical MP4 made by ffmpeg. Each test starts with a fresh account and no tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TikTokTestBase implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi

    final FakeTikTok tiktok = new FakeTikTok();
    byte[] video;
    private int tests;

    @Inject TestTikTokSecrets secrets;
    @Inject CountedPause pauses;
    @Inject TestClock clock;
    @Inject DataSource dataSource;
    @Inject Channels channels;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Accounts accounts;
    @Inject JsonMapper json;

    /** The database under test, added to the shared settings. */
    Map<String, String> databaseProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path channelsDir = Files.createTempDirectory("herald-tiktok-channels");
            Files.writeString(channelsDir.resolve("tiktok.yml"), """
                    type: TIKTOK
                    mode: live
                    name: TikTok xã Hòa An
                    baseUrl: %s
                    audited: true
                    privacyLevel: PUBLIC_TO_EVERYONE
                    hashtags: [XaHoaAn]
                    statusPolls: 3
                    statusPollIntervalMillis: 2000
                    timeoutMillis: 1000
                    rateLimitPerMinute: 100000
                    """.formatted(tiktok.baseUrl()));
            Files.writeString(channelsDir.resolve("tiktok-thu.yml"), """
                    type: TIKTOK
                    mode: dry-run
                    name: TikTok thử
                    baseUrl: %s
                    """.formatted(tiktok.baseUrl()));
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "micronaut.server.port", "-1",
                    "herald.channels-dir", channelsDir.toString(),
                    "herald.content-dir", Files.createTempDirectory("herald-tiktok-content").toString(),
                    "herald.portal.public-url", "https://xahoaan.example.vn",
                    "herald.test.clock", "true",
                    "herald.test.tiktok-secrets", "true",
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void aVerticalVideo() throws IOException {
        if (!onPath("ffmpeg") || !onPath("ffprobe")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ffmpeg is not installed, and under CI=true the TikTok tests must run (.ci/run installs it)");
            }
            String message = "SKIPPED " + getClass().getSimpleName() + ": ffmpeg/ffprobe is not installed (apt-get install ffmpeg)";
            System.err.println("*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
            Assumptions.abort(message);
        }
        video = clip("doc.mp4", "testsrc=size=1080x1920:rate=25");
    }

    /** A real 3-second vertical MP4 (H.264 and AAC) of this test pattern; extra encoder options before the file name. */
    static byte[] clip(String name, String pattern, String... options) throws IOException {
        Path out = Files.createTempDirectory("herald-tiktok-video").resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", pattern,
                "-f", "lavfi", "-i", "sine", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac"));
        command.addAll(List.of(options));
        command.add(out.toString());
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

    @BeforeEach
    void aFreshAccount() {
        tiktok.reset();
        secrets.liveChannel();
        pauses.clear();
        // each test in a minute of its own: TikTok's six inits a minute are counted per channel across tests
        clock.set(MORNING.plus(java.time.Duration.ofMinutes(2L * tests++)));
        update("delete from tiktok_token");
        update("delete from upload_session");
        channels.resume("tiktok");
        TestUsers.ensure(accounts);
    }

    @AfterAll
    void stopTikTok() {
        tiktok.close();
    }

    /** An approved VIDEO piece with the test video, scheduled on the channel. */
    Publication scheduled(String channelId, String title) {
        return scheduled(channelId, title, video);
    }

    /** An approved VIDEO piece with this video, scheduled on the channel. */
    Publication scheduled(String channelId, String title, byte[] video) {
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, title, "Bà con xem hướng dẫn trong 3 giây.",
                "<p>Các bước cài đặt.</p>", null, null, null, List.of("Chuyển đổi số"), null, null, null, "Ban biên tập", null),
                "bien-tap");
        pieces.attach(piece.id(), AssetRole.VIDEO, new ByteArrayInputStream(video), "huong-dan.mp4", null, "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
        return publishing.schedule(piece.id(), List.of(channelId), clock.instant(), "bien-tap").get(0);
    }

    /** The channel with some settings changed, as if its file said so. */
    Channel channel(Map<String, Object> changed) {
        Channel channel = channels.get("tiktok");
        try {
            Map<String, Object> settings = new LinkedHashMap<>(json.readValue(channel.settings(), Map.class));
            settings.putAll(changed);
            return new Channel(channel.id(), channel.unitCode(), channel.type(), channel.mode(), channel.name(),
                    json.writeValueAsString(settings), channel.sourceHash(), channel.pausedReason(), channel.createdAt(),
                    channel.updatedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Delivery delivery(Publication publication, Payload payload, Channel channel) {
        return new Delivery(publication.id(), payload, channel, 1, MORNING);
    }

    /** The stored refresh token, opened with the operator's key. */
    String storedRefreshToken() {
        String sealed = column("select refresh_token_enc from tiktok_token where channel_id = 'tiktok'");
        return sealed == null ? null : new Sealing(Base64.getDecoder().decode(TestTikTokSecrets.KEY))
                .open(sealed, "tiktok_token:tiktok:refresh").orElseThrow();
    }

    String column(String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
