package vn.herald.plan;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.campaign.CampaignTemplates;
import vn.herald.content.FileOutcome;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.library.ImportReport;
import vn.herald.library.Imports;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans on every database: the seed plan imports; a broken plan file is reported with file, line and key while the
 * others import; a re-import updates in place and keeps what people marked; a task's state is changed by the unit's
 * editor or an admin and by nobody else; pieces, publications and campaign templates name the task they serve; the
 * progress of a month is counted number by number; a contributor records contributions and writes nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanContract implements TestPropertyProvider {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String UNIT = "xa-hoa-an";
    static final String OTHER = "xa-binh-an";
    static final String SEED = "ke-hoach-57-hoa-an";
    static final String PASSWORD = TestUsers.PASSWORD;

    @Inject Plans plans;
    @Inject TaskLinks links;
    @Inject TaskProgress progress;
    @Inject Imports imports;
    @Inject CampaignTemplates templates;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Accounts accounts;
    @Inject Units units;
    @Inject TestClock clock;
    @Inject JsonMapper json;
    @Inject TransactionOperations<Connection> transactions;
    @Inject @Client("/") HttpClient http;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(Map.of(
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.upstream.enabled", "false"));
        return properties;
    }

    @BeforeEach
    void people() {
        clock.set(LocalDate.parse("2025-06-10").atTime(9, 0).atZone(HANOI).toInstant());
        TestUsers.ensure(accounts);
        if (units.find(OTHER).isEmpty()) {
            units.create(new Units.UnitForm(OTHER, "Xã Bình An", "Asia/Ho_Chi_Minh", null));
            accounts.create(new Accounts.AccountForm("binh-an-bien-tap", "Lê Văn Bình", PASSWORD, EnumSet.of(Role.EDITOR), OTHER, true));
            accounts.create(new Accounts.AccountForm("cong-an-xa", "Phạm Văn Công", PASSWORD, EnumSet.of(Role.CONTRIBUTOR), UNIT, true));
        }
    }

    // --- import

    @Test
    void theSeedPlanImportsWithEveryKindOfDeadline() {
        ImportReport report = imports.latest().orElseThrow();
        assertTrue(report.problems().isEmpty(), () -> "the seed library has errors: " + report.problems());
        assertTrue(report.files().stream().anyMatch(f -> f.path().equals("content/plans/ke-hoach-57-hoa-an.yml")), report.files()::toString);

        Map<String, Object> list = get("/api/plans", "bien-tap");
        List<Map<String, Object>> items = items(list);
        Map<String, Object> seed = items.stream().filter(p -> SEED.equals(p.get("code"))).findFirst().orElseThrow();
        assertEquals("45/KH-UBND", seed.get("number"));
        assertEquals(8, ((Number) seed.get("tasks")).intValue());

        Plan plan = plans.find(SEED).orElseThrow();
        assertEquals(4, plan.targets().size());
        assertEquals(80, plan.targets().stream().filter(t -> t.measure() == Plan.Measure.RESIDENTS_REACHED).findFirst().orElseThrow().goalPercent());
        assertEquals(LocalDate.of(2030, 12, 31), plan.targets().get(2).by());
        assertEquals(EnumSet.allOf(PlanTask.DeadlineKind.class),
                EnumSet.copyOf(plan.tasks().stream().map(t -> t.deadline().kind()).toList()));
        PlanTask portal = plan.task("chuyen-muc-cong").orElseThrow();
        assertEquals(LocalDate.of(2025, 6, 30), portal.deadline().date());
        assertEquals("Trung tâm Văn hóa, Thể thao và Truyền thông", portal.lead());
        PlanTask loudspeaker = plan.task("ban-tin-loa").orElseThrow();
        assertEquals("Ít nhất 1 tin, bài trên Loa truyền thanh mỗi tuần", loudspeaker.outputs().get(0).text());
    }

    @Test
    void aBrokenPlanFileIsReportedWithFileLineAndKeyWhileTheOthersImport() throws IOException {
        Path plansDir = Files.createTempDirectory("plans-broken").resolve("content").resolve("plans");
        Files.createDirectories(plansDir);
        write(plansDir.resolve("ke-hoach-tot.yml"), plan("ke-hoach-tot", "ban-tin", "thường xuyên", "LOUDSPEAKER"));
        write(plansDir.resolve("ke-hoach-thang-13.yml"), plan("ke-hoach-thang-13", "ban-tin", "13/2025", "LOUDSPEAKER"));
        write(plansDir.resolve("ke-hoach-kenh-la.yml"), plan("ke-hoach-kenh-la", "ban-tin", "6/2025", "FAX"));
        write(plansDir.resolve("ke-hoach-khoa-la.yml"), plan("ke-hoach-khoa-la", "ban-tin", "6/2025", "LOUDSPEAKER")
                .replace("    lead:", "    leader: Ai đó\n    lead:"));
        write(plansDir.resolve("ke-hoach-thieu-ten.yml"), plan("ke-hoach-thieu-ten", "ban-tin", "6/2025", "LOUDSPEAKER")
                .replace("    title: Phát bản tin\n", ""));

        Map<String, FileOutcome> outcomes = new HashMap<>();
        plans.importAll(plansDir).forEach(o -> outcomes.put(o.path(), o));

        assertEquals(FileOutcome.Result.IMPORTED, outcomes.get("content/plans/ke-hoach-tot.yml").result());
        assertTrue(plans.find("ke-hoach-tot").isPresent());
        FileOutcome month = outcomes.get("content/plans/ke-hoach-thang-13.yml");
        assertEquals("content/plans/ke-hoach-thang-13.yml:15: 'deadline' ghi '13/2025', không phải \"thường xuyên\", \"khi có yêu cầu\", "
                + "một tháng có thật như 6/2025 hay một ngày có thật như 2025-06-30", month.message());
        FileOutcome channel = outcomes.get("content/plans/ke-hoach-kenh-la.yml");
        assertEquals(17, channel.line());
        assertTrue(channel.reason().startsWith("'channel' phải là EPORTAL, FACEBOOK_PAGE"), channel.reason());
        assertTrue(channel.reason().endsWith("đang là 'FAX'"), channel.reason());
        FileOutcome key = outcomes.get("content/plans/ke-hoach-khoa-la.yml");
        assertEquals(13, key.line());
        assertTrue(key.reason().startsWith("khóa 'leader' không dùng cho nhiệm vụ"), key.reason());
        FileOutcome title = outcomes.get("content/plans/ke-hoach-thieu-ten.yml");
        assertEquals(FileOutcome.Result.FAILED, title.result());
        assertEquals("thiếu 'title'", title.reason());
        assertEquals(11, title.line(), "the task that lacks it");
        assertTrue(plans.find("ke-hoach-thang-13").isEmpty() && plans.find("ke-hoach-kenh-la").isEmpty());
    }

    @Test
    void aReImportUpdatesThePlanInPlaceAndKeepsTheStatesMarked() throws IOException {
        Path plansDir = Files.createTempDirectory("plans-again").resolve("content").resolve("plans");
        Files.createDirectories(plansDir);
        Path file = plansDir.resolve("ke-hoach-lai.yml");
        write(file, plan("ke-hoach-lai", "ban-tin", "thường xuyên", "LOUDSPEAKER"));
        assertEquals(FileOutcome.Result.IMPORTED, plans.importAll(plansDir).get(0).result());
        plans.mark("ke-hoach-lai", "ban-tin", null, TaskState.IN_PROGRESS, "bien-tap");

        write(file, plan("ke-hoach-lai", "ban-tin", "12/2025", "LOUDSPEAKER").replace("Phát bản tin", "Phát bản tin hằng tuần"));
        assertEquals(FileOutcome.Result.UPDATED, plans.importAll(plansDir).get(0).result());
        assertEquals(FileOutcome.Result.UNCHANGED, plans.importAll(plansDir).get(0).result());

        Plans.PlanView view = plans.view("ke-hoach-lai", UNIT);
        assertEquals(1, view.tasks().size());
        TaskView task = view.tasks().get(0);
        assertEquals("Phát bản tin hằng tuần", task.task().title());
        assertEquals(PlanTask.DeadlineKind.MONTH, task.task().deadline().kind());
        assertEquals(TaskState.IN_PROGRESS, task.state(), "the state marked before the re-import");
        assertEquals("bien-tap", task.stateBy());
    }

    // --- states

    @Test
    void theUnitsEditorMarksATaskAndOverdueComesFromTheDeadline() {
        Map<String, Object> before = task(get("/api/plans/" + SEED, "bien-tap"), "quan-triet-can-bo");
        assertEquals("NOT_STARTED", before.get("state"));
        assertEquals(true, before.get("overdue"), "due 30/5/2025, not done on 10/6/2025");
        assertEquals(false, task(get("/api/plans/" + SEED, "bien-tap"), "ban-tin-loa").get("overdue"), "ongoing work is never overdue");

        Map<String, Object> done = post("/api/plans/" + SEED + "/tasks/quan-triet-can-bo/state", Map.of("state", "DONE"), "bien-tap");
        assertEquals("DONE", done.get("state"));
        assertEquals(false, done.get("overdue"));
        assertEquals(false, task(get("/api/plans/" + SEED, "bien-tap"), "quan-triet-can-bo").get("overdue"));

        // the portal section is due at the end of 6/2025: not yet overdue on 10/6, overdue on 1/7
        assertEquals(false, task(get("/api/plans/" + SEED, "bien-tap"), "chuyen-muc-cong").get("overdue"));
        clock.set(LocalDate.parse("2025-07-01").atTime(9, 0).atZone(HANOI).toInstant());
        assertEquals(true, task(get("/api/plans/" + SEED, "bien-tap"), "chuyen-muc-cong").get("overdue"));
    }

    @Test
    void onlyAnAdminOrTheUnitsEditorChangesATasksState() {
        assertEquals(HttpStatus.FORBIDDEN, refused("/api/plans/" + SEED + "/tasks/ban-tin-loa/state", Map.of("state", "DONE"), "duyet").getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refused("/api/plans/" + SEED + "/tasks/ban-tin-loa/state", Map.of("state", "DONE"), "cong-an-xa").getStatus());
        HttpClientResponseException other = refused("/api/plans/" + SEED + "/tasks/ban-tin-loa/state", Map.of("state", "DONE"), "binh-an-bien-tap");
        assertEquals(HttpStatus.NOT_FOUND, other.getStatus(), "another commune's plan answers as a missing one");
        assertEquals(HttpStatus.NOT_FOUND, refused("/api/plans/" + SEED, null, "binh-an-bien-tap").getStatus());
        assertEquals("NOT_STARTED", task(get("/api/plans/" + SEED, "bien-tap"), "ban-tin-loa").get("state"));

        Map<String, Object> byAdmin = post("/api/plans/" + SEED + "/tasks/ban-tin-loa/state",
                Map.of("state", "IN_PROGRESS", "unit", UNIT), "admin");
        assertEquals("IN_PROGRESS", byAdmin.get("state"));
        assertEquals("admin", byAdmin.get("stateBy"));
    }

    // --- links

    @Test
    void aPieceAndItsPublicationsServeTheTaskItNames() {
        Piece piece = approvedArticle("Chuyên mục Nghị quyết 57 ra mắt");
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(TestUsers.asEditor(HttpRequest.GET("/api/pieces/" + piece.id() + "/task"))).getStatus());

        HttpClientResponseException unknown = refused("/api/pieces/" + piece.id() + "/task", Map.of("task", SEED + "/khong-co"), "bien-tap", true);
        assertEquals(HttpStatus.BAD_REQUEST, unknown.getStatus());
        assertTrue(unknown.getResponse().getBody(String.class).orElse("").contains("task-unknown"));

        Map<String, Object> linked = put("/api/pieces/" + piece.id() + "/task", Map.of("task", SEED + "/chuyen-muc-cong"), "bien-tap");
        assertEquals("Xây dựng chuyên mục “Nghị quyết 57” trên cổng thông tin điện tử của xã và cập nhật tin, bài thường xuyên", linked.get("title"));
        assertEquals("45/KH-UBND", linked.get("planNumber"));

        Publication portal = publishing.schedule(piece.id(), List.of("eportal"), clock.instant().plusSeconds(3600), "bien-tap").get(0);
        Publication zalo = publishing.schedule(piece.id(), List.of("zalo"), clock.instant().plusSeconds(3600), "bien-tap").get(0);
        assertEquals(SEED + "/chuyen-muc-cong", get("/api/publications/" + portal.id() + "/task", "bien-tap").get("ref"));
        put("/api/publications/" + zalo.id() + "/task", Map.of("task", SEED + "/mang-xa-hoi"), "bien-tap");
        assertEquals(SEED + "/mang-xa-hoi", links.ofPublication(zalo.id()).orElseThrow().ref(), "scheduled with another task");
        assertEquals(SEED + "/chuyen-muc-cong", links.ofPublication(portal.id()).orElseThrow().ref());
    }

    @Test
    void aContentFileAndACampaignTemplateNameTheirTasks() throws IOException {
        long bulletin = new PlanRows(transactions).pieceOfFile("radio/ban-tin-hang-tuan-tuan-20-2026.md");
        assertEquals(SEED + "/ban-tin-loa", links.ofPiece(bulletin).orElseThrow().ref());
        assertEquals(SEED + "/cao-diem-ngay-le", links.ofTemplate("khcn-18-5").orElseThrow().ref());

        // a publication a campaign placed serves the template's task, whatever its piece serves
        PlanRows rows = new PlanRows(transactions);
        long piece = rows.piece(UNIT, "Chào mừng ngày 18/5", "[\"Khoa học và công nghệ\"]");
        long placed = rows.published(piece, "facebook", UNIT, Instant.parse("2025-05-15T01:00:00Z"));
        rows.campaignSlot("khcn-18-5", UNIT, "facebook", placed, Instant.parse("2025-05-15T01:00:00Z"));
        assertEquals(SEED + "/cao-diem-ngay-le", links.ofPublication(placed).orElseThrow().ref());

        Path campaignsDir = Files.createTempDirectory("campaigns-task").resolve("content").resolve("campaigns");
        Files.createDirectories(campaignsDir);
        write(campaignsDir.resolve("thu-nhiem-vu.yml"), """
                code: thu-nhiem-vu
                name: Thử nhiệm vụ
                day: "05-18"
                task: ke-hoach-57-hoa-an/khong-co
                cadence:
                  EPORTAL: featured
                """);
        FileOutcome outcome = templates.importAll(campaignsDir).get(0);
        assertEquals(FileOutcome.Result.FAILED, outcome.result());
        assertEquals(4, outcome.line());
        assertTrue(outcome.reason().startsWith("'task': kế hoạch 45/KH-UBND không có nhiệm vụ 'khong-co'"), outcome.reason());
    }

    // --- progress

    @Test
    void aMonthsProgressIsCountedTaskByTask() {
        PlanRows rows = new PlanRows(transactions);
        long bulletin = rows.piece(UNIT, "Bản tin loa", "[\"Nghị quyết 57\"]");
        long digital = rows.piece(UNIT, "Bình dân học vụ số", "[\"Bình dân học vụ số\"]");
        long unlinked = rows.piece(UNIT, "Tin khác", "[\"Nông nghiệp\"]");
        links.linkImported(bulletin, SEED + "/ban-tin-loa");
        links.linkImported(digital, SEED + "/binh-dan-hoc-vu-so");
        // May 2025 touches five weeks (28/4-4/5 ... 26/5-1/6); loudspeaker items in three of them, two in one week
        for (String day : List.of("2025-05-02", "2025-05-06", "2025-05-07", "2025-05-20")) {
            rows.published(bulletin, "loudspeaker", UNIT, LocalDate.parse(day).atTime(6, 0).atZone(HANOI).toInstant());
        }
        rows.published(bulletin, "loudspeaker", UNIT, Instant.parse("2025-04-30T16:59:00Z")); // 30/4 23:59 in Hà Nội: April
        rows.published(unlinked, "loudspeaker", UNIT, Instant.parse("2025-05-27T00:00:00Z")); // serves no task
        rows.published(digital, "loudspeaker", UNIT, Instant.parse("2025-05-12T00:00:00Z"));
        rows.published(bulletin, "eportal", UNIT, Instant.parse("2025-05-12T02:00:00Z")); // the portal has an article on Nghị quyết 57
        post("/api/plans/" + SEED + "/tasks/binh-dan-hoc-vu-so/contributions",
                Map.of("organisation", "Công an xã Hòa An", "doneOn", "2025-05-09", "what", "Hướng dẫn người dân kích hoạt VNeID mức 2",
                        "place", "Nhà văn hóa thôn Đông"), "cong-an-xa");

        List<TaskProgress.Progress> may = progress.of(UNIT, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)).stream()
                .filter(p -> p.planCode().equals(SEED)).toList();
        TaskProgress.Progress loudspeaker = of(may, "ban-tin-loa");
        assertEquals(5, loudspeaker.outputs().get(0).expected());
        assertEquals(3, loudspeaker.outputs().get(0).achieved());
        assertFalse(loudspeaker.outputs().get(0).met());
        assertEquals(5, loudspeaker.publicationIds().size(), "four loudspeaker items and the portal article");

        TaskProgress.Progress digitalLiteracy = of(may, "binh-dan-hoc-vu-so");
        assertEquals(List.of(1, 1), List.of(digitalLiteracy.outputs().get(0).expected(), digitalLiteracy.outputs().get(0).achieved()));
        assertEquals(List.of(1, 1), List.of(digitalLiteracy.outputs().get(1).expected(), digitalLiteracy.outputs().get(1).achieved()));
        assertEquals(1, digitalLiteracy.contributions());

        TaskProgress.Progress portal = of(may, "chuyen-muc-cong");
        assertEquals(1, portal.outputs().get(0).achieved(), "the section has its article");
        assertTrue(portal.outputs().get(0).met());
        assertEquals(0, portal.outputs().get(1).achieved(), "the article serves another task");

        TaskProgress.Progress briefing = of(may, "quan-triet-can-bo");
        assertEquals(null, briefing.outputs().get(0).expected(), "free text is shown, not computed");
    }

    // --- contributors

    @Test
    void aContributorRecordsAContributionAndWritesNothingElse() {
        Map<String, Object> made = post("/api/plans/" + SEED + "/tasks/canh-bao-lua-dao/contributions",
                Map.of("organisation", "Công an xã Hòa An", "doneOn", "2025-06-02",
                        "what", "Tuyên truyền phòng chống lừa đảo qua mạng tại chợ Hòa An", "link", "https://congan.hoaan.gov.vn/tin/1"),
                "cong-an-xa");
        assertEquals("Công an xã Hòa An", made.get("organisation"));
        assertEquals(UNIT, made.get("unitCode"));
        assertTrue(items(get("/api/plans/" + SEED + "/tasks/canh-bao-lua-dao/contributions", "bien-tap")).stream()
                .anyMatch(c -> "cong-an-xa".equals(c.get("recordedBy"))));

        MultipartBody photo = MultipartBody.builder()
                .addPart("organisation", "Trường THCS Hòa An").addPart("doneOn", "2025-06-03")
                .addPart("what", "Tiết học Bình dân học vụ số").addPart("photo", "anh.png", MediaType.IMAGE_PNG_TYPE, aPng()).build();
        HttpResponse<String> withPhoto = http.toBlocking().exchange(HttpRequest.POST("/api/plans/" + SEED
                        + "/tasks/binh-dan-hoc-vu-so/contributions/photo", photo).contentType(MediaType.MULTIPART_FORM_DATA)
                .basicAuth("cong-an-xa", PASSWORD), String.class);
        assertEquals(HttpStatus.CREATED, withPhoto.getStatus());
        assertTrue(withPhoto.body().contains("\"assetId\":"), withPhoto.body());

        HttpClientResponseException piece = refused("/api/pieces", Map.of("kind", "ARTICLE", "title", "Tin của công an",
                "body", "<p>Nội dung</p>"), "cong-an-xa");
        assertEquals(HttpStatus.FORBIDDEN, piece.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refused("/api/publications", Map.of("pieceId", 1, "channelIds", List.of("facebook"),
                "plannedAt", "2025-06-20T08:00:00+07:00"), "cong-an-xa").getStatus());
        HttpClientResponseException future = refused("/api/plans/" + SEED + "/tasks/canh-bao-lua-dao/contributions",
                Map.of("organisation", "Công an xã Hòa An", "doneOn", "2025-07-02", "what", "Chưa làm"), "cong-an-xa");
        assertEquals(HttpStatus.BAD_REQUEST, future.getStatus());
        assertTrue(future.getResponse().getBody(String.class).orElse("").contains("contribution-date-invalid"));
    }

    // --- helpers

    private static TaskProgress.Progress of(List<TaskProgress.Progress> all, String task) {
        return all.stream().filter(p -> p.task().code().equals(task)).findFirst().orElseThrow();
    }

    private static String plan(String code, String task, String deadline, String channel) {
        return """
                # a small plan for the tests
                code: %s
                number: 12/KH-UBND
                issued: 2025-03-01
                issuer: Ủy ban nhân dân xã Hòa An
                title: Kế hoạch thử
                period:
                  from: 2025-04-01
                  to: 2025-12-31
                tasks:
                  - code: %s
                    title: Phát bản tin
                    lead: Trung tâm Văn hóa, Thể thao và Truyền thông
                    with: [Công an xã]
                    deadline: %s
                    outputs:
                      - channel: %s
                        atLeast: 1
                        per: week
                """.formatted(code, task, deadline, channel);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Piece approvedArticle(String title) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, UNIT, title, "Tóm tắt", "<p>Nội dung bài viết.</p>",
                null, null, null, List.of("Nghị quyết 57"), List.of(), List.of(), null, "Ban biên tập", null), "bien-tap");
        pieces.attach(piece.id(), vn.herald.content.AssetRole.COVER, new java.io.ByteArrayInputStream(aPng()), "bia.png", null, "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private static byte[] aPng() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> list) {
        return (List<Map<String, Object>>) list.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> task(Map<String, Object> answer, String code) {
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) ((Map<String, Object>) answer.get("plan")).get("tasks");
        return tasks.stream().filter(t -> code.equals(((Map<String, Object>) t.get("task")).get("code"))).findFirst().orElseThrow();
    }

    private Map<String, Object> get(String uri, String user) {
        return read(http.toBlocking().retrieve(auth(HttpRequest.GET(uri), user), String.class));
    }

    private Map<String, Object> post(String uri, Object body, String user) {
        return read(http.toBlocking().retrieve(auth(HttpRequest.POST(uri, body), user), String.class));
    }

    private Map<String, Object> put(String uri, Object body, String user) {
        return read(http.toBlocking().retrieve(auth(HttpRequest.PUT(uri, body), user), String.class));
    }

    private HttpClientResponseException refused(String uri, Object body, String user) {
        return refused(uri, body, user, false);
    }

    private HttpClientResponseException refused(String uri, Object body, String user, boolean put) {
        try {
            http.toBlocking().exchange(auth(body == null ? HttpRequest.GET(uri) : put ? HttpRequest.PUT(uri, body) : HttpRequest.POST(uri, body), user), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError(uri + " was not refused for " + user);
    }

    private static <T> io.micronaut.http.MutableHttpRequest<T> auth(io.micronaut.http.MutableHttpRequest<T> request, String user) {
        return user.equals("admin") ? TestUsers.asAdmin(request) : request.basicAuth(user, PASSWORD);
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
