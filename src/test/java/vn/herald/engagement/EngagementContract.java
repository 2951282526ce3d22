package vn.herald.engagement;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.Priority;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.notice.Notice;
import vn.herald.notice.NoticeKind;
import vn.herald.notice.Notices;
import vn.herald.portal.ViewCounter;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.support.Folders;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly collection on every database: the clock is set, the collector's pass is run by hand, the platform is
 * {@link FakeEngagementAdapter} (two posts a call, four calls an hour). Each test has its own channel and its own
 * days, 40 days apart, so no test's posts fall in another's 28 days.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngagementContract implements TestPropertyProvider {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject EngagementCollector collector;
    @Inject EngagementStore store;
    @Inject EngagementConfig config;
    @Inject Engagements engagements;
    @Inject FakeEngagementAdapter platform;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject ChannelAdapters adapters;
    @Inject Units units;
    @Inject Accounts accounts;
    @Inject Notices notices;
    @Inject ViewCounter viewCounter;
    @Inject Folders folders;
    @Inject JsonMapper json;
    @Inject TestClock clock;
    @Inject @Client("/") HttpClient http;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> files = new HashMap<>();
        for (String page : List.of("fb-a", "fb-b", "fb-c", "fb-d", "fb-e", "fb-f")) {
            files.put(page + ".yml", "type: FACEBOOK_PAGE\nmode: live\nname: Trang " + page + "\n");
        }
        files.put("fb-thu.yml", "type: FACEBOOK_PAGE\nmode: dry-run\nname: Trang chạy thử\n");
        files.put("portal.yml", "type: EPORTAL\nmode: live\nname: Cổng thông tin xã Hòa An\n");
        files.put("loa.yml", """
                type: LOUDSPEAKER
                mode: live
                name: Truyền thanh xã Hòa An
                delivery: file-drop
                dropFolder: loa
                stations:
                  - code: thon-dong
                    name: Cụm loa thôn Đông
                    households: 120
                  - code: thon-tay
                    name: Cụm loa thôn Tây
                    households: 80
                sessions:
                  - days: [MON, TUE, WED, THU, FRI, SAT, SUN]
                    start: "17:00"
                    minutes: 30
                tts:
                  engine: none
                """);
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(Map.of(
                "herald.channels-dir", TestChannels.folder(files).toString(),
                "herald.test.clock", "true",
                "herald.test.fake-engagement", "true",
                "herald.publishing.scheduler-enabled", "false"));
        return properties;
    }

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        clock.set(at(day(0), 8, 0));
    }

    // --- helpers

    /** The test's first day: each test its own, 40 days apart. */
    static LocalDate day(int test) {
        return LocalDate.parse("2027-01-04").plusDays(40L * test);
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(HANOI).toInstant();
    }

    private Piece anApproved(PieceKind kind, String title) {
        Piece piece = kind == PieceKind.RADIO_SCRIPT
                ? pieces.create(new PieceForm(kind, null, title, null, null, "Kính thưa bà con, " + title + ".", null,
                null, null, null, null, null, null, null), "bien-tap")
                : pieces.create(new PieceForm(kind, null, title, title + ".", "<p>" + title + ".</p>", null, null, null,
                null, null, null, null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private Publication published(String channel, String title) {
        PieceKind kind = channel.equals("loa") ? PieceKind.RADIO_SCRIPT : PieceKind.ARTICLE;
        Publication publication = publishing.schedule(anApproved(kind, title).id(), List.of(channel), clock.instant(),
                Priority.NORMAL, false, "bien-tap").get(0);
        dispatcher.dispatch(publication.id());
        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status(), () -> String.valueOf(sent.lastError()));
        return sent;
    }

    private EngagementCollector.Pass collectAt(Instant at) {
        clock.set(at);
        return collector.collect();
    }

    private Map<Metric, Long> figuresOf(Publication publication) {
        Map<Metric, Long> figures = new HashMap<>();
        engagements.ofPublication(publication.id()).figures().forEach(f -> figures.put(f.metric(), f.value()));
        return figures;
    }

    private String page(String uri) {
        return http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET(uri)).accept(MediaType.TEXT_HTML));
    }

    // --- tests

    @Test
    void postsAreReadInPacedBatchesOnceANightAndEachDayIsKept() {
        LocalDate d = day(0);
        clock.set(at(d, 8, 0));
        List<Publication> posts = List.of(published("fb-a", "Lịch tiêm chủng tháng 1"),
                published("fb-a", "Thông báo thu thuế đất"), published("fb-a", "Kết quả hội thi văn nghệ"));
        platform.reset(post -> Map.of(Metric.UNIQUE_VIEWERS, 50L, Metric.REACTIONS, 7L), Map.of("fb-a", 1234L));

        collectAt(at(d.plusDays(1), 0, 59));
        assertEquals(0, platform.reads("fb-a").size(), "nothing is read before the window opens");
        collectAt(at(d.plusDays(1), 1, 0));
        assertEquals(List.of(List.of(posts.get(0).id(), posts.get(1).id())),
                platform.reads("fb-a").stream().map(FakeEngagementAdapter.Read::publicationIds).toList(),
                "the first call asks about the first two posts, the adapter's batch");
        collectAt(at(d.plusDays(1), 1, 14));
        assertEquals(1, platform.reads("fb-a").size(), "four calls an hour: the next waits 15 minutes");
        collectAt(at(d.plusDays(1), 1, 15));
        assertEquals(List.of(posts.get(2).id()), platform.reads("fb-a").get(1).publicationIds());
        collectAt(at(d.plusDays(1), 3, 0));
        assertEquals(2, platform.reads("fb-a").size(), "the channel is not read twice in a night");

        assertEquals(Map.of(Metric.UNIQUE_VIEWERS, 50L, Metric.REACTIONS, 7L), figuresOf(posts.get(0)));
        Engagements.PublicationFigures shown = engagements.ofPublication(posts.get(2).id());
        assertEquals(d.plusDays(1), shown.day());
        assertEquals(at(d.plusDays(1), 1, 15), shown.readAt().toInstant());
        assertNull(shown.note());

        platform.reset(post -> Map.of(Metric.UNIQUE_VIEWERS, 80L, Metric.REACTIONS, 9L), Map.of("fb-a", 1250L));
        collectAt(at(d.plusDays(2), 1, 0));
        collectAt(at(d.plusDays(2), 1, 15));
        assertEquals(Map.of(Metric.UNIQUE_VIEWERS, 80L, Metric.REACTIONS, 9L), figuresOf(posts.get(1)), "the latest day shows");

        String unit = units.ownUnitCode();
        Engagements.TypeFigures firstNight = engagements.forUnit(unit, d, d.plusDays(1)).get(ChannelType.FACEBOOK_PAGE);
        assertEquals(150L, firstNight.sums().get(Metric.UNIQUE_VIEWERS), "the day before is kept: 3 posts x 50");
        assertEquals(1234L, firstNight.followers());
        Engagements.TypeFigures secondNight = engagements.forUnit(unit, d, d.plusDays(2)).get(ChannelType.FACEBOOK_PAGE);
        assertEquals(240L, secondNight.sums().get(Metric.UNIQUE_VIEWERS), "3 posts x 80, each counted once");
        assertEquals(27L, secondNight.sums().get(Metric.REACTIONS));
        assertEquals(1250L, secondNight.followers());
    }

    @Test
    void aLaterReadingOfTheSameDayReplacesTheEarlierOne() {
        LocalDate d = day(1);
        clock.set(at(d, 8, 0));
        Publication post = published("fb-a", "Tin bão số 2");
        store.saveFigures(channels.get("fb-a"), d, at(d, 2, 0), Map.of(Metric.FOLLOWERS, 10L),
                Map.of(post.id(), Map.of(Metric.VIEWS, 5L, Metric.SHARES, 1L)));
        store.saveFigures(channels.get("fb-a"), d, at(d, 3, 0), Map.of(Metric.FOLLOWERS, 12L),
                Map.of(post.id(), Map.of(Metric.VIEWS, 9L)));
        assertEquals(Map.of(Metric.VIEWS, 9L), figuresOf(post), "the whole earlier reading of the day is replaced");
        assertEquals(12L, store.channelFigure("fb-a", Metric.FOLLOWERS, d).orElseThrow());
    }

    @Test
    void aPageWithoutInsightsSaysSoOnThePublicationPageAndInTheApi() throws IOException {
        LocalDate d = day(2);
        clock.set(at(d, 8, 0));
        Publication post = published("fb-b", "Hướng dẫn đăng ký tạm trú");
        platform.reset(p -> Map.of(Metric.VIEWS, 1L), Map.of());
        platform.answer("fb-b", new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_UNDER_100_LIKES, 42));
        collectAt(at(d.plusDays(1), 1, 0));
        collectAt(at(d.plusDays(1), 2, 0));
        assertEquals(1, platform.reads("fb-b").size(), "nothing more is asked that night");

        String sentence = "Trang có dưới 100 lượt thích nên Facebook không cung cấp số liệu thống kê (Trang hiện có 42 lượt thích).";
        assertTrue(page("/publications/" + post.id()).contains(sentence), "the publication page says why");
        Map<?, ?> answer = json.readValue(http.toBlocking().retrieve(TestUsers.asEditor(
                HttpRequest.GET("/api/publications/" + post.id() + "/engagement"))), Map.class);
        assertEquals(sentence, answer.get("note"));
        assertEquals("NOT_AVAILABLE", answer.get("state"));
        assertEquals(List.of(), answer.get("figures"));
    }

    @Test
    void aRateLimitIsReadAgainLaterInTheWindowAndNotPastIt() {
        LocalDate d = day(3);
        clock.set(at(d, 8, 0));
        Publication post = published("fb-c", "Lịch cắt điện tuần này");
        platform.reset(p -> Map.of(Metric.VIEWS, 321L), Map.of());
        platform.answer("fb-c", new EngagementReading.RetryLater(Duration.ofHours(1), "Facebook đang giới hạn số lần gọi."));
        collectAt(at(d.plusDays(1), 1, 0));
        assertTrue(figuresOf(post).isEmpty());
        collectAt(at(d.plusDays(1), 1, 59));
        assertEquals(1, platform.reads("fb-c").size(), "the platform's wait is kept");
        collectAt(at(d.plusDays(1), 2, 0));
        assertEquals(2, platform.reads("fb-c").size());
        assertEquals(Map.of(Metric.VIEWS, 321L), figuresOf(post));

        platform.answer("fb-c", new EngagementReading.RetryLater(Duration.ofHours(3), "Facebook đang giới hạn số lần gọi."));
        collectAt(at(d.plusDays(2), 4, 0));
        collectAt(at(d.plusDays(2), 4, 59));
        collectAt(at(d.plusDays(2), 7, 0));
        assertEquals(3, platform.reads("fb-c").size(), "a wait past the window's end gives the night up");
        assertEquals(EngagementStore.RunState.MISSED, store.get("fb-c", d.plusDays(2)).orElseThrow().state());
        assertEquals(d.plusDays(1), engagements.ofPublication(post.id()).day(), "the last good day still shows");
    }

    @Test
    void anExpiredTokenIsToldToTheUnitsEditorsOnce() {
        LocalDate d = day(4);
        clock.set(at(d, 8, 0));
        Publication post = published("fb-d", "Thông báo tuyển quân");
        platform.reset(p -> Map.of(Metric.VIEWS, 1L), Map.of());
        String reason = "Mã truy cập của Trang đã hết hạn; quản trị viên cần kết nối lại Trang.";
        platform.answer("fb-d", new EngagementReading.NeedsAttention(reason), new EngagementReading.NeedsAttention(reason));
        collectAt(at(d.plusDays(1), 1, 0));
        collectAt(at(d.plusDays(2), 1, 0));
        assertEquals(2, platform.reads("fb-d").size(), "tried again the next night");
        List<Notice> told = notices.of("bien-tap").stream().filter(n -> n.kind() == NoticeKind.ENGAGEMENT_TROUBLE)
                .filter(n -> n.title().contains("Trang fb-d")).toList();
        assertEquals(1, told.size(), "told once, not every night");
        assertTrue(told.get(0).detail().contains(reason), told.get(0).detail());
        assertTrue(engagements.ofPublication(post.id()).note().contains(reason));
    }

    @Test
    void aRestartMidRunReadsNoPostTwice() {
        LocalDate d = day(5);
        clock.set(at(d, 8, 0));
        List<Publication> posts = List.of(published("fb-e", "Tin một"), published("fb-e", "Tin hai"),
                published("fb-e", "Tin ba"), published("fb-e", "Tin bốn"), published("fb-e", "Tin năm"));
        platform.reset(p -> Map.of(Metric.VIEWS, 10L), Map.of());
        collectAt(at(d.plusDays(1), 1, 0));
        // another instance claims the second call and dies before it is recorded
        clock.set(at(d.plusDays(1), 1, 15));
        EngagementStore.Run run = store.get("fb-e", d.plusDays(1)).orElseThrow();
        assertTrue(store.claim(run, "dead-instance", clock.instant(), clock.instant().plus(config.claimFor())));
        collectAt(at(d.plusDays(1), 1, 20));
        assertEquals(1, platform.reads("fb-e").size(), "a claimed run is left to its holder");

        // this instance restarts: a new collector over the same database
        EngagementCollector restarted = new EngagementCollector(channels, adapters, () -> publishing, units, accounts,
                notices, store, config, json, clock);
        clock.set(at(d.plusDays(1), 1, 26));
        restarted.collect();
        clock.set(at(d.plusDays(1), 1, 41));
        restarted.collect();
        clock.set(at(d.plusDays(1), 2, 30));
        restarted.collect();
        assertEquals(List.of(List.of(posts.get(0).id(), posts.get(1).id()), List.of(posts.get(2).id(), posts.get(3).id()),
                        List.of(posts.get(4).id())),
                platform.reads("fb-e").stream().map(FakeEngagementAdapter.Read::publicationIds).toList(),
                "each post read once, from where the run stopped");
        assertEquals(EngagementStore.RunState.DONE, store.get("fb-e", d.plusDays(1)).orElseThrow().state());
    }

    @Test
    void aDryRunReadsNothingAndSaysSoAndAPausedChannelIsSkipped() {
        LocalDate d = day(6);
        clock.set(at(d, 8, 0));
        Publication dry = published("fb-thu", "Tin chạy thử");
        Publication paused = published("fb-f", "Tin trên trang tạm dừng");
        channels.pause("fb-f", "Quản trị viên tạm dừng để kiểm tra.");
        platform.reset(p -> Map.of(Metric.VIEWS, 1L), Map.of());
        collectAt(at(d.plusDays(1), 1, 0));
        collectAt(at(d.plusDays(1), 2, 0));
        assertEquals(0, platform.reads("fb-thu").size());
        assertEquals(0, platform.reads("fb-f").size());
        assertTrue(engagements.ofPublication(dry.id()).note().contains("đang chạy thử"), engagements.ofPublication(dry.id()).note());
        assertTrue(figuresOf(paused).isEmpty());
        assertFalse(store.get("fb-f", d.plusDays(1)).isPresent(), "no run for a paused channel");
    }

    @Test
    void aLoudspeakerItemCoversTheHouseholdsOfTheStationsThatPlayIt() throws IOException {
        LocalDate d = day(7);
        clock.set(at(d, 17, 0));
        Publication item = published("loa", "Thông báo lịch tiêm phòng dại");
        collectAt(at(d.plusDays(1), 1, 0));
        assertEquals(Map.of(Metric.HOUSEHOLDS_COVERED, 200L), figuresOf(item), "120 + 80 households");

        // thôn Tây's programme of that session no longer holds the item: only thôn Đông played it
        Path tay = folders.dataDir().resolve("loa").resolve("thon-tay").resolve(item.externalId());
        Files.delete(tay);
        collectAt(at(d.plusDays(2), 1, 0));
        assertEquals(Map.of(Metric.HOUSEHOLDS_COVERED, 120L), figuresOf(item));
        assertEquals(120L, engagements.forUnit(units.ownUnitCode(), d, d.plusDays(2)).get(ChannelType.LOUDSPEAKER)
                .householdsCovered());
    }

    @Test
    void portalViewsCountPeopleNotCrawlersPreviewsOrHeadRequests() {
        LocalDate d = day(8);
        clock.set(at(d, 8, 0));
        Publication article = published("portal", "Hướng dẫn làm căn cước cho trẻ em");
        String address = "/portal/bai/" + article.externalId();
        String chrome = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        String zaloApp = chrome + " Zalo android/12345 ZaloTheme/light ZaloLanguage/vn";
        for (String agent : List.of(chrome, chrome, zaloApp, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Zalo")) {
            http.toBlocking().exchange(HttpRequest.GET(address).header("User-Agent", agent), String.class);
        }
        http.toBlocking().exchange(HttpRequest.HEAD(address).header("User-Agent", chrome));
        http.toBlocking().exchange(HttpRequest.GET(address).header("User-Agent", chrome).header("Sec-Purpose", "prefetch"), String.class);
        viewCounter.flush();
        collectAt(at(d.plusDays(1), 1, 0));
        assertEquals(Map.of(Metric.VIEWS, 3L), figuresOf(article), "two readers in a browser, one in Zalo's");
        assertTrue(page("/publications/" + article.id()).contains("Lượt xem"), "the publication page shows the figure");
        String events = http.toBlocking().retrieve(TestUsers.asEditor(HttpRequest.GET("/calendar/events?start=" + d
                + "&end=" + d.plusDays(1))));
        assertTrue(events.contains("Hướng dẫn làm căn cước cho trẻ em (Lượt xem 3)"), "the calendar's tooltip: " + events);
    }
}
