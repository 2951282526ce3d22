package vn.herald.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.calendar.Calendar;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Herald instances on one database: the first answers calendars and feeds from what it keeps, the second (and
 * a writer outside the services, with plain SQL) changes things. The first must never answer from before a change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadVersionsContract {

    /** 08:00 in Hanoi on a Monday in June 2027. */
    static final Instant MORNING = Instant.parse("2027-06-07T01:00:00Z");
    static final LocalDate JUNE_FIRST = LocalDate.parse("2027-06-01");
    static final LocalDate JUNE_LAST = LocalDate.parse("2027-06-30");

    EmbeddedServer reader;
    ApplicationContext writer;
    Calendar readerCalendar;
    ReadVersions readerVersions;
    Pieces pieces;
    Publishing publishing;
    String unit;
    final HttpClient http = HttpClient.newHttpClient();

    abstract Map<String, Object> databaseProperties();

    @BeforeAll
    void twoInstances() throws IOException {
        Path channels = Files.createTempDirectory("herald-channels");
        Files.writeString(channels.resolve("portal.yml"), "type: EPORTAL\nmode: live\nname: Cổng thông tin điện tử xã Hòa An\n");
        Map<String, Object> properties = new HashMap<>(databaseProperties());
        properties.putAll(Map.of(
                "herald.channels-dir", channels.toString(),
                "herald.content-dir", Files.createTempDirectory("herald-content").toString(),
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.upstream.enabled", "false",
                "herald.portal.public-url", "https://hoaan.example.vn/",
                "micronaut.server.port", "-1"));
        // one after the other: the first runs the migrations, the second finds them done
        reader = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        writer = ApplicationContext.run(properties, "test");
        readerCalendar = reader.getApplicationContext().getBean(Calendar.class);
        readerVersions = reader.getApplicationContext().getBean(ReadVersions.class);
        pieces = writer.getBean(Pieces.class);
        publishing = writer.getBean(Publishing.class);
        unit = writer.getBean(Units.class).ownUnitCode();
        TestUsers.ensure(writer.getBean(Accounts.class));
    }

    @AfterAll
    void stop() {
        writer.close();
        reader.close();
    }

    @BeforeEach
    void morning() {
        reader.getApplicationContext().getBean(TestClock.class).set(MORNING);
        writer.getBean(TestClock.class).set(MORNING);
    }

    @Test
    void theCalendarShowsEveryChangeFromAnotherInstanceAtOnce() {
        Calendar.CalendarView before = june();
        assertEquals(before, june(), "asked twice with nothing changed, the same view");

        Piece piece = anApprovedArticle("Lịch tiêm chủng tháng Sáu " + UUID.randomUUID());
        Calendar.CalendarView approved = june();
        assertTrue(backlogTitles(approved).contains(piece.title()), "approved on the other instance: in the backlog");

        Publication planned = publishing.schedule(piece.id(), List.of("portal"), MORNING.plusSeconds(86_400 * 3), "bien-tap").get(0);
        Calendar.CalendarView scheduled = june();
        assertEquals(Optional.of(LocalDate.parse("2027-06-10")), dayOf(scheduled, planned.id()));
        assertFalse(backlogTitles(scheduled).contains(piece.title()), "scheduled: out of the backlog");

        publishing.reschedule(planned.id(), MORNING.plusSeconds(86_400 * 5), "bien-tap");
        assertEquals(Optional.of(LocalDate.parse("2027-06-12")), dayOf(june(), planned.id()));

        publishing.cancel(planned.id(), "đổi kế hoạch", "bien-tap");
        assertEquals(PublicationStatus.CANCELLED, statusOf(june(), planned.id()));
    }

    @Test
    void theCalendarShowsAChangeMadeWithPlainSqlOutsideTheServices() throws SQLException {
        Piece piece = anApprovedArticle("Ngày hội đọc sách " + UUID.randomUUID());
        Publication planned = publishing.schedule(piece.id(), List.of("portal"), MORNING.plusSeconds(86_400), "bien-tap").get(0);
        assertEquals(Optional.of(LocalDate.parse("2027-06-08")), dayOf(june(), planned.id()));

        // as a batch writer of another version of Herald would: no service, only the row
        sql("update publication set planned_at = ? where id = ?", Timestamp.from(MORNING.plusSeconds(86_400 * 10)), planned.id());
        assertEquals(Optional.of(LocalDate.parse("2027-06-17")), dayOf(june(), planned.id()));

        sql("update piece set title = ? where id = ?", "Ngày hội đọc sách: đổi tên", piece.id());
        assertEquals("Ngày hội đọc sách: đổi tên", june().weeks().stream().flatMap(w -> w.days().stream())
                .flatMap(d -> d.publications().stream()).filter(p -> p.id() == planned.id()).findFirst().orElseThrow().pieceTitle());
    }

    @Test
    void anUnchangedFeedAnswersNotModifiedAndAPublishOnAnotherInstanceChangesIt() throws Exception {
        HttpResponse<String> first = get("/portal/rss.xml", null);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long version = readerVersions.portal();
        assertEquals(304, get("/portal/rss.xml", etag).statusCode());
        assertEquals(304, get("/portal/rss.xml", etag).statusCode());
        assertEquals(version, readerVersions.portal(), "reading changes nothing");

        Piece piece = anApprovedArticle("Khai mạc giải bóng đá thiếu niên " + UUID.randomUUID());
        Publication publication = publishing.schedule(piece.id(), List.of("portal"), MORNING, "bien-tap").get(0);
        assertEquals(Optional.empty(), writer.getBean(Dispatcher.class).dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertTrue(readerVersions.portal() > version, "the publish raised the portal's version");

        HttpResponse<String> changed = get("/portal/rss.xml", etag);
        assertEquals(200, changed.statusCode(), "published on the other instance: the feed changed");
        assertTrue(changed.body().contains(piece.title()));
        String newEtag = changed.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newEtag);
        assertEquals(304, get("/portal/rss.xml", newEtag).statusCode());
        assertTrue(get("/portal/atom.xml", null).body().contains(piece.title()));

        publishing.cancel(publication.id(), "gỡ xuống", "bien-tap");
        HttpResponse<String> withdrawn = get("/portal/rss.xml", newEtag);
        assertEquals(200, withdrawn.statusCode(), "withdrawn on the other instance: the feed changed");
        assertFalse(withdrawn.body().contains(piece.title()));
    }

    // --- helpers

    private Calendar.CalendarView june() {
        return readerCalendar.view(unit, JUNE_FIRST, JUNE_LAST, null);
    }

    private static Optional<LocalDate> dayOf(Calendar.CalendarView view, long publicationId) {
        return view.weeks().stream().flatMap(w -> w.days().stream())
                .filter(d -> d.publications().stream().anyMatch(p -> p.id() == publicationId))
                .map(Calendar.Day::date).findFirst();
    }

    private static PublicationStatus statusOf(Calendar.CalendarView view, long publicationId) {
        return view.weeks().stream().flatMap(w -> w.days().stream()).flatMap(d -> d.publications().stream())
                .filter(p -> p.id() == publicationId).findFirst().orElseThrow().status();
    }

    private static List<String> backlogTitles(Calendar.CalendarView view) {
        return view.backlog().stream().map(Calendar.BacklogPiece::title).toList();
    }

    private Piece anApprovedArticle(String title) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, "Tóm tắt: " + title, "<p>" + title + "</p>",
                null, null, null, List.of("Văn hóa"), null, null, null, "Ban biên tập", null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private void sql(String statement, Object... values) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(writer.getBean(DataSource.class)).getConnection();
             PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            assertEquals(1, update.executeUpdate(), statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(reader.getURL() + path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(response);
        return response;
    }
}
