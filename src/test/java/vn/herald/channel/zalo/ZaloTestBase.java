package vn.herald.channel.zalo;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.channel.Delivery;
import vn.herald.channel.Payload;
import vn.herald.content.Asset;
import vn.herald.content.AssetRole;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.support.Sealing;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Herald whose only channel, {@code zalo}, is a live Zalo OA pointing at {@link FakeZalo}, with the secrets an
 * operator would set. Each test starts with a fresh OA and an empty token table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ZaloTestBase implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi

    final FakeZalo zalo = new FakeZalo();
    private final AtomicInteger pictures = new AtomicInteger();

    @Inject TestSecrets secrets;
    @Inject TestClock clock;
    @Inject DataSource dataSource;
    @Inject Channels channels;
    @Inject Pieces pieces;
    @Inject Assets assets;
    @Inject JsonMapper json;

    /** The database under test, added to the shared settings. */
    Map<String, String> databaseProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            Path channelsDir = Files.createTempDirectory("herald-zalo-channels");
            Files.writeString(channelsDir.resolve("zalo.yml"), """
                    type: ZALO_OA
                    mode: live
                    name: Zalo OA thử nghiệm
                    baseUrl: %s
                    oauthUrl: %s
                    verifyAttempts: 5
                    verifyIntervalMillis: 1
                    timeoutMillis: 1000
                    rateLimitPerMinute: 100000
                    """.formatted(zalo.baseUrl(), zalo.baseUrl()));
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "micronaut.server.port", "-1",
                    "herald.channels-dir", channelsDir.toString(),
                    "herald.content-dir", Files.createTempDirectory("herald-zalo-content").toString(),
                    "herald.portal.public-url", "https://xahoaan.example.vn",
                    "herald.test.clock", "true",
                    "herald.test.zalo-secrets", "true",
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void aFreshOfficialAccount() {
        zalo.reset();
        secrets.liveChannel();
        clock.set(MORNING);
        update("delete from zalo_token");
        channels.resume("zalo");
    }

    @AfterAll
    void stopZalo() {
        zalo.close();
    }

    /** The zalo channel with some settings changed, as if its file said so. */
    Channel zaloChannel(Map<String, Object> changed) {
        Channel channel = channels.get("zalo");
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

    Channel zaloChannel() {
        return zaloChannel(Map.of());
    }

    ZaloSettings settings(Channel channel) {
        return ZaloSettings.of(channel, json);
    }

    static Delivery delivery(Payload payload, Channel channel) {
        return new Delivery(7, payload, channel, 1, MORNING);
    }

    /** An article with a cover and a stored picture in its text, as an editor would write it. */
    Piece anArticle(String title, String summary) {
        Asset figure = assets.store(new ByteArrayInputStream(aPicture()), "hinh-minh-hoa.png");
        String body = "<p>Đoạn mở đầu của bài.</p><figure><img src=\"/assets/" + figure.sha256() + "\" alt=\"Người dân\">"
                + "<figcaption>Người dân làm thủ tục trực tuyến</figcaption></figure><p>Đoạn thứ hai.</p>"
                + "<p><img src=\"https://example.org/anh.jpg\" alt=\"Ảnh ngoài\"></p>";
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, summary, body, null, null, null, null,
                null, null, null, "Tổ biên tập", null), "bien-tap");
        return pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(aPicture()), "bia.png", null,
                "bien-tap").piece();
    }

    /** A small PNG, different every time, so that each is stored as its own asset. */
    byte[] aPicture() {
        int n = pictures.incrementAndGet();
        BufferedImage image = new BufferedImage(4 + n, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, new Color(n * 37 % 256, n * 91 % 256, n * 13 % 256).getRGB());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the token table holds for the channel, as stored (sealed). */
    String storedColumn(String column) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select " + column + " from zalo_token where channel_id = 'zalo'")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int tokenRows() {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from zalo_token")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored refresh token, opened with the operator's key. */
    String storedRefreshToken() {
        String sealed = storedColumn("refresh_token_enc");
        return sealed == null ? null : new Sealing(Base64.getDecoder().decode(TestSecrets.KEY))
                .open(sealed, "zalo_token:zalo:refresh").orElseThrow();
    }

    private void update(String sql) {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
