package vn.herald.calendar;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.support.Refusal;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.ChannelFiles;
import vn.herald.content.FileOutcome;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editorial calendar on every database. Each test makes its own unit with its own channel files, imported at the
 * instant the test starts from, so its weeks, backlog and gaps are its own; the dispatcher is driven by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CalendarContract implements TestPropertyProvider {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject Calendar calendar;
    @Inject GapFiller filler;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Units units;
    @Inject ChannelFiles channelFiles;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject @Client("/") HttpClient http;

    Path channelsDir;
    String unit;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            channelsDir = Files.createTempDirectory("herald-channels");
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", channelsDir.toString(),
                    "herald.content-dir", Files.createTempDirectory("herald-content").toString(),
                    "herald.test.clock", "true",
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void ownUnit() {
        TestUsers.ensure(accounts);
        unit = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        units.create(new Units.UnitForm(unit, "Xã thử " + unit, "Asia/Ho_Chi_Minh", null));
        // the test's people work for the installation's own unit: a grant lets them plan this one's calendar
        units.grant(unit, "bien-tap", "test");
        units.grant(unit, "duyet", "test");
    }

    // --- helpers

    /** Local time in Hanoi. */
    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    /** The unit's built-in portal ({@code <unit>-cong}) and loudspeakers ({@code <unit>-loa}), configured now. */
    void channels(String portalExtra, String loudspeakerExtra) {
        write(unit + "-cong", """
                type: EPORTAL
                mode: live
                unit: %s
                name: Cổng %s
                %s""".formatted(unit, unit, portalExtra));
        write(unit + "-loa", """
                type: LOUDSPEAKER
                mode: live
                unit: %s
                name: Loa %s
                dropFolder: loa-%s
                stations:
                  - code: thon-dong
                    name: Cụm loa thôn Đông
                sessions:
                  - days: [MON, TUE, WED, THU, FRI, SAT]
                    start: "05:30"
                    minutes: 30
                  - days: [MON, TUE, WED, THU, FRI, SAT]
                    start: "17:00"
                    minutes: 45
                tts:
                  engine: none
                %s""".formatted(unit, unit, unit, loudspeakerExtra));
        List<FileOutcome> outcomes = channelFiles.importAll(channelsDir);
        assertTrue(outcomes.stream().noneMatch(o -> (o.path().contains(portal()) || o.path().contains(loudspeaker()))
                && o.result() == FileOutcome.Result.FAILED), outcomes.toString());
    }

    void write(String id, String text) {
        try {
            Files.writeString(channelsDir.resolve(id + ".yml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String portal() {
        return unit + "-cong";
    }

    String loudspeaker() {
        return unit + "-loa";
    }

    Piece anApprovedArticle(String title, String... topics) {
        return approved(aDraftArticle(title, topics));
    }

    Piece aDraftArticle(String title, String... topics) {
        return pieces.create(new PieceForm(PieceKind.ARTICLE, unit, title, null, "<p>" + title + "</p>", null, null, null,
                List.of(topics), null, null, null, null, null), "bien-tap");
    }

    Piece anApprovedScript(String title) {
        return approved(pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, unit, title, null, null,
                "Kính thưa bà con. " + title + ".", null, null, null, null, null, null, null, null), "bien-tap"));
    }

    Piece anApprovedInfographic(String title) {
        Piece piece = pieces.create(new PieceForm(PieceKind.INFOGRAPHIC, unit, title, null, null, null, "Chú thích",
                "Hình minh họa " + title, null, null, null, null, null, null), "bien-tap");
        try {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
            pieces.attach(piece.id(), vn.herald.content.AssetRole.IMAGE, new java.io.ByteArrayInputStream(png.toByteArray()),
                    "hinh.png", "Hình minh họa " + title, "bien-tap");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return approved(pieces.get(piece.id()));
    }

    Piece approved(Piece piece) {
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    Publication scheduled(Piece piece, String channel, Instant at) {
        return publishing.schedule(piece.id(), List.of(channel), at, "bien-tap").get(0);
    }

    /** Sends it at its planned time, as the dispatcher would. */
    void published(Publication publication) {
        Instant now = clock.instant();
        clock.set(publication.plannedAt());
        dispatcher.dispatch(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        clock.set(now.isAfter(publication.plannedAt()) ? now : publication.plannedAt());
    }

    List<Calendar.Gap> gaps(String from, String to) {
        return calendar.gaps(unit, LocalDate.parse(from), LocalDate.parse(to)).gaps();
    }

    static Calendar.Gap gap(List<Calendar.Gap> gaps, String week, String channel) {
        return gaps.stream().filter(g -> g.week().equals(week) && g.channelId().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no gap in " + week + " on " + channel + ": " + gaps));
    }

    static boolean hasGap(List<Calendar.Gap> gaps, String week, String channel) {
        return gaps.stream().anyMatch(g -> g.week().equals(week) && g.channelId().equals(channel));
    }

    // --- weeks and gaps

    @Test
    void aWeekWithNothingOnTheLoudspeakersIsReportedAsAGap() {
        clock.set(at("2027-05-03T08:00"));
        channels("", "");
        published(scheduled(anApprovedArticle("Lịch tiếp công dân tháng 5"), portal(), at("2027-05-04T08:00")));
        clock.set(at("2027-05-17T08:00"));

        List<Calendar.Gap> gaps = gaps("2027-05-03", "2027-05-09");

        Calendar.Gap silent = gap(gaps, "2027-W18", loudspeaker());
        assertEquals(GapState.MISSED, silent.state());
        assertEquals(1, silent.required());
        assertEquals(0, silent.counted());
        assertFalse(hasGap(gaps, "2027-W18", portal()), "the portal published its article that week: " + gaps);
    }

    @Test
    void weekFiftyThreeOf2026IsJudgedAndTheYearEndCarriesIntoWeekOneOf2027() {
        clock.set(at("2026-12-20T08:00"));
        channels("", "");
        published(scheduled(anApprovedArticle("Chúc mừng năm mới 2027"), portal(), at("2026-12-31T20:00")));
        published(scheduled(anApprovedScript("Thông báo nghỉ Tết dương lịch"), loudspeaker(), at("2027-01-02T16:00")));
        clock.set(at("2027-01-12T08:00"));

        Calendar.GapReport report = calendar.gaps(unit, LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-10"));

        assertFalse(hasGap(report.gaps(), "2026-W53", portal()), report.gaps().toString());
        assertFalse(hasGap(report.gaps(), "2026-W53", loudspeaker()), "Saturday 2 January 2027 is in 2026-W53");
        assertEquals(GapState.MISSED, gap(report.gaps(), "2027-W01", portal()).state());
        assertEquals(GapState.MISSED, gap(report.gaps(), "2027-W01", loudspeaker()).state());
        Calendar.Compliance portalKept = report.compliance().stream().filter(c -> c.channelId().equals(portal())).findFirst().orElseThrow();
        assertEquals(2, portalKept.weeksChecked());
        assertEquals(1, portalKept.weeksMet());
        assertEquals(1, portalKept.weeksMissed());

        Calendar.CalendarView view = calendar.view(unit, LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-10"), null);
        assertEquals(List.of("2026-W53", "2027-W01"), view.weeks().stream().map(Calendar.Week::week).toList());
        Calendar.Week fiftyThree = view.weeks().get(0);
        assertEquals(7, fiftyThree.days().size());
        assertEquals(LocalDate.parse("2027-01-03"), fiftyThree.sunday());
        Calendar.Day newYearsEve = fiftyThree.days().get(3);
        assertEquals(LocalDate.parse("2026-12-31"), newYearsEve.date());
        assertEquals("Chúc mừng năm mới 2027", newYearsEve.publications().get(0).pieceTitle());
        assertEquals(PublicationStatus.PUBLISHED, newYearsEve.publications().get(0).status());
        assertEquals(1, fiftyThree.days().get(5).publications().size(), "the loudspeaker item on Saturday 2 January");
    }

    @Test
    void aPieceOnTheLeapDayCountsForTheNinthWeekOf2028() {
        clock.set(at("2028-02-20T08:00"));
        channels("", "");
        published(scheduled(anApprovedArticle("Ngày 29 tháng 2"), portal(), at("2028-02-29T08:00")));
        clock.set(at("2028-03-08T08:00"));

        List<Calendar.Gap> gaps = gaps("2028-02-28", "2028-03-05");

        assertFalse(hasGap(gaps, "2028-W09", portal()), gaps.toString());
        assertEquals(GapState.MISSED, gap(gaps, "2028-W09", loudspeaker()).state());
        Calendar.CalendarView view = calendar.view(unit, LocalDate.parse("2028-02-28"), LocalDate.parse("2028-03-01"), portal());
        Calendar.Day leapDay = view.weeks().get(0).days().get(1);
        assertEquals(LocalDate.parse("2028-02-29"), leapDay.date());
        assertEquals(1, leapDay.publications().size());
    }

    @Test
    void weeksWithinTheHorizonNotCoveredAreAtRiskAndCancelledPublicationsDoNotCover() {
        clock.set(at("2027-05-17T08:00")); // Monday of 2027-W20
        channels("", "");
        scheduled(anApprovedScript("Lịch tiêm chủng"), loudspeaker(), at("2027-05-18T16:00"));
        Publication cancelled = scheduled(anApprovedArticle("Bài đã hủy"), portal(), at("2027-05-19T08:00"));
        publishing.cancel(cancelled.id(), "nhầm", "bien-tap");

        List<Calendar.Gap> gaps = gaps("2027-05-03", "2027-06-06");

        assertFalse(hasGap(gaps, "2027-W20", loudspeaker()), "a scheduled item covers the current week");
        Calendar.Gap portalNow = gap(gaps, "2027-W20", portal());
        assertEquals(GapState.AT_RISK, portalNow.state());
        assertEquals(0, portalNow.counted());
        assertEquals(GapState.AT_RISK, gap(gaps, "2027-W21", portal()).state(), "next week starts within 7 days");
        assertEquals(GapState.AT_RISK, gap(gaps, "2027-W21", loudspeaker()).state());
        assertFalse(hasGap(gaps, "2027-W22", portal()), "a week beyond the horizon is not judged yet: " + gaps);
        assertTrue(gaps.stream().noneMatch(g -> g.monday().isBefore(LocalDate.parse("2027-05-17"))),
                "weeks before the channels were configured are not held against them");
    }

    @Test
    void aChannelFileSetsItsOwnCadenceAndAZeroRemovesTheRule() {
        clock.set(at("2027-05-17T08:00"));
        channels("cadence: {perWeek: 3}\n", "cadence: {perWeek: 0}\n");
        scheduled(anApprovedArticle("Một bài"), portal(), at("2027-05-18T08:00"));

        List<Calendar.Gap> gaps = gaps("2027-05-17", "2027-05-23");

        Calendar.Gap portalGap = gap(gaps, "2027-W20", portal());
        assertEquals(3, portalGap.required());
        assertEquals(1, portalGap.counted());
        assertFalse(hasGap(gaps, "2027-W20", loudspeaker()));
    }

    @Test
    void aBrokenCadenceInAChannelFileIsReportedWithFileAndLineAndTheOthersStillImport() throws IOException {
        clock.set(at("2027-05-17T08:00"));
        write(unit + "-hong", """
                type: EPORTAL
                mode: live
                unit: %s
                cadence:
                  perWeek: ba
                """.formatted(unit));
        try {
            channels("", "");
            FileOutcome broken = channelFiles.importAll(channelsDir).stream()
                    .filter(o -> o.path().contains(unit + "-hong")).findFirst().orElseThrow();
            assertEquals(FileOutcome.Result.FAILED, broken.result());
            assertEquals(5, broken.line());
            assertTrue(broken.reason().contains("cadence.perWeek"), broken.reason());
        } finally {
            Files.delete(channelsDir.resolve(unit + "-hong.yml"));
        }
    }

    // --- filling gaps

    @Test
    void aFillProposalPutsNeverSentPiecesFirstRotatesTopicsAndConfirmationSchedulesExactlyIt() {
        clock.set(at("2027-05-17T09:00")); // Monday, after the fill hour
        channels("", "cadence: {perWeek: 0}\n");
        Piece first = anApprovedArticle("Kích hoạt VNeID", "VNeID");
        Piece sameTopic = anApprovedArticle("VNeID mức 2 cho người cao tuổi", "VNeID");
        Piece otherTopic = anApprovedArticle("Thanh toán không dùng tiền mặt", "Chuyển đổi số");
        Piece draft = aDraftArticle("Bản nháp chưa duyệt", "An ninh");
        anApprovedScript("Kịch bản phát thanh: không hợp với cổng");

        GapFiller.FillView proposal = filler.propose(unit, LocalDate.parse("2027-05-17"), LocalDate.parse("2027-05-24"), "bien-tap");

        assertEquals(FillStatus.PROPOSED, proposal.status());
        assertEquals(List.of("2027-W20", "2027-W21"), proposal.items().stream().map(GapFiller.Slot::week).toList());
        assertEquals(List.of(first.id(), otherTopic.id()), proposal.items().stream().map(GapFiller.Slot::pieceId).toList(),
                "the second week takes another topic: " + proposal.items());
        assertEquals(at("2027-05-18T08:00"), proposal.items().get(0).plannedAt().toInstant(),
                "the first day of the week not yet past, at the fill hour");
        assertEquals(at("2027-05-24T08:00"), proposal.items().get(1).plannedAt().toInstant());
        assertTrue(proposal.items().stream().noneMatch(s -> s.pieceId().equals(draft.id())));
        assertEquals(0, publishing.list(new Publishing.Filter(null, portal(), null, null, null),
                io.micronaut.data.model.Pageable.from(0, 10)).getTotalSize(), "a proposal schedules nothing");

        GapFiller.FillView confirmed = filler.confirm(proposal.id(), "bien-tap");

        assertEquals(FillStatus.SCHEDULED, confirmed.status());
        for (GapFiller.Slot slot : confirmed.items()) {
            Publication publication = publishing.get(slot.publicationId());
            assertEquals(slot.pieceId(), publication.pieceId());
            assertEquals(slot.plannedAt().toInstant(), publication.plannedAt());
            assertEquals(PublicationStatus.SCHEDULED, publication.status());
        }
        assertFalse(hasGap(gaps("2027-05-17", "2027-05-24"), "2027-W20", portal()));
        assertTrue(calendar.backlog(unit).stream().anyMatch(b -> b.pieceId() == sameTopic.id()));
        assertTrue(calendar.backlog(unit).stream().noneMatch(b -> b.pieceId() == first.id()));
        Refusal twice = assertThrows(Refusal.class, () -> filler.confirm(proposal.id(), "bien-tap"));
        assertTrue(twice.getMessage().contains("đã được xếp lịch"), twice.getMessage());
    }

    @Test
    void theLeastRecentlySentPieceComesAfterThoseNeverSent() {
        clock.set(at("2027-04-05T08:00"));
        channels("cadence: {perWeek: 3}\n", "cadence: {perWeek: 0}\n");
        Piece sentLongAgo = anApprovedArticle("Gửi từ tháng 4");
        Piece sentRecently = anApprovedArticle("Gửi tuần trước");
        published(scheduled(sentLongAgo, portal(), at("2027-04-06T08:00")));
        clock.set(at("2027-05-10T08:00"));
        published(scheduled(sentRecently, portal(), at("2027-05-11T08:00")));
        Piece fresh = anApprovedArticle("Bài mới");
        clock.set(at("2027-05-17T07:00"));

        GapFiller.FillView proposal = filler.propose(unit, LocalDate.parse("2027-05-17"), LocalDate.parse("2027-05-17"), "bien-tap");

        assertEquals(List.of(fresh.id(), sentLongAgo.id(), sentRecently.id()),
                proposal.items().stream().map(GapFiller.Slot::pieceId).toList());
        assertEquals(List.of(at("2027-05-17T08:00"), at("2027-05-18T08:00"), at("2027-05-19T08:00")),
                proposal.items().stream().map(s -> s.plannedAt().toInstant()).toList(), "one a day from today");
        assertTrue(proposal.items().get(1).reason().contains("06/04/2027"), proposal.items().get(1).reason());
    }

    @Test
    void aProposalWhosePieceWasSentBackToDraftIsStaleAndSchedulesNothing() {
        clock.set(at("2027-05-17T07:00"));
        channels("", "cadence: {perWeek: 0}\n");
        Piece piece = anApprovedArticle("Sẽ bị sửa");
        GapFiller.FillView proposal = filler.propose(unit, LocalDate.parse("2027-05-17"), LocalDate.parse("2027-05-17"), "bien-tap");
        assertEquals(piece.id(), proposal.items().get(0).pieceId());
        pieces.update(piece.id(), new PieceForm(PieceKind.ARTICLE, unit, "Đã sửa", null, "<p>Đã sửa</p>", null, null,
                null, null, null, null, null, null, piece.revision()), "bien-tap");

        Refusal stale = assertThrows(Refusal.class, () -> filler.confirm(proposal.id(), "bien-tap"));

        assertTrue(stale.getMessage().contains("không còn được duyệt"), stale.getMessage());
        assertEquals(FillStatus.STALE, filler.get(proposal.id()).status());
        assertEquals(0, calendar.publications(portal(), null, null).size());
    }

    @Test
    void twoProposalsConfirmedAtOnceNeverPutTheSamePieceTwiceIntoAWeek() throws Exception {
        clock.set(at("2027-05-17T07:00"));
        channels("", "cadence: {perWeek: 0}\n");
        Piece piece = anApprovedArticle("Một bài cho hai đề xuất");
        LocalDate monday = LocalDate.parse("2027-05-17");
        GapFiller.FillView first = filler.propose(unit, monday, monday, "bien-tap");
        GapFiller.FillView second = filler.propose(unit, monday, monday, "duyet");
        assertEquals(piece.id(), first.items().get(0).pieceId());
        assertEquals(piece.id(), second.items().get(0).pieceId());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> confirmations = List.of(first, second).stream().map(fill -> pool.submit(() -> {
                start.await();
                try {
                    filler.confirm(fill.id(), "bien-tap");
                } catch (Refusal refused) {
                    assertTrue(refused.getMessage().contains("đã có trên"), refused.getMessage());
                }
                return null;
            })).collect(Collectors.toList());
            start.countDown();
            for (Future<?> confirmation : confirmations) {
                confirmation.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, calendar.publications(portal(), null, null).size());
        assertEquals(Set.of(FillStatus.SCHEDULED, FillStatus.STALE),
                new HashSet<>(List.of(filler.get(first.id()).status(), filler.get(second.id()).status())));
    }

    @Test
    void aLoudspeakerGapIsFilledAheadOfASessionOfThatWeekWithAScriptOrArticleNeverAnInfographic() {
        clock.set(at("2027-05-22T18:00")); // Saturday evening: Saturday's sessions are over, none on Sunday
        channels("cadence: {perWeek: 0}\n", "");
        anApprovedInfographic("Năm bước kích hoạt VNeID");
        Piece script = anApprovedScript("Lịch thu gom rác");

        GapFiller.FillView thisWeek = filler.propose(unit, LocalDate.parse("2027-05-22"), LocalDate.parse("2027-05-23"), "bien-tap");
        assertTrue(thisWeek.items().isEmpty(), thisWeek.items().toString());
        assertEquals("2027-W20", thisWeek.unfilled().get(0).week());
        assertTrue(thisWeek.unfilled().get(0).reason().contains("phiên"), thisWeek.unfilled().get(0).reason());

        clock.set(at("2027-05-24T06:00")); // Monday, during the 05:30 session
        GapFiller.FillView nextWeek = filler.propose(unit, LocalDate.parse("2027-05-24"), LocalDate.parse("2027-05-24"), "bien-tap");
        assertEquals(script.id(), nextWeek.items().get(0).pieceId());
        assertEquals(at("2027-05-24T16:00"), nextWeek.items().get(0).plannedAt().toInstant(), "an hour before the 17:00 session");
        Publication publication = publishing.get(filler.confirm(nextWeek.id(), "bien-tap").items().get(0).publicationId());
        assertEquals(at("2027-05-24T17:45"), publication.deadline(), "it lands in Monday's 17:00 session");
    }

    @Test
    void autofillNeverSchedulesAnUnapprovedPieceNorThePieceTwiceInAWeekAndRecordsWhatItDid() {
        clock.set(at("2027-05-17T07:00"));
        channels("cadence:\n  perWeek: 2\n  autofill: true\n", "cadence: {perWeek: 0}\n");
        Piece onlyApproved = anApprovedArticle("Bài đã duyệt duy nhất");
        Piece draft = aDraftArticle("Bản nháp");
        Piece inReview = aDraftArticle("Đang chờ duyệt");
        pieces.submit(inReview.id(), "bien-tap");

        filler.sweep();
        filler.sweep();

        List<Publication> scheduled = calendar.publications(portal(), null, null);
        assertEquals(List.of(onlyApproved.id()), scheduled.stream().map(Publication::pieceId).toList(),
                "one approved piece, once, whatever the rule asks");
        assertEquals(GapFiller.SWEEP, scheduled.get(0).createdBy());
        Set<String> pieceWeeks = new HashSet<>();
        for (Publication p : scheduled) {
            assertTrue(pieceWeeks.add(p.pieceId() + " " + IsoWeek.of(p.plannedAt().atZone(HANOI).toLocalDate())));
        }
        assertTrue(scheduled.stream().noneMatch(p -> p.pieceId() == draft.id() || p.pieceId() == inReview.id()));
        List<GapFiller.FillView> record = filler.autofills(unit, 10);
        assertEquals(2, record.size(), "both sweeps found at-risk weeks and say so");
        GapFiller.FillView firstSweep = record.get(1);
        assertEquals(FillOrigin.AUTOFILL, firstSweep.origin());
        assertEquals(FillStatus.SCHEDULED, firstSweep.status());
        assertEquals(onlyApproved.id(), firstSweep.items().get(0).pieceId());
        assertNotNull(firstSweep.items().get(0).publicationId());
        assertFalse(firstSweep.unfilled().isEmpty(), "the slots left without a piece are listed");
        assertTrue(record.get(0).items().isEmpty(), "the second sweep had nothing left to schedule");
    }

    @Test
    void theSweepLeavesRulesWithoutAutofillToPeople() {
        clock.set(at("2027-05-17T07:00"));
        channels("", "");
        anApprovedArticle("Chờ người xếp");

        filler.sweep();

        assertEquals(0, calendar.publications(portal(), null, null).size());
        assertTrue(filler.autofills(unit, 10).isEmpty());
    }

    // --- the API

    @Test
    void theApiShowsTheCalendarOfTheCurrentMonthAndItsBacklogToEveryRole() {
        clock.set(at("2027-05-17T07:00"));
        channels("", "");
        Piece waiting = anApprovedArticle("Đang chờ lịch");
        Piece planned = anApprovedArticle("Đã có lịch");
        scheduled(planned, portal(), at("2027-05-20T08:00"));

        Map<?, ?> view = http.toBlocking().retrieve(TestUsers.asApprover(HttpRequest.GET("/api/calendar?unit=" + unit)), Map.class);

        assertEquals("2027-05-01", view.get("from"));
        assertEquals("2027-05-31", view.get("to"));
        List<?> weeks = (List<?>) view.get("weeks");
        assertEquals("2027-W17", ((Map<?, ?>) weeks.get(0)).get("week"), "Saturday 1 May 2027 is in week 17");
        List<?> backlog = (List<?>) view.get("backlog");
        assertEquals(List.of(waiting.id().intValue()), backlog.stream().map(b -> ((Map<?, ?>) b).get("pieceId")).toList());
        String weekTwenty = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(
                "/api/calendar?unit=" + unit + "&from=2027-05-17&to=2027-05-23&channel=" + portal())));
        assertTrue(weekTwenty.contains("\"pieceTitle\":\"Đã có lịch\"") && weekTwenty.contains("2027-05-20T08:00:00+07:00"), weekTwenty);

        Map<?, ?> gaps = http.toBlocking().retrieve(TestUsers.asAdmin(HttpRequest.GET(
                "/api/calendar/gaps?unit=" + unit + "&from=2027-05-17&to=2027-05-23")), Map.class);
        List<?> found = (List<?>) gaps.get("gaps");
        assertEquals(1, found.size(), found.toString());
        assertEquals("AT_RISK", ((Map<?, ?>) found.get(0)).get("state"));
        assertEquals(loudspeaker(), ((Map<?, ?>) found.get(0)).get("channelId"));
    }

    @Test
    void theApiRefusesAnInvertedOrTooLongRangeAndADateItCannotRead() {
        for (String query : List.of("from=2027-06-01&to=2027-05-01", "from=2026-01-01&to=2027-05-01", "from=1/5/2027")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .retrieve(TestUsers.asEditor(HttpRequest.GET("/api/calendar/gaps?" + query))));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), query);
            String problem = e.getResponse().getBody(String.class).orElse("");
            assertTrue(problem.contains("from") || problem.contains("to"), problem);
        }
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(TestUsers.asEditor(HttpRequest.GET("/api/calendar?unit=khong-co"))));
        assertEquals(HttpStatus.BAD_REQUEST, unknown.getStatus());
        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(HttpRequest.GET("/api/calendar")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void anEditorConfirmsAProposalByItsIdAndAnApproverMayOnlyLook() {
        clock.set(at("2027-05-17T07:00"));
        channels("", "cadence: {perWeek: 0}\n");
        anApprovedArticle("Bài cho tuần này");
        anApprovedArticle("Bài cho tuần sau");

        Map<?, ?> proposal = http.toBlocking().retrieve(TestUsers.asApprover(HttpRequest.POST("/api/calendar/gaps/fill",
                Map.of("unit", unit, "confirm", false))), Map.class);
        assertEquals("PROPOSED", proposal.get("status"));
        assertEquals(2, ((List<?>) proposal.get("items")).size(), "this week and the next, within the horizon");
        Number id = (Number) proposal.get("id");

        HttpClientResponseException forbidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(TestUsers.asApprover(HttpRequest.POST("/api/calendar/gaps/fill", Map.of("proposalId", id, "confirm", true)))));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
        assertEquals(0, calendar.publications(portal(), null, null).size());

        Map<?, ?> confirmed = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.POST("/api/calendar/gaps/fill",
                Map.of("proposalId", id, "confirm", true))), Map.class);
        assertEquals("SCHEDULED", confirmed.get("status"));
        assertEquals(slots(proposal), slots(confirmed), "exactly what was proposed");
        assertTrue(((List<?>) confirmed.get("items")).stream().allMatch(i -> ((Map<?, ?>) i).get("publicationId") != null));
        assertEquals(2, calendar.publications(portal(), null, null).size());
        HttpClientResponseException again = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(TestUsers.asEditor(HttpRequest.POST("/api/calendar/gaps/fill", Map.of("proposalId", id, "confirm", true)))));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());

        Map<?, ?> autofills = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(
                "/api/calendar/autofills?unit=" + unit)), Map.class);
        assertEquals(0, ((Number) autofills.get("total")).intValue(), "a person's fill is not an autofill");
    }

    private static List<String> slots(Map<?, ?> fill) {
        return ((List<?>) fill.get("items")).stream().map(i -> (Map<?, ?>) i)
                .map(i -> i.get("channelId") + " " + i.get("week") + " " + i.get("pieceId") + " " + i.get("plannedAt")).toList();
    }
}
