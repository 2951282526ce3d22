package vn.herald.report;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.campaign.Campaigns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.TestUsers.asEditor;

/**
 * What a unit sends upward: the counts of a period cut at the unit's midnight, failures and how they ended, air time,
 * and the same report as JSON, HTML, CSV and Word; a province's overview of its communes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportsContract implements TestPropertyProvider {

    @Inject @Client("/") HttpClient http;
    @Inject TransactionOperations<Connection> transactions;
    @Inject JsonMapper json;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject Reports reports;
    @Inject ReportPages pages;
    @Inject ReportSheets sheets;
    @Inject ReportDocuments documents;
    @Inject Campaigns campaigns;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.put("herald.test.clock", "true");
        properties.put("herald.publishing.scheduler-enabled", "false");
        return properties;
    }

    private static final String PROVINCE_OFFICER = "so-van-hoa";

    @BeforeAll
    void data() {
        TestUsers.ensure(accounts);
        ReportData data = new ReportData(transactions);
        data.unit("tinh-thu", "Tỉnh Thử Nghiệm", null);
        data.unit("xa-an-phu", "Xã An Phú", "tinh-thu");
        data.unit("xa-binh-minh", "Xã Bình Minh", "tinh-thu");
        data.unit("xa-yen-lac", "Xã Yên Lạc", "tinh-thu");
        data.unit("xa-trong", "Xã Trống", null);
        if (accounts.list().stream().noneMatch(a -> a.username().equals(PROVINCE_OFFICER))) {
            accounts.create(new Accounts.AccountForm(PROVINCE_OFFICER, "Sở Văn hóa tỉnh", TestUsers.PASSWORD,
                    java.util.EnumSet.of(vn.herald.account.Role.EDITOR), "tinh-thu", true));
        }
        data.channel("an-phu-loa", "xa-an-phu", "LOUDSPEAKER", false);
        data.channel("an-phu-web", "xa-an-phu", "EPORTAL", false);
        data.channel("an-phu-fb", "xa-an-phu", "FACEBOOK_PAGE", true);
        data.channel("binh-minh-web", "xa-binh-minh", "EPORTAL", false);

        long radio = data.piece("xa-an-phu", "RADIO_SCRIPT", "Bản tin chuyển đổi số tuần 19", "[\"Chuyển đổi số\"]",
                "[\"Người cao tuổi\"]", 300);
        long article = data.piece("xa-an-phu", "ARTICLE", "Hướng dẫn cài VNeID <script>alert(1)</script>",
                "[\"Chuyển đổi số\", \"Dịch vụ công\"]", "[\"Thanh niên\"]", null);
        long audio = data.piece("xa-an-phu", "RADIO_SCRIPT", "Thông báo lịch tiêm chủng", "[\"Y tế\"]", "[]", null);
        // May 2027 runs 15/4 00:00 to 14/5 24:00 in Hanoi (UTC+7)
        data.publication(radio, "an-phu-loa", "xa-an-phu", Instant.parse("2027-05-14T16:30:00Z"), "PUBLISHED", false, 0); // 14/5 23:30
        data.publication(radio, "an-phu-loa", "xa-an-phu", Instant.parse("2027-05-14T17:10:00Z"), "PUBLISHED", false, 0); // 15/5 00:10: June
        data.publication(radio, "an-phu-loa", "xa-an-phu", Instant.parse("2027-04-14T16:59:00Z"), "PUBLISHED", false, 0); // 14/4 23:59: April
        data.publication(audio, "an-phu-loa", "xa-an-phu", Instant.parse("2027-05-02T01:00:00Z"), "PUBLISHED", false, 0);
        data.publication(article, "an-phu-web", "xa-an-phu", Instant.parse("2027-04-20T01:00:00Z"), "PUBLISHED", false, 2);
        data.publication(article, "an-phu-fb", "xa-an-phu", Instant.parse("2027-04-21T01:00:00Z"), "PUBLISHED", true, 0);
        data.publication(article, "an-phu-fb", "xa-an-phu", Instant.parse("2027-04-22T01:00:00Z"), "EXPIRED", false, 3);
        data.publication(article, "an-phu-fb", "xa-an-phu", Instant.parse("2027-04-23T01:00:00Z"), "CANCELLED", false, 1);
        data.publication(article, "an-phu-fb", "xa-an-phu", Instant.parse("2027-05-10T01:00:00Z"), "NEEDS_ATTENTION", false, 1);

        // an article read on the loudspeakers: the piece has no read time, the payload froze 148 seconds
        data.unit("xa-loa-doc", "Xã Loa Đọc", null);
        data.channel("loa-doc-loa", "xa-loa-doc", "LOUDSPEAKER", false);
        long read = data.piece("xa-loa-doc", "ARTICLE", "Thông báo thu gom rác thải", "[]", "[]", null);
        data.publication(read, "loa-doc-loa", "xa-loa-doc", Instant.parse("2027-05-03T23:00:00Z"), "PUBLISHED", false, 0,
                "{\"pieceId\":" + read + ",\"title\":\"Thông báo thu gom rác thải\",\"text\":\"...\","
                        + "\"audioSha256\":null,\"readSeconds\":148}");

        // a commune with a screen in its service hall and short-video channels
        data.unit("xa-man-hinh", "Xã Màn Hình", null);
        data.channel("man-hinh-hoi-truong", "xa-man-hinh", "SCREEN", false);
        data.channel("man-hinh-youtube", "xa-man-hinh", "YOUTUBE", false);
        data.channel("man-hinh-tiktok", "xa-man-hinh", "TIKTOK", false);
        data.channel("man-hinh-web", "xa-man-hinh", "EPORTAL", false);
        long clip = data.piece("xa-man-hinh", "VIDEO", "Video Ngày Chuyển đổi số 10/10", "[\"Chuyển đổi số\"]", "[]", null);
        for (String channel : List.of("man-hinh-hoi-truong", "man-hinh-youtube", "man-hinh-tiktok", "man-hinh-web")) {
            data.publication(clip, channel, "xa-man-hinh", Instant.parse("2027-05-03T02:00:00Z"), "PUBLISHED", false, 0);
        }
        data.publication(clip, "man-hinh-tiktok", "xa-man-hinh", Instant.parse("2027-05-04T02:00:00Z"), "PUBLISHED", false, 0);
        data.publication(clip, "man-hinh-youtube", "xa-man-hinh", Instant.parse("2027-05-05T02:00:00Z"), "PUBLISHED", true, 0);

        long news = data.piece("xa-binh-minh", "ARTICLE", "Ngày hội đổi mới sáng tạo", "[\"Đổi mới sáng tạo\"]", "[]", null);
        for (int day = 16; day <= 20; day++) {
            data.publication(news, "binh-minh-web", "xa-binh-minh", Instant.parse("2027-04-" + day + "T02:00:00Z"), "PUBLISHED", false, 0);
        }
    }

    @BeforeEach
    void may() {
        clock.set(Instant.parse("2027-05-20T01:00:00Z"));
    }

    private Map<String, Object> getJson(String uri) throws IOException {
        return json.readValue(http.toBlocking().retrieve(asProvince(HttpRequest.GET(uri))), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void aPublicationAt2330OnThe14thCountsInThatMonthAndOneAtMidnightInTheNext() {
        Report may = reports.report("xa-an-phu", "2027-05");
        Report june = reports.report("xa-an-phu", "2027-06");

        assertEquals(Set.of("Bản tin chuyển đổi số tuần 19", "Thông báo lịch tiêm chủng", "Hướng dẫn cài VNeID <script>alert(1)</script>"),
                may.published().stream().map(Report.Item::title).collect(Collectors.toSet()));
        assertEquals(3, may.totals().published(), "14/5 23:30, 2/5 and 20/4; not 15/5 00:10, not 14/4 23:59");
        assertEquals(1, june.totals().published());
        assertEquals(Instant.parse("2027-05-14T17:10:00Z"), june.published().get(0).plannedAt());
    }

    @Test
    void countsGoByChannelKindTopicAndAudienceAndDryRunIsCountedApart() {
        Report may = reports.report("xa-an-phu", "2027-05");

        Map<String, Integer> byChannel = may.byChannel().stream()
                .collect(Collectors.toMap(Report.ChannelCount::channelId, Report.ChannelCount::published));
        assertEquals(Map.of("an-phu-loa", 2, "an-phu-web", 1, "an-phu-fb", 0), byChannel);
        assertEquals(1, may.totals().dryRun());
        assertEquals(1, may.byChannel().stream().filter(c -> c.channelId().equals("an-phu-fb")).findFirst().orElseThrow().dryRun());
        assertEquals(List.of("Kịch bản phát thanh:2", "Tin, bài viết:1"),
                may.byKind().stream().map(c -> c.label() + ":" + c.count()).toList());
        assertEquals(List.of("Chuyển đổi số:2", "Dịch vụ công:1", "Y tế:1"),
                may.byTopic().stream().map(c -> c.label() + ":" + c.count()).toList());
        assertEquals(List.of("Người cao tuổi:1", "Thanh niên:1"),
                may.byAudience().stream().map(c -> c.label() + ":" + c.count()).toList());
    }

    @Test
    void screensYouTubeAndTikTokAreCountedByChannelTypeInVietnameseInEveryFormat() throws IOException {
        Report may = reports.report("xa-man-hinh", "2027-05");
        assertEquals(List.of("Cổng thông tin:1", "Màn hình:1", "YouTube:1", "TikTok:2"),
                may.byChannelType().stream().map(c -> c.label() + ":" + c.count()).toList(),
                "sent for real, per kind of channel; the YouTube dry run is not counted");
        assertEquals(List.of("Video:5"), may.byKind().stream().map(c -> c.label() + ":" + c.count()).toList());

        String html = Jsoup.parse(pages.report(may)).text();
        assertTrue(html.contains("Loại kênh Đã đăng 1 Cổng thông tin 1 2 Màn hình 1 3 YouTube 1 4 TikTok 2"), html);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(sheets.report(may).substring(1))).getRecords();
        assertEquals(List.of("Cổng thông tin=1", "Màn hình=1", "YouTube=1", "TikTok=2"), rows.stream()
                .filter(r -> r.get("Mục").equals("Theo loại kênh")).map(r -> r.get("Nội dung") + "=" + r.get("Số lượng")).toList());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(documents.report(may)))) {
            XWPFTable types = doc.getTables().stream().filter(t -> t.getRow(0).getCell(1).getText().equals("Loại kênh"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("4", "TikTok", "2"), cells(types, 4));
            assertEquals(List.of("2", "Màn hình", "1"), cells(types, 2));
        }
    }

    @Test
    void aCampaignAcrossThePeriodBoundaryCountsItsSlotsInEachPeriod() {
        clock.set(Instant.parse("2027-05-01T01:00:00Z"));
        campaigns.create(new Campaigns.CampaignForm(null, "Tuần lễ thông tin cơ sở", "xa-an-phu", null, "2027-05-10",
                "2027-05-20", null, null, null, "thong-tin-co-so", List.of(), Map.of("EPORTAL", "daily"), null), "bien-tap");

        Report.CampaignLine may = reports.report("xa-an-phu", "2027-05").campaigns().get(0);
        Report.CampaignLine june = reports.report("xa-an-phu", "2027-06").campaigns().get(0);
        assertEquals("Tuần lễ thông tin cơ sở", may.campaign());
        assertEquals("an-phu-web", may.channelId());
        assertEquals(5, may.planned(), "10 to 14 May");
        assertEquals(6, june.planned(), "15 to 20 May");
        assertEquals(0, may.published());
        assertEquals(List.of(), reports.report("xa-an-phu", "2027-04").campaigns());
    }

    @Test
    void weeklyCadenceComplianceGivesTheShareOfWeeksMetAndNamesTheWeeksMissed() {
        Report may = reports.report("xa-an-phu", "2027-05");

        Map<String, Report.CadenceLine> rules = may.cadence().stream()
                .collect(Collectors.toMap(Report.CadenceLine::channelId, line -> line));
        assertEquals(Set.of("an-phu-loa", "an-phu-web"), rules.keySet(), "Facebook has no rule by default");
        Report.CadenceLine loudspeaker = rules.get("an-phu-loa");
        assertEquals(5, loudspeaker.weeksChecked(), "ISO weeks 15 to 19 touch 15/4 to 14/5");
        assertEquals(3, loudspeaker.weeksMet());
        assertEquals(List.of("2027-W16", "2027-W18"), loudspeaker.weeksMissed());
        assertEquals(60, loudspeaker.percentMet());
        assertEquals(List.of("2027-W15", "2027-W17", "2027-W18", "2027-W19"), rules.get("an-phu-web").weeksMissed());
    }

    @Test
    void everyFailureSaysHowItEnded() {
        Report may = reports.report("xa-an-phu", "2027-05");

        Map<Report.Ending, Long> endings = may.failures().stream()
                .collect(Collectors.groupingBy(Report.Failure::ending, Collectors.counting()));
        assertEquals(Map.of(Report.Ending.SENT_LATER, 1L, Report.Ending.EXPIRED, 1L, Report.Ending.CANCELLED, 1L,
                Report.Ending.WAITING, 1L), endings);
        assertEquals("Nền tảng trả lỗi 500", may.failures().get(0).lastError());
        assertEquals(4, may.totals().failures());
    }

    @Test
    void loudspeakerAirTimeAddsTheReadTimesAndNamesItemsWithoutOne() {
        Report may = reports.report("xa-an-phu", "2027-05");

        assertEquals(5, may.totals().loudspeakerMinutes(), "one 300-second script on air in May");
        assertEquals(2, may.totals().loudspeakerItems());
        assertEquals(1, may.totals().loudspeakerItemsWithoutDuration());
    }

    @Test
    void anArticleReadOnTheLoudspeakersCountsTheReadTimeItsPublicationAiredFor() {
        Report may = reports.report("xa-loa-doc", "2027-05");

        assertEquals(1, may.totals().loudspeakerItems());
        assertEquals(0, may.totals().loudspeakerItemsWithoutDuration(), "the publication page says about 2 min 28 s");
        assertEquals(2, may.totals().loudspeakerMinutes());
        assertEquals(148, may.totals().loudspeakerSeconds());
        String html = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=xa-loa-doc&period=2027-05&format=html")));
        assertFalse(html.contains("chưa rõ thời lượng"), html);
        assertTrue(html.contains("2 phút 28 giây"), "the report says what the publication page says");
    }

    @Test
    void aUnitWithNoPublicationsGetsAnEmptyReportInEveryFormat() throws IOException {
        Map<String, Object> report = json.readValue(http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=xa-trong&period=2027"))), Argument.mapOf(String.class, Object.class));
        assertEquals(0, ((Map<?, ?>) report.get("totals")).get("published"));
        assertEquals(List.of(), report.get("published"));

        String html = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=xa-trong&period=2027&format=html")));
        assertTrue(html.contains("Không có tin, bài nào được đăng, phát trong kỳ."), html);
        String csv = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=xa-trong&period=2027&format=csv")));
        assertEquals(8, CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().size(), "header, the four totals and the three reach lines");
        byte[] docx = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/reports?unit=xa-trong&period=2027&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertTrue(text(doc).contains("năm 2027"));
        }
    }

    @Test
    void theHtmlReportPrintsTitlesAsTextAndDrawsItsChartsOnTheServer() {
        HttpResponse<String> response = http.toBlocking().exchange(
                asProvince(HttpRequest.GET("/api/reports?unit=xa-an-phu&period=2027-05&format=html")), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/html"));
        Document page = Jsoup.parse(response.body());

        assertEquals("BÁO CÁO", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Kết quả thông tin, tuyên truyền tháng 5 năm 2027"), page.text());
        assertTrue(page.text().contains("(Số liệu từ ngày 15/04/2027 đến ngày 14/05/2027)"));
        assertTrue(page.text().contains("An Phú, ngày 20 tháng 5 năm 2027"), "place and date line");
        assertTrue(page.select("script").isEmpty(), "a hostile title is printed, not run");
        assertTrue(page.text().contains("Hướng dẫn cài VNeID <script>alert(1)</script>"));
        assertFalse(page.select("svg rect").isEmpty(), "bar charts drawn as SVG");
        assertEquals("Kênh an-phu-web", page.select("svg").first().select("text").first().text());
    }

    @Test
    void theCsvParsesBackIntoTheSameFigures() throws IOException {
        HttpResponse<String> response = http.toBlocking().exchange(
                asProvince(HttpRequest.GET("/api/reports?unit=xa-an-phu&period=2027-05&format=csv")), String.class);
        assertEquals("attachment; filename=\"bao-cao-xa-an-phu-2027-05.csv\"", response.header("Content-Disposition"));
        String body = response.body();
        assertEquals(ReportSheets.BOM, body.charAt(0), "Excel needs the byte-order mark to read Vietnamese");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body.substring(1))).getRecords();
        CSVRecord total = rows.stream().filter(r -> r.get("Nội dung").equals("Tin, bài đã đăng, phát")).findFirst().orElseThrow();
        assertEquals("3", total.get("Số lượng"));
        List<String> published = rows.stream().filter(r -> r.get("Mục").equals("Đã đăng, phát")).map(r -> r.get("Nội dung")).toList();
        assertEquals(3, published.size());
        assertTrue(published.contains("Hướng dẫn cài VNeID <script>alert(1)</script>"), "commas, quotes and tags survive");
        assertTrue(rows.stream().anyMatch(r -> r.get("Mục").equals("Sự cố khi gửi") && r.get("Ghi chú").startsWith("Quá hạn")));
    }

    @Test
    void theWordDocumentHasTheAdministrativeHeadAndNumberedTables() throws IOException {
        HttpResponse<byte[]> response = http.toBlocking().exchange(
                asProvince(HttpRequest.GET("/api/reports?unit=xa-an-phu&period=2027-05&format=docx")), byte[].class);
        assertTrue(response.getContentType().orElseThrow().toString().contains("wordprocessingml"));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            XWPFTable head = doc.getTables().get(0);
            String issuer = head.getRow(0).getCell(0).getText();
            String nation = head.getRow(0).getCell(1).getText();
            assertTrue(issuer.contains("TỈNH THỬ NGHIỆM") && issuer.contains("XÃ AN PHÚ"), issuer);
            assertTrue(nation.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && nation.contains("Độc lập – Tự do – Hạnh phúc"), nation);
            String text = text(doc);
            assertTrue(text.contains("BÁO CÁO") && text.contains("I. Kết quả chung") && text.contains("VII. Danh sách"), text);

            XWPFTable channels = tableAfter(doc, "II. Số lượng theo kênh");
            assertEquals(List.of("TT", "Kênh", "Đã đăng", "Chạy thử"), cells(channels, 0));
            assertEquals(4, channels.getNumberOfRows(), "header and three channels");
            assertEquals("1", channels.getRow(1).getCell(0).getText());
            XWPFTable published = tableAfter(doc, "VII. Danh sách tin, bài đã đăng, phát");
            assertEquals(4, published.getNumberOfRows());
            assertEquals("Times New Roman", doc.getParagraphs().get(1).getRuns().get(0).getFontFamily());
        }
    }

    @Test
    void aProvinceSeesItsCommunesSideBySideSortedAsAsked() throws IOException {
        Map<String, Object> overview = getJson("/api/overview?unit=tinh-thu&period=2027-05&sort=published&order=desc");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) overview.get("rows");
        assertEquals(List.of("xa-binh-minh", "xa-an-phu", "xa-yen-lac"), rows.stream().map(r -> r.get("unitCode")).toList());
        assertEquals(List.of(5, 3, 0), rows.stream().map(r -> r.get("published")).toList());
        Map<String, Object> anPhu = rows.get(1);
        assertEquals(40, anPhu.get("compliancePercent"), "4 of 10 rule-weeks met");
        assertEquals(6, anPhu.get("weeksMissed"));
        assertEquals(null, rows.get(2).get("compliancePercent"), "a commune without channels has no rule to keep");
        assertEquals(1, anPhu.get("pausedChannels"));
        assertEquals(1, anPhu.get("needsAttention"));

        Overview byName = reports.overview("tinh-thu", "2027-05", Overview.Sort.NAME, false);
        assertEquals(List.of("Xã An Phú", "Xã Bình Minh", "Xã Yên Lạc"), byName.rows().stream().map(Overview.Row::unitName).toList());

        String csv = http.toBlocking().retrieve(asProvince(HttpRequest.GET("/api/overview?unit=tinh-thu&period=2027-05&format=csv")));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(3, records.size());
        assertEquals("Xã An Phú", records.get(0).get("Đơn vị"));
        byte[] docx = http.toBlocking().retrieve(asProvince(HttpRequest.GET("/api/overview?unit=tinh-thu&period=2027-05&format=docx")), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = doc.getTables().get(1);
            assertEquals(4, table.getNumberOfRows());
            assertEquals("Xã An Phú", table.getRow(1).getCell(1).getText());
        }
    }

    @Test
    void remindersShowTheReportsDueWithinTenDays() throws IOException {
        clock.set(Instant.parse("2027-06-11T01:00:00Z"));
        Map<String, Object> answer = getJson("/api/reminders?unit=xa-an-phu");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        assertEquals(List.of("Báo cáo tháng 6 năm 2027", "Báo cáo 6 tháng đầu năm 2027"), items.stream().map(i -> i.get("title")).toList());
        assertEquals("2027-06-15", items.get(0).get("due"));
        assertEquals(4, items.get(0).get("daysLeft"));
        assertEquals("/reports?unit=xa-an-phu&period=2027-06", items.get(0).get("link"), "the reports page, with its downloads");

        clock.set(Instant.parse("2027-06-05T01:00:00Z"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tenDaysBefore = (List<Map<String, Object>>) getJson("/api/reminders?unit=xa-an-phu").get("items");
        assertEquals(List.of(10, 10), tenDaysBefore.stream().map(i -> i.get("daysLeft")).toList(), "due 15/6, ten days ahead");

        clock.set(Instant.parse("2027-06-20T01:00:00Z"));
        assertEquals(List.of(), getJson("/api/reminders?unit=xa-an-phu").get("items"));
    }

    @Test
    void wrongRequestsAreRefusedWithWhatIsWrong() {
        assertRefused("/api/reports?unit=xa-an-phu&period=2027-13", HttpStatus.BAD_REQUEST, "Tháng phải từ 01 đến 12");
        assertRefused("/api/reports?unit=xa-an-phu", HttpStatus.BAD_REQUEST, "Hãy chọn kỳ báo cáo");
        assertRefused("/api/reports?unit=xa-an-phu&period=2027&format=pdf", HttpStatus.BAD_REQUEST, "json, html, csv hoặc docx");
        assertRefused("/api/reports?unit=khong-co&period=2027", HttpStatus.BAD_REQUEST, "khong-co");
        // a commune reads its own reports only: a neighbour's answers as an unknown unit
        HttpClientResponseException neighbour = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(asEditor(HttpRequest.GET("/api/reports?unit=xa-an-phu&period=2027"))));
        assertEquals(HttpStatus.BAD_REQUEST, neighbour.getStatus());
        assertTrue(neighbour.getResponse().getBody(String.class).orElse("").contains("unit-unknown"));
        assertRefused("/api/overview?unit=xa-an-phu&period=2027", HttpStatus.BAD_REQUEST, "không có đơn vị trực thuộc");
        assertRefused("/api/overview?unit=tinh-thu&period=2027&sort=size", HttpStatus.BAD_REQUEST, "Sắp xếp theo");
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/reports?unit=xa-an-phu&period=2027")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    /** An officer of the province, who reads the reports of every commune below it. */
    private static <T> io.micronaut.http.MutableHttpRequest<T> asProvince(io.micronaut.http.MutableHttpRequest<T> request) {
        return request.basicAuth(PROVINCE_OFFICER, TestUsers.PASSWORD);
    }

    private void assertRefused(String uri, HttpStatus status, String words) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(asProvince(HttpRequest.GET(uri))));
        assertEquals(status, e.getStatus(), uri);
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains(words), uri + " answered " + body);
    }

    private static String text(XWPFDocument doc) {
        StringBuilder text = new StringBuilder();
        doc.getBodyElements().forEach(element -> {
            if (element instanceof XWPFParagraph paragraph) {
                text.append(paragraph.getText()).append('\n');
            } else if (element instanceof XWPFTable table) {
                text.append(table.getText()).append('\n');
            }
        });
        return text.toString();
    }

    private static XWPFTable tableAfter(XWPFDocument doc, String heading) {
        boolean found = false;
        for (var element : doc.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph && paragraph.getText().equals(heading)) {
                found = true;
            } else if (found && element instanceof XWPFTable table) {
                return table;
            }
        }
        throw new AssertionError("no table after " + heading);
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }
}
