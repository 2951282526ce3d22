package vn.herald.portal;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.TestUsers.asEditor;

/**
 * A piece stored before the entry rules (written straight into the database, as an old row would be) whose title,
 * summary and body hold every C0 control character, DEL, lone surrogate halves and {@code ]]>}, with 100,000 topics:
 * once published, the feeds, the portal, the iCalendar feed, the CSV and the Word report all still answer, parse and
 * stay small. H2 only: PostgreSQL
 * refuses NUL and lone surrogates in text, so such a row cannot exist there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredControlCharactersTest implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z");
    static final String PUBLIC_URL = "https://hoaan.example.vn";

    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject TestClock clock;
    @Inject DataSource dataSource;
    @Inject Accounts accounts;
    @Inject JsonMapper json;
    @Inject @Client("/") HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "herald.channels-dir", TestChannels.folder(Map.of(
                        "portal.yml", "type: EPORTAL\nmode: live\nname: Cổng thông tin điện tử xã Hòa An\n")).toString(),
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.portal.public-url", PUBLIC_URL + "/",
                "micronaut.server.port", "-1");
    }

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        clock.set(MORNING);
    }

    private static String everyForbiddenCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        return all.append('\u007F').append('\uD800').append(" x ").append('\uDC00').append("]]>").toString();
    }

    private void storeDirectly(long pieceId, String title, String summary, String body, String topicsJson)
            throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update piece set title = ?, summary = ?, body = ?, topics = ? where id = ?")) {
            update.setString(1, title);
            update.setString(2, summary);
            update.setString(3, body);
            update.setString(4, topicsJson);
            update.setLong(5, pieceId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private String get(HttpRequest<?> request) {
        HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
        assertEquals(HttpStatus.OK, response.getStatus(), request.getPath());
        return response.body();
    }

    @Test
    void everyOutputStillAnswersAndParsesWhateverTheStoredTextHolds() throws Exception {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Tin cũ", "Tóm tắt", "<p>Nội dung</p>", null,
                null, null, List.of("Chuyển đổi số"), null, null, null, "Ban biên tập", null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), 1, "duyet");
        String bad = everyForbiddenCharacter();
        String hundredThousandTopics = json.writeValueAsString(java.util.stream.IntStream.range(0, 100_000)
                .mapToObj(n -> "Chủ đề số " + n).toList());
        storeDirectly(piece.id(), "=1+1 Tiêu đề" + bad, "Tóm tắt <b>đậm</b>" + bad, "<p>Nội dung" + bad + "</p>",
                hundredThousandTopics);

        Publication publication = publishing.schedule(piece.id(), List.of("portal"), clock.instant(), "bien-tap").get(0);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());

        for (String feed : List.of("/portal/rss.xml", "/portal/atom.xml")) {
            String xml = get(HttpRequest.GET(feed));
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(xml));
            String title = parsed.getEntries().get(0).getTitle();
            assertTrue(title.startsWith("=1+1 Tiêu đề") && title.contains("x") && title.contains("]]>"), title);
            assertTrue(title.chars().noneMatch(Character::isISOControl), title);
        }
        String rss = get(HttpRequest.GET("/portal/rss.xml"));
        String description = Jsoup.parse(rss, "", org.jsoup.parser.Parser.xmlParser()).selectFirst("item > description").text();
        assertTrue(description.startsWith("Tóm tắt &lt;b&gt;đậm&lt;/b&gt;"),
                "a reader showing the description as HTML shows the summary's own words: " + description);

        Document page = Jsoup.parse(get(HttpRequest.GET("/portal/bai/" + piece.slug())));
        assertTrue(page.selectFirst("main h1").text().startsWith("=1+1 Tiêu đề"));
        assertTrue(page.html().chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'));
        String home = get(HttpRequest.GET("/portal"));
        assertTrue(home.length() < 50_000, "the menu shows at most 20 topics of a piece: " + home.length() + " characters");
        assertTrue(rss.length() < 50_000, "so does the feed: " + rss.length() + " characters");

        String icalUrl = icalFeedOfTheUnit();
        Calendar calendar = new CalendarBuilder().build(new StringReader(get(HttpRequest.GET(icalUrl))));
        assertFalse(calendar.getComponents().isEmpty());

        String report = "/api/reports?unit=xa-hoa-an&period=2027";
        String csv = get(asEditor(HttpRequest.GET(report + "&format=csv")));
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        CSVRecord published = rows.stream().filter(r -> r.get(1).contains("Tiêu đề")).findFirst()
                .orElseThrow(() -> new AssertionError(csv));
        assertTrue(published.get(1).startsWith("'=1+1"), "a spreadsheet shows the title, it does not compute it: " + published);
        byte[] docx = http.toBlocking().retrieve(asEditor(HttpRequest.GET(report + "&format=docx")), byte[].class);
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = String.join("\n", word.getTables().stream().map(t -> t.getText()).toList());
            assertTrue(text.contains("=1+1 Tiêu đề"), text);
        }
    }

    private String icalFeedOfTheUnit() throws IOException {
        Map<String, Object> list = json.readValue(get(asAdmin(HttpRequest.GET("/api/ical"))),
                Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> feeds = (List<Map<String, Object>>) list.get("items");
        String url = feeds.stream().filter(f -> "UNIT".equals(f.get("scope")) && "xa-hoa-an".equals(f.get("subject")))
                .map(f -> (String) f.get("url")).findFirst().orElseThrow();
        return url.substring(PUBLIC_URL.length());
    }
}
