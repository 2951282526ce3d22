package vn.herald.campaign;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.TestVideos;
import vn.herald.account.Accounts;
import vn.herald.calendar.Calendar;
import vn.herald.calendar.GapFiller;
import vn.herald.calendar.GapState;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YouTube, TikTok and a screen in the plans: a campaign template names their slots and fills them by the one rule of
 * which kinds a channel carries (a video anywhere, articles on the screen, never a piece without a video on YouTube or
 * TikTok, never a radio script on the screen), and cadence rules on them show gap weeks and are filled alike. The
 * channels are dry-run, served by the real YouTube and TikTok adapters.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoChannelsPlanningTest implements TestPropertyProvider {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String TAG = "thu-video-10-10";

    @Inject Pieces pieces;
    @Inject Campaigns campaigns;
    @Inject CampaignLauncher launcher;
    @Inject CampaignTemplates templates;
    @Inject Calendar calendar;
    @Inject GapFiller filler;
    @Inject Units units;
    @Inject Accounts accounts;
    @Inject TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path content = Files.createTempDirectory("herald-content");
            Files.createDirectories(content.resolve("campaigns"));
            Files.writeString(content.resolve("campaigns").resolve(TAG + ".yml"), """
                    code: %s
                    name: Ngày Chuyển đổi số quốc gia trên video
                    day: "10-10"
                    leadDays: 6
                    tailDays: 0
                    tag: %s
                    cadence:
                      YOUTUBE: daily
                      TIKTOK: daily
                      SCREEN: daily
                    """.formatted(TAG, TAG));
            Map<String, String> properties = new HashMap<>();
            properties.put("herald.channels-dir", TestChannels.folder(Map.of(
                    "youtube.yml", "type: YOUTUBE\nmode: dry-run\nname: Kênh YouTube xã Hòa An\n",
                    "tiktok.yml", "type: TIKTOK\nmode: dry-run\nname: TikTok xã Hòa An\ncadence: {perWeek: 2}\n",
                    "man-hinh.yml", "type: SCREEN\nmode: dry-run\nname: Màn hình hội trường\n")).toString());
            properties.put("herald.content-dir", content.toString());
            properties.put("herald.test.clock", "true");
            properties.put("herald.publishing.scheduler-enabled", "false");
            properties.put("herald.campaign.sweep-enabled", "false");
            properties.put("herald.upstream.enabled", "false");
            properties.put("herald.calendar.youtube-per-week", "1");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        TestVideos.needFfmpeg("VideoChannelsPlanningTest");
    }

    private static java.time.Instant hanoi(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    private Piece approved(PieceKind kind, String title, List<String> campaignTags) {
        Piece piece = pieces.create(new PieceForm(kind, null, title, "Tóm tắt: " + title,
                kind == PieceKind.ARTICLE ? "<p>Nội dung bài viết.</p>" : null,
                kind == PieceKind.RADIO_SCRIPT ? "Kính thưa bà con, " + title + "." : null, null, null,
                List.of("Chuyển đổi số"), List.of(), campaignTags, null, "Ban biên tập", null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private Piece approvedVideo(String title, List<String> campaignTags) {
        return TestVideos.approvedVideo(pieces, title, "Video ngắn về VNeID", 2, title.length(), campaignTags);
    }

    private static Set<Long> piecesOn(CampaignView campaign, String channelId) {
        CampaignView.ChannelSlots slots = campaign.channels().stream().filter(c -> c.channelId().equals(channelId))
                .findFirst().orElseThrow(() -> new AssertionError(channelId + " has no slots in " + campaign.channels()));
        return Stream.of(slots.scheduled(), slots.published()).flatMap(List::stream).map(CampaignView.Slot::pieceId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    @Test
    void aCampaignTemplateFillsYouTubeTikTokAndTheScreenWithThePiecesEachCarries() {
        clock.set(hanoi("2027-09-28T08:00:00"));
        Piece video = approvedVideo("Video: Ngày Chuyển đổi số quốc gia 10/10", List.of(TAG));
        Piece article = approved(PieceKind.ARTICLE, "Hưởng ứng Ngày Chuyển đổi số quốc gia", List.of(TAG));
        Piece script = approved(PieceKind.RADIO_SCRIPT, "Bản tin phát thanh Ngày Chuyển đổi số", List.of(TAG));

        CampaignTemplate template = templates.find(TAG).orElseThrow();
        assertTrue(launcher.launch(TAG, 2027, units.get(units.ownUnitCode()), CampaignOrigin.TEMPLATE, template.name(),
                CampaignRules.of(template), CampaignWindow.of(template, 2027), "test").created());
        CampaignView campaign = campaigns.list(units.ownUnitCode(), 2027).stream().filter(c -> c.code().equals(TAG))
                .findFirst().orElseThrow();

        assertEquals(Set.of(video.id()), piecesOn(campaign, "youtube"), "only the piece with a video goes to YouTube");
        assertEquals(Set.of(video.id()), piecesOn(campaign, "tiktok"), "and to TikTok");
        assertEquals(Set.of(video.id(), article.id()), piecesOn(campaign, "man-hinh"),
                "the screen plays the video and shows the article, never the radio script");
        assertFalse(campaign.channels().stream().anyMatch(c -> piecesOn(campaign, c.channelId()).contains(script.id())));
        CampaignView.ChannelSlots youtube = campaign.channels().stream().filter(c -> c.channelId().equals("youtube"))
                .findFirst().orElseThrow();
        assertEquals(7, youtube.counts().planned(), "a slot a day, 4 to 10 October");
        assertEquals(6, youtube.counts().empty(), "the other days wait for another video");
    }

    @Test
    void cadenceRulesOnYouTubeAndTikTokShowGapWeeksAndTheFillerProposesOnlyVideos() {
        clock.set(hanoi("2027-11-17T08:00:00"));
        List<Calendar.Gap> gaps = calendar.gaps(units.ownUnitCode(), LocalDate.parse("2027-11-01"),
                LocalDate.parse("2027-11-14")).gaps();
        Calendar.Gap youtube = gaps.stream().filter(g -> g.channelId().equals("youtube") && g.week().equals("2027-W44"))
                .findFirst().orElseThrow(() -> new AssertionError(gaps.toString()));
        assertEquals(GapState.MISSED, youtube.state());
        assertEquals(1, youtube.required(), "herald.calendar.youtube-per-week");
        Calendar.Gap tiktok = gaps.stream().filter(g -> g.channelId().equals("tiktok") && g.week().equals("2027-W45"))
                .findFirst().orElseThrow(() -> new AssertionError(gaps.toString()));
        assertEquals(GapState.MISSED, tiktok.state());
        assertEquals(2, tiktok.required(), "the channel file's cadence");

        Piece video = approvedVideo("Video: hướng dẫn nộp hồ sơ trực tuyến", List.of());
        approved(PieceKind.ARTICLE, "Bài viết về dịch vụ công trực tuyến", List.of());
        GapFiller.FillView fill = filler.propose(units.ownUnitCode(), LocalDate.parse("2027-11-17"),
                LocalDate.parse("2027-11-21"), "bien-tap");
        List<GapFiller.Slot> onVideoChannels = fill.items().stream()
                .filter(s -> s.channelId().equals("youtube") || s.channelId().equals("tiktok")).toList();
        assertTrue(onVideoChannels.stream().anyMatch(s -> s.channelId().equals("youtube") && s.pieceId() == video.id()),
                fill.items().toString());
        assertTrue(onVideoChannels.stream().allMatch(s -> pieces.get(s.pieceId()).kind() == PieceKind.VIDEO),
                "no article is proposed where it would be refused: " + onVideoChannels);
    }
}
