package vn.herald.report;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.plan.Plans;
import vn.herald.plan.TaskLinks;
import vn.herald.support.Refusal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.report.ReportData.utc;
import static vn.herald.report.ReportJson.list;
import static vn.herald.report.ReportJson.map;
import static vn.herald.TestUsers.asEditor;

/**
 * A test year of a province's plan: the monthly report of a commune read task by task (outputs expected against
 * achieved, the publications and contributions that served each task, the problems and proposals the editor wrote)
 * in JSON, Word, HTML and CSV; the province's three communes ranked by targets met then tasks overdue; residents and
 * households set through the API by whom may.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaskReportsContract implements TestPropertyProvider {

    private static final String PROVINCE = "tinh-xep-hang";
    private static final String BEST = "xa-yen-binh";      // 2 of 3 outputs met, one task overdue
    private static final String DONE = "xa-tan-lap";       // 1 of 3, the dated task marked done
    private static final String LATE = "xa-an-hoa";        // 1 of 3, the dated task overdue: first by name, last by rank
    private static final String PLAN = "ke-hoach-thu";
    private static final String PROVINCE_ADMIN = "qt-tinh-xh";
    private static final String OTHER_ADMIN = "qt-tinh-khac";

    @Inject @Client("/") HttpClient http;
    @Inject TransactionOperations<Connection> transactions;
    @Inject JsonMapper json;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject Plans plans;
    @Inject TaskLinks links;
    @Inject ReportNotes notes;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.put("herald.test.clock", "true");
        properties.put("herald.publishing.scheduler-enabled", "false");
        return properties;
    }

    @BeforeAll
    void year() throws IOException {
        TestUsers.ensure(accounts);
        ReportData data = new ReportData(transactions);
        data.unit(PROVINCE, "Tỉnh Xếp Hạng", null);
        data.unit(BEST, "Xã Yên Bình", PROVINCE);
        data.unit(DONE, "Xã Tân Lập", PROVINCE);
        data.unit(LATE, "Xã An Hòa", PROVINCE);
        data.unit("tinh-khac", "Tỉnh Khác", null);
        accounts.create(new Accounts.AccountForm(PROVINCE_ADMIN, "Quản trị tỉnh", TestUsers.PASSWORD, EnumSet.of(Role.ADMIN), PROVINCE, true));
        accounts.create(new Accounts.AccountForm(OTHER_ADMIN, "Quản trị tỉnh khác", TestUsers.PASSWORD, EnumSet.of(Role.ADMIN), "tinh-khac", true));

        Path dir = Files.createTempDirectory("task-reports").resolve("content").resolve("plans");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PLAN + ".yml"), """
                code: ke-hoach-thu
                unit: tinh-xep-hang
                number: 12/KH-UBND
                issued: 2027-01-05
                issuer: Ủy ban nhân dân tỉnh Xếp Hạng
                title: Kế hoạch tuyên truyền Nghị quyết 57 năm 2027
                period: {from: 2027-01-01, to: 2027-12-31}
                tasks:
                  - code: ban-tin-loa
                    title: Phát tin về Nghị quyết 57 trên loa truyền thanh
                    lead: Trung tâm Văn hóa, Thể thao và Truyền thông
                    with: [Trưởng thôn, tổ dân phố]
                    deadline: thường xuyên
                    outputs:
                      - {channel: LOUDSPEAKER, atLeast: 1, per: week}
                  - code: cong-thong-tin
                    title: Đăng tin, bài trên cổng thông tin điện tử
                    lead: Văn phòng HĐND và UBND
                    deadline: thường xuyên
                    outputs:
                      - {channel: EPORTAL, atLeast: 2}
                  - code: hoi-nghi
                    title: Tổ chức hội nghị quán triệt Nghị quyết 57
                    lead: Văn phòng HĐND và UBND
                    with: [Công an xã, Mặt trận Tổ quốc]
                    deadline: 3/2027
                    outputs:
                      - {contributions: 1}
                      - Pano, băng rôn tại trụ sở
                  - code: phan-anh
                    title: Tiếp nhận, trả lời phản ánh của người dân
                    lead: Văn phòng HĐND và UBND
                    deadline: khi có yêu cầu
                    outputs:
                      - Trả lời phản ánh khi có yêu cầu
                """, StandardCharsets.UTF_8);
        plans.importAll(dir);

        for (String unit : List.of(BEST, DONE, LATE)) {
            data.channel(unit + "-loa", unit, "LOUDSPEAKER", false);
            data.channel(unit + "-web", unit, "EPORTAL", false);
        }
        // May 2027 (Decree 09) runs 15/4 to 14/5: five Monday-to-Sunday weeks touch it
        linked(data, BEST, "loa", "Bản tin Nghị quyết 57 tháng 3", "2027-03-10", "ban-tin-loa");      // before the period
        linked(data, BEST, "loa", "Bản tin Nghị quyết 57 số 1", "2027-04-16", "ban-tin-loa");         // week of 12/4
        linked(data, BEST, "loa", "Bản tin Nghị quyết 57 số 2", "2027-04-28", "ban-tin-loa");         // week of 26/4
        linked(data, BEST, "loa", "Bản tin Nghị quyết 57 số 3", "2027-05-04", "ban-tin-loa");         // week of 3/5
        linked(data, BEST, "loa", "Bản tin Nghị quyết 57 số 4", "2027-05-18", "ban-tin-loa");         // after: June's report
        linked(data, BEST, "loa", "Thông báo lịch tiêm chủng", "2027-04-20", null);                   // serves no task
        linked(data, BEST, "web", "Nghị quyết 57 đi vào cuộc sống", "2027-04-25", "cong-thong-tin");
        linked(data, BEST, "web", "Chuyển đổi số ở thôn Đông", "2027-05-08", "cong-thong-tin");
        for (String unit : List.of(DONE, LATE)) {
            linked(data, unit, "web", "Tin Nghị quyết 57 thứ nhất", "2027-04-22", "cong-thong-tin");
            linked(data, unit, "web", "Tin Nghị quyết 57 thứ hai", "2027-05-06", "cong-thong-tin");
        }
        contribution(BEST, "Công an xã", "2027-05-05", "Lồng ghép tuyên truyền tại hội nghị công an viên", "Hội trường thôn 2");
        contribution(BEST, "Mặt trận Tổ quốc", "2027-03-20", "Họp dân tháng 3", "Nhà văn hóa thôn 1");   // before the period
        execute("insert into plan_task_state (plan_code, task_code, unit_code, state, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)",
                PLAN, "hoi-nghi", DONE, "DONE", "bien-tap", utc(Instant.parse("2027-03-30T02:00:00Z")));
    }

    @BeforeEach
    void may() {
        clock.set(Instant.parse("2027-05-20T01:00:00Z"));
    }

    @Test
    void theMonthlyReportIsReadTaskByTaskNumberByNumber() throws IOException {
        Map<String, Object> report = get("/api/reports?unit=" + BEST + "&period=2027-05");
        List<Map<String, Object>> planSections = list(report.get("plans"));
        assertEquals(1, planSections.size());
        assertEquals("12/KH-UBND", planSections.get(0).get("number"));
        List<Map<String, Object>> tasks = list(planSections.get(0).get("tasks"));
        assertEquals(List.of("ban-tin-loa", "cong-thong-tin", "hoi-nghi", "phan-anh"), tasks.stream().map(t -> t.get("code")).toList());

        Map<String, Object> loudspeaker = tasks.get(0);
        assertEquals("Trung tâm Văn hóa, Thể thao và Truyền thông", loudspeaker.get("lead"));
        assertEquals(List.of("Trưởng thôn", "tổ dân phố"), loudspeaker.get("coordinating"));
        assertEquals("thường xuyên", loudspeaker.get("deadline"));
        assertEquals(false, loudspeaker.get("overdue"));
        Map<String, Object> weekly = list(loudspeaker.get("outputs")).get(0);
        assertEquals(5, weekly.get("expected"));
        assertEquals(3, weekly.get("achieved"), "weeks of 12/4, 26/4 and 3/5; the unlinked item of 20/4 does not count");
        assertEquals(false, weekly.get("met"));
        assertEquals(List.of("Bản tin Nghị quyết 57 số 1", "Bản tin Nghị quyết 57 số 2", "Bản tin Nghị quyết 57 số 3"),
                list(loudspeaker.get("publications")).stream().map(p -> p.get("title")).toList());

        Map<String, Object> portal = tasks.get(1);
        Map<String, Object> twice = list(portal.get("outputs")).get(0);
        assertEquals(List.of(2, 2, true), List.of(twice.get("expected"), twice.get("achieved"), twice.get("met")));
        assertEquals(2, list(portal.get("publications")).size());

        Map<String, Object> meeting = tasks.get(2);
        assertEquals(true, meeting.get("overdue"), "deadline 3/2027 passed and the task is not done");
        assertEquals("Chưa bắt đầu", meeting.get("state"));
        List<Map<String, Object>> outputs = list(meeting.get("outputs"));
        assertEquals(List.of(1, 1, true), List.of(outputs.get(0).get("expected"), outputs.get(0).get("achieved"), outputs.get(0).get("met")));
        assertEquals("Pano, băng rôn tại trụ sở", outputs.get(1).get("text"));
        assertNull(outputs.get(1).get("expected"));
        List<Map<String, Object>> contributed = list(meeting.get("contributions"));
        assertEquals(1, contributed.size(), "the March contribution belongs to March's report");
        assertEquals(List.of("2027-05-05", "Công an xã", "Lồng ghép tuyên truyền tại hội nghị công an viên", "Hội trường thôn 2"),
                List.of(contributed.get(0).get("doneOn"), contributed.get(0).get("organisation"), contributed.get(0).get("what"),
                        contributed.get(0).get("place")));

        Map<String, Object> onRequest = tasks.get(3);
        assertEquals(false, onRequest.get("overdue"));
        assertTrue(list(onRequest.get("publications")).isEmpty());

        assertTrue(list(get("/api/reports?unit=" + BEST + "&period=2026-12").get("plans")).isEmpty(),
                "December 2026 ends before the plan begins: nothing to report on it");
        Map<String, Object> reach = map(report.get("reach"));
        assertNull(reach.get("population"), "nobody entered it: no number is invented");
        assertEquals(6, map(report.get("totals")).get("published"), "the totals still count every publication of the period, served or not");
    }

    @Test
    void problemsAndProposalsAreKeptPerTaskAndPeriodAndPrintedInWordHtmlAndJson() throws IOException {
        String problem = "Thiếu kinh phí in pano, băng rôn.\nĐề xuất tỉnh hỗ trợ 5 triệu đồng.";
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(PLAN + "/hoi-nghi", problem);
        texts.put(ReportNotes.GENERAL, "Đề nghị tỉnh mở lớp tập huấn viết tin cho cán bộ thôn.");
        notes.save(BEST, "2027-05", texts, "bien-tap");
        notes.save(BEST, "2027-05", Map.of(ReportNotes.GENERAL, "Đề nghị tỉnh mở lớp tập huấn viết tin cho cán bộ thôn, tổ dân phố."), "bien-tap");

        Map<String, Object> report = get("/api/reports?unit=" + BEST + "&period=2027-05");
        assertEquals(problem, list(list(report.get("plans")).get(0).get("tasks")).get(2).get("notes"));
        assertEquals("Đề nghị tỉnh mở lớp tập huấn viết tin cho cán bộ thôn, tổ dân phố.", report.get("notes"));
        Map<String, Object> april = get("/api/reports?unit=" + BEST + "&period=2027-04");
        assertNull(april.get("notes"), "kept per period");

        byte[] docx = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=" + BEST + "&period=2027-05&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(paragraphs.contains("VIII. Kết quả thực hiện theo nhiệm vụ của kế hoạch"), paragraphs.toString());
            assertTrue(paragraphs.contains("1. Kế hoạch số 12/KH-UBND: Kế hoạch tuyên truyền Nghị quyết 57 năm 2027"));
            assertTrue(paragraphs.contains("1.1. Phát tin về Nghị quyết 57 trên loa truyền thanh"));
            assertTrue(paragraphs.contains("1.3. Tổ chức hội nghị quán triệt Nghị quyết 57"));
            assertTrue(paragraphs.contains("Thời hạn: 3/2027. Trạng thái: Chưa bắt đầu (quá hạn)."));
            assertTrue(paragraphs.contains("Khó khăn, vướng mắc và đề xuất: " + problem));
            assertTrue(paragraphs.contains("Đề nghị tỉnh mở lớp tập huấn viết tin cho cán bộ thôn, tổ dân phố."));
            assertTrue(paragraphs.contains("Số dân: chưa có số liệu; số hộ: chưa có số liệu; số người dân được tiếp cận thông tin: chưa có số liệu."));
            String tables = doc.getTables().stream().map(t -> t.getText()).collect(Collectors.joining("\n"));
            assertTrue(tables.contains("Lồng ghép tuyên truyền tại hội nghị công an viên"));
            assertTrue(tables.contains("Chưa đạt"));
        }

        String html = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=" + BEST + "&period=2027-05&format=html")), String.class);
        Document page = Jsoup.parse(html);
        assertEquals("1.3. Tổ chức hội nghị quán triệt Nghị quyết 57", page.select("[data-task=" + PLAN + "/hoi-nghi] h4").text());
        assertTrue(page.select("[data-task=" + PLAN + "/hoi-nghi] .notes").text().contains("Đề xuất tỉnh hỗ trợ 5 triệu đồng."));

        notes.save(BEST, "2027-05", Map.of(PLAN + "/hoi-nghi", " "), "bien-tap");
        assertNull(list(list(get("/api/reports?unit=" + BEST + "&period=2027-05").get("plans")).get(0).get("tasks")).get(2).get("notes"),
                "a blank text removes the block");
        Refusal unknown = assertThrows(Refusal.class, () -> notes.save(BEST, "2027-05", Map.of(PLAN + "/khong-co", "x"), "bien-tap"));
        assertEquals("report-note-task-unknown", unknown.code());
        Refusal tooLong = assertThrows(Refusal.class, () -> notes.save(BEST, "2027-05", Map.of("", "x".repeat(4001)), "bien-tap"));
        assertEquals("report-note-too-long", tooLong.code());
    }

    @Test
    void theCsvHasOneRowPerTaskAndMeasurableOutput() throws IOException {
        String csv = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=" + BEST + "&period=2027-05&format=csv")), String.class);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords().stream()
                .filter(r -> r.get("Mục").equals(ReportSheets.TASK_SECTION)).toList();
        assertEquals(3, rows.size(), "free-text outputs carry no numbers");
        assertEquals(List.of("Phát tin về Nghị quyết 57 trên loa truyền thanh", "5", "3", "Chưa đạt"),
                List.of(rows.get(0).get("Nội dung"), rows.get(0).get("Yêu cầu"), rows.get(0).get("Đã đạt"), rows.get(0).get("Đạt chỉ tiêu")));
        assertEquals(List.of("2", "2", "Đạt"), List.of(rows.get(1).get("Yêu cầu"), rows.get(1).get("Đã đạt"), rows.get(1).get("Đạt chỉ tiêu")));
        assertEquals(List.of("Tổ chức hội nghị quán triệt Nghị quyết 57", "1", "1", "Đạt"),
                List.of(rows.get(2).get("Nội dung"), rows.get(2).get("Yêu cầu"), rows.get(2).get("Đã đạt"), rows.get(2).get("Đạt chỉ tiêu")));
        assertTrue(rows.get(2).get("Ghi chú").contains("quá hạn"));
        List<CSVRecord> reach = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords().stream().filter(r -> r.get("Mục").equals("Độ bao phủ")).toList();
        assertEquals(List.of("", "chưa có số liệu"), List.of(reach.get(0).get("Số lượng"), reach.get(0).get("Ghi chú")),
                "no population entered: no number");
        assertEquals("chưa có số liệu", reach.get(2).get("Ghi chú"));
    }

    @Test
    void theProvinceRanksItsCommunesByTargetsMetThenFewerTasksOverdue() throws IOException {
        Map<String, Object> overview = get("/api/overview?unit=" + PROVINCE + "&period=2027-05&sort=targets");
        List<Map<String, Object>> rows = list(overview.get("rows"));
        assertEquals(List.of(BEST, DONE, LATE), rows.stream().map(r -> r.get("unitCode")).toList());
        assertEquals(List.of(2, 3, 1), List.of(rows.get(0).get("outputsMet"), rows.get(0).get("outputsMeasurable"), rows.get(0).get("tasksOverdue")));
        assertEquals(List.of(1, 3, 0), List.of(rows.get(1).get("outputsMet"), rows.get(1).get("outputsMeasurable"), rows.get(1).get("tasksOverdue")));
        assertEquals(List.of(1, 3, 1), List.of(rows.get(2).get("outputsMet"), rows.get(2).get("outputsMeasurable"), rows.get(2).get("tasksOverdue")));

        byte[] docx = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/overview?unit=" + PROVINCE + "&period=2027-05&sort=targets&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var table = doc.getTables().get(doc.getTables().size() - 1);
            assertEquals(List.of("Xã Yên Bình", "2/3", "1"), List.of(table.getRow(1).getCell(1).getText(),
                    table.getRow(1).getCell(2).getText(), table.getRow(1).getCell(3).getText()));
            assertEquals("Xã An Hòa", table.getRow(3).getCell(1).getText());
        }
    }

    @Test
    void populationAndHouseholdsAreSetByTheProvincesAdminAndShownInTheReport() throws IOException {
        var figures = Map.of("population", 12400, "households", 3150);
        HttpClientResponseException editor = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(asEditor(HttpRequest.PUT("/api/units/" + DONE + "/figures", figures))));
        assertEquals(HttpStatus.NOT_FOUND, editor.getStatus(), "an editor of another commune does not even see it");
        HttpClientResponseException other = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(HttpRequest.PUT("/api/units/" + DONE + "/figures", figures).basicAuth(OTHER_ADMIN, TestUsers.PASSWORD)));
        assertEquals(HttpStatus.FORBIDDEN, other.getStatus());
        String refusal = other.getResponse().getBody(String.class).orElse("");
        assertTrue(refusal.contains("unit-figures-forbidden") && refusal.contains("Xã Tân Lập"), refusal);
        HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(HttpRequest.PUT("/api/units/" + DONE + "/figures", Map.of("population", 100, "households", 300))
                        .basicAuth(PROVINCE_ADMIN, TestUsers.PASSWORD)));
        assertEquals(HttpStatus.BAD_REQUEST, wrong.getStatus());
        assertTrue(wrong.getResponse().getBody(String.class).orElse("").contains("Số hộ (300) không thể lớn hơn số dân (100)"));

        Map<String, Object> unit = json.readValue(http.toBlocking().retrieve(HttpRequest.PUT("/api/units/" + DONE + "/figures", figures)
                .basicAuth(PROVINCE_ADMIN, TestUsers.PASSWORD)), Argument.mapOf(String.class, Object.class));
        assertEquals(12400, unit.get("population"));
        assertEquals(3150, unit.get("households"));

        Map<String, Object> reach = map(get("/api/reports?unit=" + DONE + "&period=2027-05").get("reach"));
        assertEquals(12400, reach.get("population"));
        byte[] docx = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=" + DONE + "&period=2027-05&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertTrue(doc.getParagraphs().stream().map(XWPFParagraph::getText)
                    .anyMatch("Số dân: 12.400; số hộ: 3.150; số người dân được tiếp cận thông tin: chưa có số liệu."::equals));
        }
        Map<String, Object> row = list(get("/api/overview?unit=" + PROVINCE + "&period=2027-05&sort=targets").get("rows")).stream()
                .filter(r -> r.get("unitCode").equals(DONE)).findFirst().orElseThrow();
        assertEquals(List.of(12400, 3150), List.of(row.get("population"), row.get("households")));
    }

    // --- the year's data

    private void linked(ReportData data, String unit, String channel, String title, String day, String task) {
        long piece = data.piece(unit, "loa".equals(channel) ? "RADIO_SCRIPT" : "ARTICLE", title, "[]", "[]", 60);
        if (task != null) {
            links.linkImported(piece, PLAN + "/" + task);
        }
        data.publication(piece, unit + "-" + channel, unit, Instant.parse(day + "T02:00:00Z"), "PUBLISHED", false, 0);
    }

    private void contribution(String unit, String organisation, String day, String what, String place) {
        execute("insert into plan_contribution (plan_code, task_code, unit_code, organisation, done_on, what, place, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                PLAN, "hoi-nghi", unit, organisation, LocalDate.parse(day), what, place, "cong-an", utc(Instant.parse(day + "T03:00:00Z")));
    }

    private void execute(String sql, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    private Map<String, Object> get(String uri) throws IOException {
        return ReportJson.get(http, json, uri);
    }
}
