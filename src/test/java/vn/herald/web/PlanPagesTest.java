package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.content.AssetRole;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.plan.TaskLinks;
import vn.herald.publishing.Publishing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plans as people use them in the browser: the list and a plan's tasks with their deadlines, states and the state
 * form for the unit's editor; a contributor's form on a task's page, and nothing to write elsewhere; the task a piece
 * serves on its page, and on its publications in the calendar.
 */
@MicronautTest(transactional = false)
class PlanPagesTest {

    private static final String PLAN = "/plans/ke-hoach-57-hoa-an";

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject TaskLinks links;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        if (accounts.list().stream().noneMatch(a -> a.username().equals("mat-tran"))) {
            accounts.create(new Accounts.AccountForm("mat-tran", "Đỗ Thị Mặt Trận", TestUsers.PASSWORD,
                    EnumSet.of(Role.CONTRIBUTOR), null, true));
        }
    }

    private Browser loggedIn(String user) {
        Browser browser = new Browser(URI.create("http://127.0.0.1:" + server.getPort()));
        assertEquals(303, browser.logIn(user, TestUsers.PASSWORD).statusCode());
        return browser;
    }

    @Test
    void anEditorReadsThePlanAndMarksATaskDone() {
        Browser editor = loggedIn("bien-tap");
        String list = editor.get("/plans").body();
        assertTrue(list.contains("45/KH-UBND") && list.contains("href=\"" + PLAN + "\""), list);

        String plan = editor.get(PLAN + "?thang=2025-05").body();
        assertTrue(plan.contains("Kết quả tháng 5/2025"), plan);
        assertTrue(plan.contains("Tổ chức quán triệt Nghị quyết 57 cho cán bộ, công chức, viên chức xã"));
        assertTrue(plan.contains("khi có yêu cầu") && plan.contains("6/2025") && plan.contains("30/05/2025"));
        assertTrue(plan.contains("Ít nhất 1 tin, bài trên Loa truyền thanh mỗi tuần: 0/5 tuần đạt"), plan);
        int overdueBefore = count(plan, ">Quá hạn<");
        assertTrue(overdueBefore >= 3, "the three tasks due in 2025 are past their deadline: " + overdueBefore);

        HttpResponse<String> marked = editor.post(PLAN + "/tasks/quan-triet-can-bo/state",
                Map.of("csrfToken", Browser.csrfTokenOf(plan), "state", "DONE"));
        assertEquals(303, marked.statusCode(), marked.body());
        String after = editor.get(PLAN + "?thang=2025-05").body();
        assertEquals(overdueBefore - 1, count(after, ">Quá hạn<"), "a task done is no longer overdue");
        assertTrue(after.contains("Cập nhật bởi bien-tap"), after);
    }

    @Test
    void aContributorRecordsWhatTheirOrganisationDidAndCannotWrite() {
        Browser contributor = loggedIn("mat-tran");
        String plan = contributor.get(PLAN).body();
        assertFalse(plan.contains("name=\"state\""), "no state form for a contributor");
        assertFalse(plan.contains("href=\"/calendar\""), "the menu shows only what a contributor reaches");
        assertTrue(editorMenu().contains("href=\"/calendar\""));
        String task = contributor.get(PLAN + "/tasks/binh-dan-hoc-vu-so").body();
        assertTrue(task.contains("Ghi nhận đóng góp"), task);

        HttpResponse<String> recorded = contributor.upload(PLAN + "/tasks/binh-dan-hoc-vu-so/contributions",
                Map.of("csrfToken", Browser.csrfTokenOf(task), "organisation", "Ủy ban MTTQ Việt Nam xã Hòa An",
                        "doneOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString(),
                        "what", "Vận động hội viên cài đặt VNeID mức 2", "place", "Hội trường thôn Tây"),
                "ghi-chu.txt", "text/plain", new byte[0]);
        assertEquals(303, recorded.statusCode(), recorded.body());
        String shown = contributor.get(PLAN + "/tasks/binh-dan-hoc-vu-so").body();
        assertTrue(shown.contains("Ủy ban MTTQ Việt Nam xã Hòa An") && shown.contains("Vận động hội viên cài đặt VNeID mức 2")
                && shown.contains("Hội trường thôn Tây"), shown);

        String token = Browser.csrfTokenOf(shown);
        assertEquals(403, contributor.post("/pieces", Map.of("csrfToken", token, "kind", "ARTICLE", "title", "Tin của Mặt trận")).statusCode());
        assertEquals(403, contributor.post(PLAN + "/tasks/binh-dan-hoc-vu-so/state", Map.of("csrfToken", token, "state", "DONE")).statusCode());
        // the unit's work is not theirs to read either: their home is the plans page
        assertEquals(403, contributor.get("/calendar").statusCode());
        assertEquals(403, contributor.api("GET", "/api/pieces", null).statusCode());
        HttpResponse<String> home = contributor.get("/");
        assertEquals(303, home.statusCode());
        assertEquals("/plans", home.headers().firstValue("Location").orElse(""));
    }

    @Test
    void thePiecePageAndTheCalendarShowTheTaskServed() {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Ra mắt chuyên mục Nghị quyết 57", "Tóm tắt",
                "<p>Nội dung.</p>", null, null, null, List.of("Nghị quyết 57"), List.of(), List.of(), null, "Ban biên tập", null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.COVER, new ByteArrayInputStream(aPng()), "bia.png", null, "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");

        Browser editor = loggedIn("bien-tap");
        String page = editor.get("/pieces/" + piece.id()).body();
        assertTrue(page.contains("Chưa gắn với nhiệm vụ nào của kế hoạch."), page);
        HttpResponse<String> linked = editor.post("/pieces/" + piece.id() + "/task",
                Map.of("csrfToken", Browser.csrfTokenOf(page), "task", "ke-hoach-57-hoa-an/chuyen-muc-cong"));
        assertEquals(303, linked.statusCode(), linked.body());
        String after = editor.get("/pieces/" + piece.id()).body();
        assertTrue(after.contains("45/KH-UBND: Xây dựng chuyên mục “Nghị quyết 57”"), after);

        Instant at = Instant.now().plus(Duration.ofDays(2));
        publishing.schedule(piece.id(), List.of("eportal"), at, "bien-tap");
        LocalDate day = at.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
        String events = editor.get("/calendar/events?start=" + day + "&end=" + day.plusDays(1)).body();
        assertTrue(events.contains("Nhiệm vụ: 45/KH-UBND, Xây dựng chuyên mục"), events);
    }

    @Test
    void aNewPieceNamesItsTaskWhenItIsWritten() {
        Browser editor = loggedIn("bien-tap");
        String form = editor.get("/pieces/new?kind=RADIO_SCRIPT").body();
        assertTrue(form.contains("value=\"ke-hoach-57-hoa-an/ban-tin-loa\""), "the plan's tasks are offered: " + form);

        HttpResponse<String> saved = editor.post("/pieces", Map.of("csrfToken", Browser.csrfTokenOf(form), "kind", "RADIO_SCRIPT",
                "title", "Bản tin Nghị quyết 57 tuần này", "script", "Kính thưa bà con, Nghị quyết 57 mở ra cơ hội mới.",
                "task", "ke-hoach-57-hoa-an/ban-tin-loa"));
        assertEquals(303, saved.statusCode(), saved.body());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertFalse(location.contains("loi="), location);
        long id = Long.parseLong(location.replaceAll("^/pieces/(\\d+).*", "$1"));
        assertEquals("ke-hoach-57-hoa-an/ban-tin-loa", links.ofPiece(id).orElseThrow().ref());

        HttpResponse<String> unknown = editor.post("/pieces", Map.of("csrfToken", Browser.csrfTokenOf(form), "kind", "RADIO_SCRIPT",
                "title", "Bản tin không rõ nhiệm vụ", "script", "Kính thưa bà con.", "task", "ke-hoach-57-hoa-an/khong-co"));
        assertEquals(303, unknown.statusCode());
        String kept = unknown.headers().firstValue("Location").orElseThrow();
        assertTrue(kept.contains("loi="), "the piece is kept and the page says why the task was not named: " + kept);
        assertTrue(editor.get(kept).body().contains("Bản tin không rõ nhiệm vụ"));
    }

    @Test
    void aCampaignTemplatesPreviewNamesTheTaskItServes() {
        String preview = loggedIn("bien-tap").get("/campaigns/templates/khcn-18-5").body();
        assertTrue(preview.contains("45/KH-UBND: Tuyên truyền cao điểm dịp Ngày Khoa học và Công nghệ Việt Nam 18/5"), preview);
    }

    private String editorMenu() {
        return loggedIn("bien-tap").get(PLAN).body();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static byte[] aPng() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
