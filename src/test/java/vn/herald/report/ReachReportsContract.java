package vn.herald.report;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.ChannelFiles;
import vn.herald.channel.zalo.FakeZalo;
import vn.herald.channel.zalo.TestSecrets;
import vn.herald.engagement.EngagementCollector;
import vn.herald.engagement.Engagements;
import vn.herald.support.Refusal;
import vn.herald.plan.Plans;
import vn.herald.plan.TaskLinks;
import vn.herald.unit.Units;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.report.ReportData.utc;
import static vn.herald.report.ReportJson.list;
import static vn.herald.report.ReportJson.map;

/**
 * A test year of a province of three communes whose engagement is read back at night from local fakes of the Graph
 * API and Zalo's Open API (the real readers), the built-in portal's own counts and the loudspeaker stations' households;
 * May's report (15/4 to 14/5) is checked number by number: the tasks' outputs, residents reached by the model of
 * docs/reach.md and the plan's targets against them; the province ranks its communes by targets met.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReachReportsContract implements TestPropertyProvider {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String PROVINCE = "tinh-tiep-can";
    private static final String REACHED = "xa-dong-tien";  // 12,400 residents: 78.6% reached, every output and target met
    private static final String SHORT = "xa-phu-my";       // 8,000 residents: 55.0% reached, nothing met
    private static final String UNKNOWN = "xa-my-loc";     // residents not entered: reach not measured
    private static final String PLAN = "ke-hoach-tiep-can";

    private final FakeGraphInsights graph = new FakeGraphInsights();
    private final FakeZalo zalo = new FakeZalo();

    @Inject @Client("/") HttpClient http;
    @Inject TransactionOperations<java.sql.Connection> transactions;
    @Inject JsonMapper json;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject TestSecrets secrets;
    @Inject Plans plans;
    @Inject TaskLinks links;
    @Inject Units units;
    @Inject ChannelFiles channelFiles;
    @Inject EngagementCollector collector;
    @Inject Engagements engagements;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.put("herald.channels-dir", Files.createTempDirectory("reach-no-channels").toString());
            properties.put("herald.test.clock", "true");
            properties.put("herald.test.zalo-secrets", "true");
            properties.put("herald.publishing.scheduler-enabled", "false");
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void year() throws IOException {
        TestUsers.ensure(accounts);
        clock.set(Instant.parse("2027-03-01T01:00:00Z"));
        secrets.liveChannel();
        secrets.set("HERALD_FACEBOOK_PAGE_TOKEN", "EAAG-test-page-token");
        ReportData data = new ReportData(transactions);
        data.unit(PROVINCE, "Tỉnh Tiếp Cận", null);
        data.unit(REACHED, "Xã Đông Tiến", PROVINCE);
        data.unit(SHORT, "Xã Phú Mỹ", PROVINCE);
        data.unit(UNKNOWN, "Xã Mỹ Lộc", PROVINCE);
        units.setFigures(REACHED, new Units.Figures(12_400, 3_150));
        units.setFigures(SHORT, new Units.Figures(8_000, 2_000));

        Path root = Files.createTempDirectory("reach-year");
        Path planDir = Files.createDirectories(root.resolve("plans"));
        Files.writeString(planDir.resolve(PLAN + ".yml"), """
                code: ke-hoach-tiep-can
                unit: tinh-tiep-can
                number: 27/KH-UBND
                issued: 2027-01-10
                issuer: Ủy ban nhân dân tỉnh Tiếp Cận
                title: Kế hoạch thông tin, tuyên truyền Nghị quyết 57 năm 2027
                period: {from: 2027-01-01, to: 2027-12-31}
                targets:
                  - code: chuyen-muc-57
                    title: Có chuyên mục Nghị quyết 57 trên cổng thông tin điện tử của xã
                    measure: portal-section
                    by: 2027-06-30
                  - code: can-bo
                    title: 100% cán bộ, công chức được thông tin về Nghị quyết 57
                    measure: officials-informed
                    goal: 100%
                    by: 2027-12-31
                  - code: nguoi-dan
                    title: Ít nhất 60% người dân được tiếp cận thông tin qua hệ thống thông tin cơ sở
                    measure: residents-reached
                    goal: 60%
                    by: 2030
                tasks:
                  - code: ban-tin-loa
                    title: Phát bản tin Nghị quyết 57 trên loa truyền thanh
                    lead: Trung tâm Văn hóa, Thể thao và Truyền thông
                    deadline: thường xuyên
                    outputs:
                      - {channel: LOUDSPEAKER, atLeast: 1, per: week}
                  - code: mang-xa-hoi
                    title: Đăng tin trên trang Facebook của xã
                    lead: Trung tâm Văn hóa, Thể thao và Truyền thông
                    deadline: thường xuyên
                    outputs:
                      - {channel: FACEBOOK_PAGE, atLeast: 2}
                  - code: chuyen-muc-cong
                    title: Chuyên mục Nghị quyết 57 trên cổng thông tin điện tử
                    lead: Văn phòng HĐND và UBND
                    deadline: 6/2027
                    outputs:
                      - section: Nghị quyết 57
                      - {channel: EPORTAL, topic: Nghị quyết 57, atLeast: 1, per: month}
                """, StandardCharsets.UTF_8);
        plans.importAll(planDir);

        Path channelDir = Files.createDirectories(root.resolve("channels"));
        channelFiles(channelDir, REACHED, "Đông Tiến", "100001", List.of(1_200, 900));
        channelFiles(channelDir, SHORT, "Phú Mỹ", "100002", List.of(1_000));
        channelFiles(channelDir, UNKNOWN, "Mỹ Lộc", "100003", List.of(500));
        Files.writeString(channelDir.resolve(REACHED + "-zalo.yml"), """
                type: ZALO_OA
                unit: %s
                mode: live
                name: Zalo OA xã Đông Tiến
                baseUrl: %s
                oauthUrl: %s
                timeoutMillis: 2000
                """.formatted(REACHED, zalo.baseUrl(), zalo.baseUrl()), StandardCharsets.UTF_8);
        channelFiles.importAll(channelDir).forEach(outcome -> assertNull(outcome.reason(), outcome::toString));

        // March: read in its own night, belongs to March's report whatever it reached
        post(REACHED, "fb", "Hội nghị triển khai Nghị quyết 57", "2027-03-10", "mang-xa-hoi", "100001_900");
        graph.post("100001_900", new FakeGraphInsights.Post(9_000, 400, 50, 30));
        night(LocalDate.parse("2027-04-01"));

        // May's report: 15/4 to 14/5, five Monday-to-Sunday weeks touch it (12/4, 19/4, 26/4, 3/5, 10/5)
        for (String day : List.of("2027-04-17", "2027-04-21", "2027-04-28", "2027-05-05", "2027-05-12")) {
            post(REACHED, "loa", "Bản tin Nghị quyết 57 ngày " + day, day, "ban-tin-loa", "prog-" + REACHED + "-" + day);
            post(UNKNOWN, "loa", "Bản tin Nghị quyết 57 ngày " + day, day, "ban-tin-loa", "prog-" + UNKNOWN + "-" + day);
        }
        for (String day : List.of("2027-04-16", "2027-04-29", "2027-05-06")) {
            post(SHORT, "loa", "Bản tin Nghị quyết 57 ngày " + day, day, "ban-tin-loa", "prog-" + SHORT + "-" + day);
        }
        post(REACHED, "fb", "Chuyển đổi số trong nông nghiệp", "2027-04-20", "mang-xa-hoi", "100001_901");
        post(REACHED, "fb", "Bình dân học vụ số tại thôn Đông", "2027-05-06", "mang-xa-hoi", "100001_902");
        post(SHORT, "fb", "Ứng dụng VNeID cho người cao tuổi", "2027-04-22", "mang-xa-hoi", "100002_901");
        post(UNKNOWN, "fb", "Thanh toán không dùng tiền mặt", "2027-04-19", "mang-xa-hoi", "100003_901");
        post(UNKNOWN, "fb", "Chữ ký số cho hộ kinh doanh", "2027-05-07", "mang-xa-hoi", "100003_902");
        graph.page("100001", 2_900);
        graph.page("100002", 640);
        graph.page("100003", 410);
        graph.post("100001_901", new FakeGraphInsights.Post(3_100, 210, 34, 12));
        graph.post("100001_902", new FakeGraphInsights.Post(1_800, 95, 8, 4));
        graph.post("100002_901", new FakeGraphInsights.Post(800, 40, 2, 1));
        graph.post("100003_901", new FakeGraphInsights.Post(500, 20, 1, 0));
        graph.post("100003_902", new FakeGraphInsights.Post(700, 25, 3, 2));

        long firstArticle = post(REACHED, "web", "Nghị quyết 57 đi vào cuộc sống", "2027-04-18", "chuyen-muc-cong", "bai-1");
        long secondArticle = post(REACHED, "web", "Xã Đông Tiến số hóa thủ tục hành chính", "2027-05-08", "chuyen-muc-cong", "bai-2");
        long onlyArticle = post(UNKNOWN, "web", "Nghị quyết 57 và thanh niên Mỹ Lộc", "2027-04-20", "chuyen-muc-cong", "bai-3");
        views(firstArticle, "2027-04-18", 1_000);
        views(firstArticle, "2027-04-19", 240);
        views(secondArticle, "2027-05-08", 300);
        views(onlyArticle, "2027-04-20", 150);

        post(REACHED, "zalo", "Nghị quyết 57: những điều người dân cần biết", "2027-04-25", null, "art-501");
        zalo.publishedEarlier("art-501", "Nghị quyết 57: những điều người dân cần biết", "Tóm tắt");
        zalo.figures("art-501", new FakeZalo.Figures(Instant.parse("2027-04-25T02:00:00Z").toEpochMilli(), 620, 15));
        zalo.followers(1_500);

        night(LocalDate.parse("2027-05-01"));
        night(LocalDate.parse("2027-05-14"));
    }

    @AfterAll
    void stopFakes() throws IOException {
        graph.close();
        zalo.close();
    }

    @BeforeEach
    void afterMay() {
        clock.set(Instant.parse("2027-05-20T01:00:00Z"));
    }

    @Test
    void theMonthlyReportGivesResidentsReachedAndTheTargetsNumberByNumber() throws IOException {
        Map<String, Object> report = get("/api/reports?unit=" + REACHED + "&period=2027-05");

        Map<String, Object> reach = map(report.get("reach"));
        assertEquals(List.of(12_400, 3_150, 9_750, "78,6%"),
                List.of(reach.get("population"), reach.get("households"), reach.get("reached"), reach.get("share")),
                "1 - (1 - 8,267/12,400)(1 - 3,100/12,400)(1 - 620/12,400)(1 - 1,240/12,400) of 12,400 residents");
        List<Map<String, Object>> parts = list(reach.get("parts"));
        assertEquals(List.of("EPORTAL", "FACEBOOK_PAGE", "ZALO_OA", "LOUDSPEAKER"), parts.stream().map(p -> p.get("type")).toList());
        assertEquals(List.of(1_240, 3_100, 620, 8_267), parts.stream().map(p -> p.get("people")).toList(),
                "the portal's most read article (1,000 + 240 views), Facebook's most seen post this period (March's 9,000 "
                        + "is March's), Zalo's article, and 2,100 households x 12,400 / 3,150 residents");
        assertEquals("2.100 hộ nghe bản tin phủ rộng nhất", parts.get(3).get("basis"));

        Map<String, Object> plan = list(report.get("plans")).get(0);
        List<Map<String, Object>> targets = list(plan.get("targets"));
        assertEquals(List.of("chuyen-muc-57", "can-bo", "nguoi-dan"), targets.stream().map(t -> t.get("code")).toList());
        assertEquals(List.of("Có chuyên mục «Nghị quyết 57»", true, "Đạt"),
                List.of(targets.get(0).get("achieved"), targets.get(0).get("met"), targets.get(0).get("verdict")));
        assertNull(targets.get(1).get("met"), "officials informed is not something Herald can count");
        assertEquals(Reports.NOT_MEASURED, targets.get(1).get("verdict"));
        assertEquals(List.of(60, "2030-12-31", "78,6%", true, "Đạt"), List.of(targets.get(2).get("goalPercent"),
                targets.get(2).get("by"), targets.get(2).get("achieved"), targets.get(2).get("met"), targets.get(2).get("verdict")));

        List<Map<String, Object>> tasks = list(plan.get("tasks"));
        assertEquals(List.of(List.of(5, 5, true)), outputs(tasks.get(0)), "a loudspeaker item in each of the five weeks");
        assertEquals(5, list(tasks.get(0).get("publications")).size());
        assertEquals(List.of(List.of(2, 2, true)), outputs(tasks.get(1)), "the two posts of the period; March's is not counted");
        assertEquals(List.of(List.of(1, 1, true), List.of(2, 2, true)), outputs(tasks.get(2)), "the section, and April and May each had an article");

        byte[] docx = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=" + REACHED + "&period=2027-05&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(paragraphs.contains("Số dân: 12.400; số hộ: 3.150; số người dân được tiếp cận thông tin: 9.750 (78,6% số dân)."),
                    paragraphs.toString());
            assertTrue(paragraphs.stream().anyMatch(p -> p.contains("Loa truyền thanh 8.267 người (2.100 hộ nghe bản tin phủ rộng nhất)")),
                    paragraphs.toString());
            String tables = doc.getTables().stream().map(t -> t.getText()).collect(Collectors.joining("\n"));
            assertTrue(tables.contains("Ít nhất 60% người dân được tiếp cận thông tin qua hệ thống thông tin cơ sở"));
            assertTrue(tables.contains("78,6%"));
        }

        String csv = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=" + REACHED + "&period=2027-05&format=csv")), String.class);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        CSVRecord reached = rows.stream().filter(r -> r.get("Nội dung").equals("Số người dân được tiếp cận thông tin")).findFirst().orElseThrow();
        assertEquals(List.of("9750", "78,6% số dân"), List.of(reached.get("Số lượng"), reached.get("Ghi chú")));
        CSVRecord target = rows.stream().filter(r -> r.get("Mục").equals(ReportSheets.TARGET_SECTION))
                .filter(r -> r.get("Nội dung").startsWith("Ít nhất 60%")).findFirst().orElseThrow();
        assertEquals(List.of("60%", "78,6%", "Đạt"), List.of(target.get("Yêu cầu"), target.get("Đã đạt"), target.get("Đạt chỉ tiêu")));

        assertFalse(graph.asked().stream().anyMatch(url -> url.contains("post_impressions") || url.contains("page_fans")),
                "no metric Facebook deprecated in 2025 is asked for");
    }

    @Test
    void aCommuneShortOfTheGoalAndOneWithoutResidentsAreToldApart() throws IOException {
        Map<String, Object> shortReport = get("/api/reports?unit=" + SHORT + "&period=2027-05");
        Map<String, Object> reach = map(shortReport.get("reach"));
        assertEquals(List.of(4_400, "55,0%"), List.of(reach.get("reached"), reach.get("share")),
                "1 - (1 - 4,000/8,000)(1 - 800/8,000) of 8,000");
        List<Map<String, Object>> targets = list(list(shortReport.get("plans")).get(0).get("targets"));
        assertEquals(List.of("Chưa có chuyên mục «Nghị quyết 57»", false), List.of(targets.get(0).get("achieved"), targets.get(0).get("met")),
                "a commune without a portal has no section");
        assertEquals(List.of("55,0%", false, "Chưa đạt"), List.of(targets.get(2).get("achieved"), targets.get(2).get("met"),
                targets.get(2).get("verdict")));

        Map<String, Object> unknown = get("/api/reports?unit=" + UNKNOWN + "&period=2027-05");
        Map<String, Object> none = map(unknown.get("reach"));
        assertNull(none.get("reached"), "no residents entered: no share is invented");
        assertTrue(list(none.get("parts")).isEmpty());
        Map<String, Object> goal = list(list(unknown.get("plans")).get(0).get("targets")).get(2);
        assertEquals(List.of(Report.NO_DATA), List.of(goal.get("verdict")));
        assertNull(goal.get("met"));

        Refusal missing = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> engagements.reach("xa-khong-co", LocalDate.parse("2027-04-15"), LocalDate.parse("2027-05-14")));
        assertEquals(Refusal.Kind.NOT_FOUND, missing.kind(), "an unknown unit is not found, not a server error");
    }

    @Test
    void theProvinceRanksItsThreeCommunesByTargetsMetAndAddsUpTheirReach() throws IOException {
        Map<String, Object> overview = get("/api/overview?unit=" + PROVINCE + "&period=2027-05&sort=targets");
        List<Map<String, Object>> rows = list(overview.get("rows"));
        assertEquals(List.of(REACHED, UNKNOWN, SHORT), rows.stream().map(r -> r.get("unitCode")).toList(),
                "6 of 6, then 4 of 5, then 0 of 6");
        assertEquals(List.of(4, 4, 2, 2, 9_750, "78,6%"), List.of(rows.get(0).get("outputsMet"), rows.get(0).get("outputsMeasurable"),
                rows.get(0).get("targetsMet"), rows.get(0).get("targetsMeasured"), rows.get(0).get("reached"), rows.get(0).get("reachedShare")));
        assertEquals(List.of(3, 4, 1, 1), List.of(rows.get(1).get("outputsMet"), rows.get(1).get("outputsMeasurable"),
                rows.get(1).get("targetsMet"), rows.get(1).get("targetsMeasured")), "May had no portal article: 3 of 4 outputs");
        assertNull(rows.get(1).get("reached"));
        assertEquals(List.of(0, 4, 0, 2, 4_400), List.of(rows.get(2).get("outputsMet"), rows.get(2).get("outputsMeasurable"),
                rows.get(2).get("targetsMet"), rows.get(2).get("targetsMeasured"), rows.get(2).get("reached")));
        Map<String, Object> total = map(overview.get("reach"));
        assertEquals(List.of(20_400, 14_150, "69,4%", 2, 3), List.of(total.get("population"), total.get("reached"),
                total.get("share"), total.get("counted"), total.get("units")));

        byte[] docx = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/overview?unit=" + PROVINCE + "&period=2027-05&sort=targets&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertTrue(doc.getParagraphs().stream().map(XWPFParagraph::getText).anyMatch(
                    "Các đơn vị có số liệu (2/3) đã tiếp cận thông tin tới 14.150 trên 20.400 người dân (69,4%)."::equals));
            var table = doc.getTables().get(doc.getTables().size() - 1);
            assertEquals(List.of("Xã Đông Tiến", "6/6", "9.750 (78,6%)"), List.of(table.getRow(1).getCell(1).getText(),
                    table.getRow(1).getCell(2).getText(), table.getRow(1).getCell(4).getText()));
            assertEquals(List.of("Xã Mỹ Lộc", "4/5", Report.NO_DATA), List.of(table.getRow(2).getCell(1).getText(),
                    table.getRow(2).getCell(2).getText(), table.getRow(2).getCell(4).getText()));
        }
    }

    // --- the year's data

    private void channelFiles(Path dir, String unit, String name, String pageId, List<Integer> households) throws IOException {
        StringBuilder stations = new StringBuilder();
        for (int i = 0; i < households.size(); i++) {
            stations.append("  - code: thon-").append(i + 1).append("\n    name: Cụm loa thôn ").append(i + 1)
                    .append("\n    households: ").append(households.get(i)).append('\n');
        }
        Files.writeString(dir.resolve(unit + "-loa.yml"), """
                type: LOUDSPEAKER
                unit: %s
                mode: live
                name: Truyền thanh xã %s
                delivery: http-push
                pushUrl: http://127.0.0.1:9/chuong-trinh
                stations:
                %ssessions:
                  - days: [MON, TUE, WED, THU, FRI, SAT, SUN]
                    start: "17:00"
                    minutes: 30
                tts:
                  engine: none
                """.formatted(unit, name, stations), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(unit + "-fb.yml"), """
                type: FACEBOOK_PAGE
                unit: %s
                mode: live
                name: Trang Facebook xã %s
                pageId: "%s"
                baseUrl: %s
                """.formatted(unit, name, pageId, graph.baseUrl()), StandardCharsets.UTF_8);
        if (!unit.equals(SHORT)) {
            Files.writeString(dir.resolve(unit + "-web.yml"), """
                    type: EPORTAL
                    unit: %s
                    mode: live
                    name: Cổng thông tin xã %s
                    """.formatted(unit, name), StandardCharsets.UTF_8);
        }
    }

    /** A publication sent for real at 09:00 on the day, with the platform's id, serving the task. */
    private long post(String unit, String channel, String title, String day, String task, String externalId) {
        ReportData data = new ReportData(transactions);
        String kind = channel.equals("loa") ? "RADIO_SCRIPT" : "ARTICLE";
        long piece = data.piece(unit, kind, title, "web".equals(channel) ? "[\"Nghị quyết 57\"]" : "[]", "[]", 60);
        if (task != null) {
            links.linkImported(piece, PLAN + "/" + task);
        }
        Instant planned = LocalDate.parse(day).atTime(9, 0).atZone(HANOI).toInstant();
        return data.sentWithPlatformId(piece, unit + "-" + channel, unit, planned, externalId);
    }

    /** The built-in portal's own count of an article's page views on a day. */
    private void views(long publication, String day, long count) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "insert into portal_view (publication_id, on_day, views) values (?, ?, ?)")) {
                insert.setLong(1, publication);
                insert.setObject(2, LocalDate.parse(day));
                insert.setLong(3, count);
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The collector's night, minute by minute from 01:00 for two hours: long enough for every channel's pace. */
    private void night(LocalDate day) {
        Instant start = day.atTime(LocalTime.of(1, 0)).atZone(HANOI).toInstant();
        for (int minute = 0; minute <= 120; minute++) {
            clock.set(start.plusSeconds(60L * minute));
            collector.collect();
        }
    }

    private static List<List<Object>> outputs(Map<String, Object> task) {
        return list(task.get("outputs")).stream()
                .map(o -> List.of(o.get("expected"), o.get("achieved"), o.get("met"))).toList();
    }

    private Map<String, Object> get(String uri) throws IOException {
        return ReportJson.get(http, json, uri);
    }
}
