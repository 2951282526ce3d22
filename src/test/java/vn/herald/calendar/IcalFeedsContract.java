package vn.herald.calendar;

import vn.herald.channel.Priority;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.TestUsers.asApprover;
import static vn.herald.TestUsers.asEditor;

/**
 * The iCalendar feeds as an admin and a calendar app see them, on every database: publications are made through
 * the engine (clock and dispatcher driven by hand), the admin API hands out the addresses, and the feed fetched
 * without a login is parsed back with ical4j. Each test lives in its own year, far from the others, so the feeds'
 * windows (90 days back, 365 ahead) never see another test's publications.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IcalFeedsContract implements TestPropertyProvider {

    static final String PUBLIC_URL = "https://hoaan.example.vn";
    static final String UNIT = "xa-hoa-an";

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject JsonMapper json;
    @Inject TransactionOperations<Connection> transactions;
    @Inject @Client("/") HttpClient http;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        Path dir = TestChannels.folder(Map.of(
                "portal.yml", "type: EPORTAL\nmode: live\nname: Cổng thông tin điện tử xã Hòa An\n",
                "fanpage.yml", "type: FACEBOOK_PAGE\nmode: dry-run\nname: Trang Facebook xã Hòa An\npageId: \"104857392012345\"\n",
                "loa.yml", TestChannels.fileDropLoudspeaker(1, 30, "17:00")));
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(Map.of(
                "herald.channels-dir", dir.toString(),
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.portal.public-url", PUBLIC_URL + "/",
                "micronaut.server.port", "-1"));
        return properties;
    }

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    // --- helpers

    /** 08:00 in Hanoi on the first Monday of March of the test's own year. */
    private Instant morningOf(int year) {
        Instant morning = Instant.parse(year + "-03-01T01:00:00Z");
        while (morning.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            morning = morning.plus(Duration.ofDays(1));
        }
        clock.set(morning);
        return morning;
    }

    private Piece approved(Piece piece) {
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private Piece anApprovedArticle(String title) {
        return approved(pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, "Tóm tắt: " + title,
                "<p>Nội dung bài " + title + "</p>", null, null, null, List.of("Chuyển đổi số"), null, null, null,
                "Ban biên tập", null), "bien-tap"));
    }

    private Piece anApprovedScript(String title, String script) {
        return approved(pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, title, null, null, script, null,
                null, null, null, null, null, null, null), "bien-tap"));
    }

    private Publication scheduled(Piece piece, String channel, Instant at) {
        return publishing.schedule(piece.id(), List.of(channel), at, Priority.NORMAL, true, "bien-tap").get(0);
    }

    private List<Map<String, Object>> feedList(MutableHttpRequest<?> request) {
        String body = http.toBlocking().retrieve(request, String.class);
        try {
            Map<String, Object> list = json.readValue(body, Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) list.get("items");
            assertEquals(((Number) list.get("total")).intValue(), items.size());
            return items;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private Map<String, Object> feed(String scope, String subject) {
        return feedList(asAdmin(HttpRequest.GET("/api/ical"))).stream()
                .filter(f -> f.get("scope").equals(scope) && f.get("subject").equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no " + scope + " feed of " + subject));
    }

    /** The feed's path on this test server: the URL is built on the public address. */
    private static String path(Map<String, Object> feed) {
        String url = (String) feed.get("url");
        assertNotNull(url, () -> "the feed has no URL: " + feed);
        assertTrue(url.startsWith(PUBLIC_URL + "/ical/") && url.endsWith(".ics"), url);
        return url.substring(PUBLIC_URL.length());
    }

    private HttpResponse<byte[]> fetch(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path), byte[].class);
    }

    private HttpStatus refusedStatus(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class)).getStatus();
    }

    private static Calendar parse(byte[] body) {
        try {
            return new CalendarBuilder().build(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException | ParserException e) {
            throw new AssertionError("the feed does not parse as iCalendar:\n" + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static Map<String, VEvent> eventsByUid(Calendar calendar) {
        return calendar.<VEvent>getComponents().stream().filter(c -> c instanceof VEvent)
                .collect(Collectors.toMap(e -> value(e.getProperty(Property.UID)), Function.identity()));
    }

    private static String value(Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }

    private static String uid(Publication publication) {
        return "publication-" + publication.id() + "@" + UNIT + ".herald";
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // --- the feed

    @Test
    void theUnitsFeedShowsEveryPublicationWithItsStateChannelAndLinkInUtc() {
        Instant morning = morningOf(2031);
        Piece article = anApprovedArticle("Ngày hội Đổi mới sáng tạo: xã Hòa An hưởng ứng");
        Piece script = anApprovedScript("Bản tin phát thanh: Chuyển đổi số ở thôn Đông",
                "Kính thưa bà con nhân dân trong xã! Tuần này tổ công nghệ số cộng đồng hướng dẫn bà con cài đặt ứng dụng.");
        Publication onPortal = scheduled(article, "portal", morning);
        dispatcher.dispatch(onPortal.id());
        Instant twoDaysLater = morning.plus(Duration.ofDays(2));
        Publication onFacebook = scheduled(article, "fanpage", twoDaysLater);
        // Facebook takes no second post of the same text: the other posts on the fanpage are other pieces
        Publication cancelled = publishing.cancel(scheduled(anApprovedArticle("Ngày hội Đổi mới sáng tạo: lịch các gian hàng"),
                "fanpage", morning.plus(Duration.ofDays(3))).id(),
                "trùng lịch", "bien-tap");
        Instant sessionTomorrow = morning.plus(Duration.ofDays(1)).plus(Duration.ofHours(9)); // 17:00 in Hanoi
        Publication onAir = scheduled(script, "loa", sessionTomorrow);
        scheduled(anApprovedArticle("Ngày hội Đổi mới sáng tạo năm sau"), "fanpage", morning.plus(Duration.ofDays(400)));

        HttpResponse<byte[]> response = fetch(path(feed("UNIT", UNIT)));

        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("text/calendar; charset=utf-8", response.header(HttpHeaders.CONTENT_TYPE).toLowerCase());
        assertTrue(response.header(HttpHeaders.CACHE_CONTROL).contains("no-cache"), response.header(HttpHeaders.CACHE_CONTROL));
        assertNotNull(response.header(HttpHeaders.ETAG));
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("\r\nBEGIN:VEVENT\r\n"), "lines end in CRLF");
        Calendar calendar = parse(response.body());
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertEquals("Lịch đăng bài – Xã Hòa An", value(calendar.getProperty("X-WR-CALNAME")));
        assertEquals("Asia/Ho_Chi_Minh", value(calendar.getProperty("X-WR-TIMEZONE")));

        Map<String, VEvent> events = eventsByUid(calendar);
        assertEquals(4, events.size(), "the publication 400 days ahead is outside the feed: " + events.keySet());
        VEvent portal = events.get(uid(onPortal));
        assertEquals("CONFIRMED", value(portal.getProperty(Property.STATUS)));
        assertEquals("[Đã đăng] Ngày hội Đổi mới sáng tạo: xã Hòa An hưởng ứng · Cổng thông tin điện tử xã Hòa An",
                value(portal.getProperty(Property.SUMMARY)));
        assertTrue(value(portal.getProperty(Property.DESCRIPTION)).contains("Đã đăng tại: " + PUBLIC_URL + "/portal/bai/"),
                value(portal.getProperty(Property.DESCRIPTION)));
        assertEquals(PUBLIC_URL + "/api/pieces/" + article.id(), value(portal.getProperty(Property.URL)));

        VEvent facebook = events.get(uid(onFacebook));
        assertEquals("TENTATIVE", value(facebook.getProperty(Property.STATUS)));
        assertTrue(value(facebook.getProperty(Property.SUMMARY)).startsWith("[Đã lên lịch] "));
        assertEquals(twoDaysLater.toString().replace("-", "").replace(":", ""),
                value(facebook.getProperty(Property.DTSTART)), "the start in UTC");
        assertEquals(twoDaysLater, facebook.getStartDate().map(d -> Instant.from(d.getDate())).orElseThrow());
        assertEquals("PT15M", value(facebook.getProperty(Property.DURATION)));
        assertEquals("Facebook", value(facebook.getProperty(Property.CATEGORIES)));
        assertEquals("fanpage", value(facebook.getProperty("X-HERALD-CHANNEL")));

        assertEquals("CANCELLED", value(events.get(uid(cancelled)).getProperty(Property.STATUS)));
        assertTrue(value(events.get(uid(cancelled)).getProperty(Property.SUMMARY)).startsWith("[Đã hủy] "));

        VEvent radio = events.get(uid(onAir));
        assertEquals(Duration.ofSeconds(pieces.get(script.id()).readSeconds()),
                Duration.parse(value(radio.getProperty(Property.DURATION))), "a loudspeaker item lasts its read time");
        assertEquals("Loa truyền thanh", value(radio.getProperty(Property.CATEGORIES)));
        assertEquals(sessionTomorrow, radio.getStartDate().map(d -> Instant.from(d.getDate())).orElseThrow());
    }

    @Test
    void aChannelsFeedShowsThatChannelOnlyAndIsNamedAfterIt() {
        Instant morning = morningOf(2034);
        Piece article = anApprovedArticle("Hướng dẫn nộp hồ sơ trực tuyến trên Cổng dịch vụ công");
        Publication onFacebook = scheduled(article, "fanpage", morning.plus(Duration.ofHours(3)));
        scheduled(article, "portal", morning.plus(Duration.ofHours(2)));

        Calendar calendar = parse(fetch(path(feed("CHANNEL", "fanpage"))).body());

        assertEquals("Lịch đăng bài – Xã Hòa An – Trang Facebook xã Hòa An", value(calendar.getProperty("X-WR-CALNAME")));
        assertEquals(List.of(uid(onFacebook)), List.copyOf(eventsByUid(calendar).keySet()));
        assertEquals(3, feedList(asAdmin(HttpRequest.GET("/api/ical"))).stream().filter(f -> f.get("scope").equals("CHANNEL")).count(),
                "one feed for each channel, made without anyone asking");
    }

    @Test
    void aFeedReachesNinetyDaysBackAndAYearAhead() {
        Instant morning = morningOf(2037);
        Piece article = anApprovedArticle("Tuyên truyền Nghị quyết 57 về khoa học công nghệ");
        Publication early = scheduled(article, "fanpage", morning.plus(Duration.ofHours(1)));
        Publication late = scheduled(anApprovedArticle("Tuyên truyền Nghị quyết 57: một năm nhìn lại"), "fanpage",
                morning.plus(Duration.ofDays(364)));
        String path = path(feed("CHANNEL", "fanpage"));
        assertEquals(2, eventsByUid(parse(fetch(path).body())).size());

        clock.set(morning.plus(Duration.ofDays(91)));
        assertEquals(List.of(uid(late)), List.copyOf(eventsByUid(parse(fetch(path).body())).keySet()),
                "publication " + early.id() + " is more than 90 days past");
    }

    @Test
    void anUnchangedFeedAnswersNotModifiedAndAChangedOneANewVersion() {
        Instant morning = morningOf(2040);
        Piece article = anApprovedArticle("Lịch tiếp công dân tháng 3");
        scheduled(article, "fanpage", morning.plus(Duration.ofHours(5)));
        String path = path(feed("CHANNEL", "fanpage"));
        String etag = fetch(path).header(HttpHeaders.ETAG);
        clock.advance(Duration.ofMinutes(10));

        HttpResponse<byte[]> again = http.toBlocking().exchange(HttpRequest.GET(path).header(HttpHeaders.IF_NONE_MATCH, etag), byte[].class);
        assertEquals(HttpStatus.NOT_MODIFIED, again.getStatus());

        scheduled(anApprovedArticle("Lịch tiếp công dân tháng 4"), "fanpage", morning.plus(Duration.ofHours(6)));
        HttpResponse<byte[]> changed = http.toBlocking().exchange(HttpRequest.GET(path).header(HttpHeaders.IF_NONE_MATCH, etag), byte[].class);
        assertEquals(HttpStatus.OK, changed.getStatus());
        assertNotEquals(etag, changed.header(HttpHeaders.ETAG));
    }

    // --- the token

    @Test
    void anUnknownTokenAnswersNotFound() {
        morningOf(2043);
        assertEquals(HttpStatus.NOT_FOUND, refusedStatus(HttpRequest.GET("/ical/" + "A".repeat(43) + ".ics")));
        assertEquals(HttpStatus.NOT_FOUND, refusedStatus(HttpRequest.GET("/ical/khong-co.ics")));
        String real = path(feed("UNIT", UNIT));
        assertEquals(HttpStatus.NOT_FOUND, refusedStatus(HttpRequest.GET(real.substring(0, real.length() - ".ics".length()))),
                "the token without .ics is not the feed");
    }

    @Test
    void aRegeneratedFeedRetiresTheOldAddress() {
        morningOf(2046);
        String old = path(feed("CHANNEL", "loa"));
        assertEquals(HttpStatus.OK, fetch(old).getStatus());

        Map<String, Object> renewed = http.toBlocking().retrieve(asAdmin(HttpRequest.POST("/api/ical/channel/loa/regenerate", "")),
                Argument.mapOf(String.class, Object.class));

        String fresh = path(renewed);
        assertNotEquals(old, fresh);
        assertEquals(HttpStatus.NOT_FOUND, refusedStatus(HttpRequest.GET(old)));
        assertEquals("Lịch đăng bài – Xã Hòa An – Truyền thanh xã Hòa An",
                value(parse(fetch(fresh).body()).getProperty("X-WR-CALNAME")));
        assertEquals(fresh, path(feed("CHANNEL", "loa")), "the list shows the new address");
        assertEquals(HttpStatus.OK, fetch(path(feed("UNIT", UNIT))).getStatus(), "other feeds keep theirs");
    }

    @Test
    void aDatabaseDumpRevealsNoFeedAddress() throws Exception {
        morningOf(2049);
        String token = path(feed("UNIT", UNIT)).substring("/ical/".length()).replace(".ics", "");
        assertTrue(token.length() >= 22, "at least 128 bits: " + token);
        String dump = transactions.executeRead(status -> {
            StringBuilder rows = new StringBuilder();
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet row = statement.executeQuery("select * from ical_feed")) {
                while (row.next()) {
                    for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                        rows.append(row.getString(column)).append('|');
                    }
                    rows.append('\n');
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return rows.toString();
        });
        assertFalse(dump.contains(token), dump);
        assertTrue(dump.contains(sha256(token)), "the feed is found by the token's SHA-256");
    }

    // --- who may see the addresses

    @Test
    void onlyAdminsListOrRegenerateFeeds() {
        morningOf(2052);
        assertEquals(HttpStatus.FORBIDDEN, refusedStatus(asEditor(HttpRequest.GET("/api/ical"))));
        assertEquals(HttpStatus.FORBIDDEN, refusedStatus(asApprover(HttpRequest.GET("/api/ical"))));
        assertEquals(HttpStatus.UNAUTHORIZED, refusedStatus(HttpRequest.GET("/api/ical")));
        assertEquals(HttpStatus.FORBIDDEN, refusedStatus(asEditor(HttpRequest.POST("/api/ical/unit/" + UNIT + "/regenerate", ""))));
        assertEquals(HttpStatus.NOT_FOUND, refusedStatus(asAdmin(HttpRequest.POST("/api/ical/channel/khong-co/regenerate", ""))));
        assertEquals(HttpStatus.BAD_REQUEST, refusedStatus(asAdmin(HttpRequest.POST("/api/ical/tinh/" + UNIT + "/regenerate", ""))));
        assertFalse(feedList(asAdmin(HttpRequest.GET("/api/ical"))).isEmpty());
    }
}
