package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asEditor;

/** A piece goes on a channel once, unless the editor says it is a repeat; Facebook takes no repeat of the same text. */
@MicronautTest(transactional = false)
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
class RepeatsTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject JsonMapper json;

    private final OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1).withHour(7).withMinute(0)
            .withSecond(0).withNano(0);

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Piece approved(PieceKind kind, String title) {
        boolean radio = kind == PieceKind.RADIO_SCRIPT;
        Piece piece = pieces.create(new PieceForm(kind, null, title, null, radio ? null : "<p>Nội dung " + title + "</p>",
                radio ? "Kính thưa bà con, " + title + "." : null, null, null, null, null, null, null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private MutableHttpRequest<?> schedule(Piece piece, String channel, OffsetDateTime at, Boolean repeat) {
        Map<String, Object> body = new HashMap<>(Map.of("pieceId", piece.id(), "channelId", channel, "plannedAt", at.toString()));
        if (repeat != null) {
            body.put("repeat", repeat);
        }
        return asEditor(HttpRequest.POST("/api/publications", body));
    }

    private long scheduledId(MutableHttpRequest<?> request) {
        Map<String, Object> created = http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
        return ((Number) ((Map<?, ?>) ((List<?>) created.get("items")).get(0)).get("id")).longValue();
    }

    private Map<String, Object> refusal(MutableHttpRequest<?> request, HttpStatus status) throws IOException {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class));
        assertEquals(status, e.getStatus());
        assertTrue(e.getResponse().getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        return json.readValue(e.getResponse().getBody(String.class).orElseThrow(), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void aSecondScheduleOnTheSameChannelIsRefusedWithTheEarlierPublication() throws IOException {
        Piece piece = approved(PieceKind.ARTICLE, "Lịch tiếp công dân tháng 6");
        long first = scheduledId(schedule(piece, "facebook", tomorrow, null));

        Map<String, Object> problem = refusal(schedule(piece, "facebook", tomorrow.plusHours(5), null), HttpStatus.CONFLICT);
        assertEquals("already-scheduled", problem.get("code"));
        String detail = (String) problem.get("detail");
        assertTrue(detail.contains("đã có trên kênh Fanpage Xã Hòa An") && detail.contains("Đăng lặp lại"), detail);
        assertTrue(detail.contains("“Đã lên lịch”, lúc " + tomorrow.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))),
                detail);
        Map<?, ?> earlier = (Map<?, ?>) problem.get("existing");
        assertEquals(first, ((Number) earlier.get("publicationId")).longValue());
        assertEquals("SCHEDULED", earlier.get("status"));
        assertEquals(tomorrow.toString(), earlier.get("plannedAt"), "the planned time in the unit's zone");

        publishing.cancel(first, "nhầm ngày", "bien-tap");
        scheduledId(schedule(piece, "facebook", tomorrow.plusHours(5), null)); // a cancelled one no longer counts
    }

    @Test
    void theLoudspeakerPlaysAnItemAgainWhenTheEditorSaysItIsARepeat() throws IOException {
        Piece script = approved(PieceKind.RADIO_SCRIPT, "Thông báo lịch tiêm phòng dại cho chó mèo");
        scheduledId(schedule(script, "loudspeaker", tomorrow, null));
        assertEquals("already-scheduled", refusal(schedule(script, "loudspeaker", tomorrow.plusHours(10), null),
                HttpStatus.CONFLICT).get("code"));
        long again = scheduledId(schedule(script, "loudspeaker", tomorrow.plusHours(10), true));
        assertEquals(PublicationStatus.SCHEDULED, publishing.get(again).status());
    }

    @Test
    void aRepeatOnFacebookWithTheSameTextIsRefusedBeforeAnythingIsSent() throws IOException {
        Piece piece = approved(PieceKind.ARTICLE, "Hướng dẫn nộp thuế đất trực tuyến");
        long first = scheduledId(schedule(piece, "facebook", tomorrow, null));

        Map<String, Object> problem = refusal(schedule(piece, "facebook", tomorrow.plusDays(2), true), HttpStatus.CONFLICT);
        assertEquals("repeat-same-text", problem.get("code"));
        assertTrue(((String) problem.get("detail")).startsWith("Facebook không nhận một bài đăng trùng nguyên văn"),
                (String) problem.get("detail"));
        assertEquals(first, ((Number) ((Map<?, ?>) problem.get("existing")).get("publicationId")).longValue());
        assertEquals(1, publishing.list(new Publishing.Filter(null, "facebook", piece.id(), null, null),
                io.micronaut.data.model.Pageable.from(0, 10)).getTotalSize());
    }

    @Test
    void theSchedulePageSaysWhyASecondScheduleIsRefusedAndTakesARepeatWhenTicked() {
        Piece script = approved(PieceKind.RADIO_SCRIPT, "Thông báo thu gom rác thải cồng kềnh");
        Publication first = publishing.schedule(script.id(), List.of("loudspeaker"), tomorrow.toInstant(), "bien-tap").get(0);
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String page = editor.get("/pieces/" + script.id()).body();
        assertTrue(page.contains("name=\"repeat\""), "the form offers the repeat box");
        String token = Browser.csrfTokenOf(page);
        Map<String, String> form = new HashMap<>(Map.of("csrfToken", token, "pieceId", String.valueOf(script.id()),
                "channelIds", "loudspeaker", "plannedAt", tomorrow.plusHours(10).toLocalDateTime().toString()));

        var refused = editor.post("/publications", form);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("lượt đăng số " + first.id()), "the piece's page says why");
        assertTrue(refused.body().contains("value=\"" + form.get("plannedAt") + "\""), "the time typed is kept");

        form.put("repeat", "true");
        var accepted = editor.post("/publications", form);
        assertEquals("/publications?ok=scheduled", accepted.headers().firstValue("Location").orElseThrow());
        assertEquals(2, publishing.list(new Publishing.Filter(null, "loudspeaker", script.id(), null, null),
                io.micronaut.data.model.Pageable.from(0, 10)).getTotalSize());
    }
}
