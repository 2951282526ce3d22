package vn.herald.campaign;

import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.ChannelType;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asApprover;
import static vn.herald.TestUsers.asEditor;

/**
 * National-day campaigns on the seed library and channels, written once and run on every database: the sweep
 * launches a window once, late rather than never, plans no past slot and schedules only approved pieces carrying the
 * tag, each once per channel; custom campaigns through the API. The clock is driven by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CampaignContract implements TestPropertyProvider {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String UNIT = "xa-hoa-an";

    @Inject Campaigns campaigns;
    @Inject Publishing publishing;
    @Inject Pieces pieces;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject CampaignLauncher launcher;
    @Inject Dispatcher dispatcher;
    @Inject CampaignTemplates templates;
    @Inject Units units;
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
        TestUsers.ensure(accounts);
    }

    private static Instant hanoi(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    private CampaignView instance(String code, int year) {
        List<CampaignView> found = campaigns.list(UNIT, year).stream().filter(c -> c.code().equals(code)).toList();
        assertEquals(1, found.size(), code + " " + year + " instances: " + found);
        return found.get(0);
    }

    private static CampaignView.ChannelSlots channel(CampaignView campaign, String channelId) {
        return campaign.channels().stream().filter(c -> c.channelId().equals(channelId)).findFirst()
                .orElseThrow(() -> new AssertionError(channelId + " is not in " + campaign.channels()));
    }

    private List<Publication> publicationsOf(long pieceId) {
        return publishing.list(new Publishing.Filter(null, null, pieceId, null, null), Pageable.from(0, 100)).getContent();
    }

    /** An approved article with a cover, which Zalo requires. */
    private Piece approvedArticle(String title, List<String> tags) {
        return approvedArticle(title, tags, true);
    }

    private Piece approvedArticle(String title, List<String> tags, boolean withCover) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, UNIT, title, "Tóm tắt", "<p>Nội dung bài viết.</p>",
                null, null, null, List.of("Chuyển đổi số"), List.of(), tags, null, "Ban biên tập", null), "bien-tap");
        if (withCover) {
            pieces.attach(piece.id(), vn.herald.content.AssetRole.COVER, new java.io.ByteArrayInputStream(aPng()), "bia.png",
                    null, "bien-tap");
        }
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    @Test
    void theSweepLaunchesEighteenMayOnceAndSchedulesItsTaggedPiecesOncePerChannel() {
        clock.set(hanoi("2027-05-12T08:00:00"));

        assertTrue(campaigns.sweep().stream().anyMatch(c -> c.code().equals("khcn-18-5") && c.year() == 2027));
        assertTrue(campaigns.sweep().stream().noneMatch(c -> c.code().equals("khcn-18-5")), "a second sweep launched again");
        // a launcher that checked before the other committed runs into the unique key and takes it as launched
        CampaignTemplate template = templates.find("khcn-18-5").orElseThrow();
        CampaignLauncher.Launch late = launcher.launch("khcn-18-5", 2027, units.get(UNIT), CampaignOrigin.TEMPLATE,
                template.name(), CampaignRules.of(template), CampaignWindow.of(template, 2027), "another-instance");
        assertFalse(late.created());

        CampaignView campaign = instance("khcn-18-5", 2027);
        assertEquals(LocalDate.of(2027, 5, 8), campaign.windowStart());
        assertEquals(LocalDate.of(2027, 5, 20), campaign.windowEnd());
        assertTrue(campaign.open());
        assertEquals(CampaignOrigin.TEMPLATE, campaign.origin());

        CampaignView.ChannelSlots facebook = channel(campaign, "facebook");
        assertEquals(9, facebook.counts().planned(), "one post a day from today, 12 May, to 20 May");
        assertEquals(5, facebook.counts().scheduled(), "the four approved articles and the infographic tagged khcn-18-5");
        assertEquals(4, facebook.empty().size());
        assertTrue(facebook.empty().get(0).plannedAt().isAfter(facebook.scheduled().get(4).plannedAt()),
                "the earliest slots are filled first");

        CampaignView.ChannelSlots loudspeaker = channel(campaign, "loudspeaker");
        assertTrue(loudspeaker.counts().planned() >= 3);
        assertEquals(3, loudspeaker.counts().scheduled(), "the three radio scripts tagged khcn-18-5");
        assertTrue(Stream.concat(loudspeaker.scheduled().stream(), loudspeaker.empty().stream())
                .noneMatch(slot -> slot.plannedAt().getDayOfWeek() == DayOfWeek.SUNDAY), "no loudspeaker session on Sunday 16 May");
        assertEquals(1, channel(campaign, "eportal").counts().planned(), "the portal features the campaign from its first day");
        assertEquals(1, channel(campaign, "eportal").counts().scheduled());
        assertEquals(9, channel(campaign, "zalo").counts().planned());

        int everyChannel = campaign.channels().stream().mapToInt(c -> c.counts().planned()).sum();
        assertEquals(everyChannel, campaign.counts().planned());
        assertEquals(campaign.counts().planned(), campaign.counts().scheduled() + campaign.counts().empty());

        for (CampaignView.ChannelSlots part : campaign.channels()) {
            Set<Long> seen = new HashSet<>();
            for (CampaignView.Slot slot : part.scheduled()) {
                assertTrue(seen.add(slot.pieceId()), "piece " + slot.pieceId() + " twice on " + part.channelId());
                Piece piece = pieces.get(slot.pieceId());
                assertEquals(PieceStatus.APPROVED, piece.status());
                assertTrue(piece.campaigns().contains("khcn-18-5"), piece.title());
                Publication publication = publishing.get(slot.publicationId());
                assertEquals(slot.plannedAt().toInstant(), publication.plannedAt());
                assertEquals(part.channelId(), publication.channelId());
            }
        }

        CampaignView.Slot featured = channel(campaign, "eportal").scheduled().get(0);
        dispatcher.dispatch(featured.publicationId());
        assertEquals(1, channel(campaigns.get(campaign.id()), "eportal").counts().published());
        String home = http.toBlocking().retrieve("/portal");
        assertTrue(home.contains("Hưởng ứng Ngày Khoa học và Công nghệ Việt Nam"), "no featured block on the portal");
        assertTrue(home.contains(featured.title()), home);
    }

    @Test
    void aServerDownWhenTheWindowOpenedLaunchesLateAndPlansNothingInThePast() {
        Instant now = hanoi("2028-05-15T12:00:00");
        clock.set(now);
        // last year's instance may have put the seed pieces on every channel, and a campaign never repeats a piece there
        approvedArticle("Sáng kiến khoa học của nông dân xã năm 2028", List.of("khcn-18-5"));

        campaigns.sweep();

        CampaignView campaign = instance("khcn-18-5", 2028);
        assertEquals(LocalDate.of(2028, 5, 8), campaign.windowStart());
        assertEquals(now, campaign.launchedAt());
        assertEquals(OffsetDateTime.parse("2028-05-16T08:00:00+07:00"), channel(campaign, "facebook").scheduled().get(0).plannedAt());
        assertEquals(5, channel(campaign, "facebook").counts().planned(), "16 to 20 May");
        for (CampaignView.ChannelSlots part : campaign.channels()) {
            for (CampaignView.Slot slot : part.scheduled()) {
                assertFalse(slot.plannedAt().toInstant().isBefore(now), part.channelId() + " " + slot.plannedAt());
                assertFalse(publishing.get(slot.publicationId()).plannedAt().isBefore(now));
            }
            assertTrue(part.empty().stream().noneMatch(slot -> slot.plannedAt().toInstant().isBefore(now)));
            assertEquals(0, part.counts().missed());
        }
    }

    @Test
    void aPieceWithoutTheTagOrNotApprovedIsNeverScheduled() {
        clock.set(hanoi("2027-09-22T07:00:00"));
        Piece untagged = approvedArticle("Bài đã duyệt nhưng không gắn thẻ chiến dịch", List.of());
        Piece inReview = pieces.create(new PieceForm(PieceKind.ARTICLE, UNIT, "Bài gắn thẻ đang chờ duyệt", null,
                "<p>Nội dung.</p>", null, null, null, List.of(), List.of(), List.of("doi-moi-sang-tao-1-10"), null, null, null),
                "bien-tap");
        pieces.submit(inReview.id(), "bien-tap");
        Piece draft = pieces.create(new PieceForm(PieceKind.ARTICLE, UNIT, "Bản nháp gắn thẻ", null, "<p>Nội dung.</p>",
                null, null, null, List.of(), List.of(), List.of("doi-moi-sang-tao-1-10"), null, null, null), "bien-tap");

        campaigns.sweep();
        clock.advance(Duration.ofHours(1));
        campaigns.sweep();

        CampaignView campaign = instance("doi-moi-sang-tao-1-10", 2027);
        assertTrue(campaign.counts().scheduled() > 0, "the seed pieces tagged doi-moi-sang-tao-1-10 were scheduled");
        assertTrue(campaign.counts().empty() > 0, "there were empty slots the wrong pieces could have taken");
        for (Piece piece : List.of(untagged, inReview, draft)) {
            assertEquals(List.of(), publicationsOf(piece.id()), piece.title());
        }
    }

    @Test
    void zaloIsLeftToPiecesWithACoverWhichItRequires() {
        clock.set(hanoi("2027-09-27T07:00:00"));
        Piece coverless = approvedArticle("Chợ xã nhận thanh toán bằng mã QR", List.of("chuyen-doi-so-10-10"), false);
        Piece covered = approvedArticle("Nộp thuế hộ kinh doanh qua ứng dụng", List.of("chuyen-doi-so-10-10"));
        campaigns.sweep();
        assertEquals(0, publicationsOf(coverless.id()).stream().filter(p -> p.channelId().equals("zalo")).count(),
                "Zalo would refuse an article without a cover");
        assertEquals(1, publicationsOf(covered.id()).stream().filter(p -> p.channelId().equals("zalo")).count());
    }

    private static byte[] aPng() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPieceApprovedLaterFillsTheNextEmptySlotAndACancelledOneIsReplacedByAnother() {
        clock.set(hanoi("2027-09-27T07:00:00"));
        // an editor put this tagged piece on the fanpage by hand: the campaign does not post it there a second time
        Piece placed = approvedArticle("Hướng dẫn thanh toán không dùng tiền mặt tại chợ xã", List.of("chuyen-doi-so-10-10"));
        publishing.schedule(placed.id(), List.of("facebook"), hanoi("2027-10-05T09:00:00"), "bien-tap");
        campaigns.sweep();
        assertEquals(1, publicationsOf(placed.id()).stream().filter(p -> p.channelId().equals("facebook")).count(),
                "the campaign scheduled the piece a second time on the fanpage");
        assertEquals(1, publicationsOf(placed.id()).stream().filter(p -> p.channelId().equals("zalo")).count(),
                "on the other channels the campaign uses it");
        CampaignView before = instance("chuyen-doi-so-10-10", 2027);
        CampaignView.Slot firstEmpty = channel(before, "facebook").empty().get(0);

        Piece late = approvedArticle("Ứng dụng sổ sức khỏe điện tử trên VNeID", List.of("chuyen-doi-so-10-10"));
        clock.advance(Duration.ofHours(1));
        campaigns.sweep();
        campaigns.sweep();

        CampaignView after = instance("chuyen-doi-so-10-10", 2027);
        CampaignView.Slot filled = channel(after, "facebook").scheduled().stream()
                .filter(slot -> slot.id() == firstEmpty.id()).findFirst().orElseThrow();
        assertEquals(late.id(), filled.pieceId());
        List<Publication> ofLate = publicationsOf(late.id());
        assertEquals(1, ofLate.stream().filter(p -> p.channelId().equals("facebook")).count());
        assertEquals(1, ofLate.stream().filter(p -> p.channelId().equals("zalo")).count());
        assertEquals(0, ofLate.stream().filter(p -> p.channelId().equals("loudspeaker")).count(), "an article is not a radio script");

        publishing.cancel(filled.publicationId(), "thay bằng bài khác", "bien-tap");
        assertEquals(SlotStatus.EMPTY, channel(campaigns.get(after.id()), "facebook").empty().stream()
                .filter(slot -> slot.id() == filled.id()).findFirst().orElseThrow().status());
        Piece replacement = approvedArticle("Nộp hồ sơ cấp đổi giấy phép lái xe trực tuyến", List.of("chuyen-doi-so-10-10"));
        campaigns.sweep();

        CampaignView.Slot refilled = channel(campaigns.get(after.id()), "facebook").scheduled().stream()
                .filter(slot -> slot.id() == filled.id()).findFirst().orElseThrow();
        assertEquals(replacement.id(), refilled.pieceId(), "the cancelled piece does not come back on the same channel");
        assertEquals(1, publicationsOf(late.id()).stream().filter(p -> p.channelId().equals("facebook")).count());
    }

    // --- the API

    private Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    private static Map<String, Object> yearEnd(String code) {
        Map<String, Object> form = new HashMap<>();
        form.put("code", code);
        form.put("name", "Tuần lễ Tết số");
        form.put("start", "2027-12-28");
        form.put("end", "2028-01-03");
        form.put("tag", code);
        form.put("topics", List.of("Chuyển đổi số"));
        form.put("cadence", Map.of("FACEBOOK_PAGE", "daily", "LOUDSPEAKER", "every-session-day", "EPORTAL", "featured"));
        return form;
    }

    @Test
    void anEditorMakesACustomCampaignAcrossTheYearEndAndSeesItsEmptySlots() {
        clock.set(hanoi("2027-12-01T09:00:00"));
        Map<String, Object> created = call(asEditor(HttpRequest.POST("/api/campaigns", yearEnd("tet-so-2028"))));
        assertEquals("CUSTOM", created.get("origin"));
        assertEquals(2027, ((Number) created.get("year")).intValue());
        assertEquals("bien-tap", created.get("launchedBy"));
        Map<?, ?> counts = (Map<?, ?>) created.get("counts");
        assertEquals(0, ((Number) counts.get("scheduled")).intValue(), "no piece carries the tag yet");

        Map<?, ?> facebook = ((List<?>) created.get("channels")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> c.get("channelId").equals("facebook")).findFirst().orElseThrow();
        assertEquals(7, ((List<?>) facebook.get("empty")).size(), "28 December to 3 January");
        Map<?, ?> loudspeaker = ((List<?>) created.get("channels")).stream().map(c -> (Map<?, ?>) c)
                .filter(c -> c.get("channelId").equals("loudspeaker")).findFirst().orElseThrow();
        assertEquals(6, ((Number) ((Map<?, ?>) loudspeaker.get("counts")).get("planned")).intValue(), "no session on Sunday 2 January");

        long id = ((Number) created.get("id")).longValue();
        assertEquals("tet-so-2028", call(asApprover(HttpRequest.GET("/api/campaigns/" + id))).get("code"));
        List<?> listed = (List<?>) call(asEditor(HttpRequest.GET("/api/campaigns?unit=" + UNIT + "&year=2027"))).get("items");
        assertTrue(listed.stream().anyMatch(c -> ((Map<?, ?>) c).get("id").equals(created.get("id"))));
        assertEquals(0, ((Number) call(asEditor(HttpRequest.GET("/api/campaigns?year=2031"))).get("total")).intValue());

        assertEquals(HttpStatus.CONFLICT, refused(asEditor(HttpRequest.POST("/api/campaigns", yearEnd("tet-so-2028")))).getStatus());
        assertEquals(HttpStatus.FORBIDDEN, refused(asApprover(HttpRequest.POST("/api/campaigns", yearEnd("tet-so-khac")))).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refused(asEditor(HttpRequest.GET("/api/campaigns/99999999"))).getStatus());
    }

    @Test
    void aCampaignInADayShapeTakesTheNextWindowThatHasNotClosed() {
        clock.set(hanoi("2027-11-25T09:00:00"));
        Map<String, Object> form = new HashMap<>(Map.of("name", "Ngày Pháp luật Việt Nam", "day", "11-09", "leadDays", 3,
                "tailDays", 1, "tag", "ngay-phap-luat", "cadence", Map.of("ZALO_OA", "weekly")));
        Map<String, Object> created = call(asEditor(HttpRequest.POST("/api/campaigns", form)));
        assertEquals("ngay-phap-luat-viet-nam", created.get("code"));
        assertEquals(2028, ((Number) created.get("year")).intValue());
        assertEquals("2028-11-06", created.get("windowStart"));
        assertEquals(List.of(ChannelType.ZALO_OA.name()), ((List<?>) created.get("channels")).stream()
                .map(c -> ((Map<?, ?>) c).get("type")).toList());
    }

    @Test
    void aWrongCampaignIsRefusedNamingEachField() {
        clock.set(hanoi("2027-12-01T09:00:00"));
        Map<String, Object> wrong = new HashMap<>(Map.of("start", "2027-12-28", "end", "2027-12-20",
                "cadence", Map.of("INSTAGRAM", "daily", "FACEBOOK_PAGE", "hourly")));
        String body = refused(asEditor(HttpRequest.POST("/api/campaigns", wrong))).getResponse().getBody(String.class).orElse("");
        for (String field : List.of("\"name\"", "\"end\"", "\"cadence.INSTAGRAM\"", "\"cadence.FACEBOOK_PAGE\"")) {
            assertTrue(body.contains(field), field + " not named in " + body);
        }

        Map<String, Object> both = yearEnd("hai-kieu");
        both.put("day", "12-31");
        assertEquals(HttpStatus.BAD_REQUEST, refused(asEditor(HttpRequest.POST("/api/campaigns", both))).getStatus());
        Map<String, Object> past = yearEnd("da-qua");
        past.put("start", "2027-11-01");
        past.put("end", "2027-11-05");
        assertTrue(refused(asEditor(HttpRequest.POST("/api/campaigns", past))).getResponse().getBody(String.class).orElse("")
                .contains("đã kết thúc ngày 05/11/2027"));
        Map<String, Object> template = yearEnd("khcn-18-5");
        assertTrue(refused(asEditor(HttpRequest.POST("/api/campaigns", template))).getResponse().getBody(String.class).orElse("")
                .contains("mẫu chiến dịch"));
        Map<String, Object> nowhere = yearEnd("noi-khac");
        nowhere.put("unitCode", "xa-khong-co");
        assertEquals(HttpStatus.BAD_REQUEST, refused(asEditor(HttpRequest.POST("/api/campaigns", nowhere))).getStatus());
        Map<String, Object> badDay = new HashMap<>(Map.of("name", "Sai ngày", "day", "31-12", "cadence", Map.of("ZALO_OA", "daily")));
        assertTrue(refused(asEditor(HttpRequest.POST("/api/campaigns", badDay))).getResponse().getBody(String.class).orElse("")
                .contains("tháng-ngày"));
    }
}
