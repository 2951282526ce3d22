package vn.herald.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;

import java.time.Instant;
import java.util.List;

/**
 * What a unit reports upward for one period; every list is ordered as it is printed. {@code byChannelType} counts what
 * was sent for real per kind of channel (portal, Facebook, Zalo, loudspeakers, screens, YouTube, TikTok), named in
 * Vietnamese, in that order.
 */
@Serdeable
public record Report(UnitLine unit, ReportPeriod period, Instant generatedAt, Totals totals,
                     List<ChannelCount> byChannel, List<Count> byChannelType, List<Count> byKind, List<Count> byTopic, List<Count> byAudience,
                     List<CadenceLine> cadence, List<CampaignLine> campaigns, List<Failure> failures,
                     List<Item> published, ReachLine reach, List<PlanSection> plans, @Nullable String notes) {

    /** What the report says where a figure is not measured yet. */
    public static final String NO_DATA = "chưa có số liệu";

    /**
     * The unit's residents and households as entered (null: not entered) and the residents its channels reached in
     * the period by the model of docs/reach.md: {@code reached} and {@code share} ("78,6%") are null, and every
     * format prints {@link #NO_DATA}, while the figures are not entered or nothing was read back.
     */
    @Serdeable
    public record ReachLine(@Nullable Integer population, @Nullable Integer households, @Nullable Long reached,
                            @Nullable String share, List<ReachPart> parts) {

        /** The line every format prints: "Số dân: 12.400; số hộ: 3.150; số người dân được tiếp cận thông tin: …". */
        public String sentence() {
            return "Số dân: " + (population == null ? NO_DATA : Letterhead.number(population))
                    + "; số hộ: " + (households == null ? NO_DATA : Letterhead.number(households))
                    + "; số người dân được tiếp cận thông tin: "
                    + (reached == null ? NO_DATA : Letterhead.number(reached) + " (" + share + " số dân)") + ".";
        }

        /** What the estimate rests on, kind by kind, or null without one. */
        @Nullable
        public String basis() {
            if (parts.isEmpty()) {
                return null;
            }
            return "Ước tính theo từng loại kênh (mỗi loại lấy tin, bài đến được nhiều người nhất; khi gộp các loại kênh, "
                    + "người dân theo dõi nhiều kênh không bị tính hai lần): " + parts.stream()
                    .map(p -> p.label() + " " + Letterhead.number(p.people()) + " người (" + p.basis() + ")")
                    .collect(java.util.stream.Collectors.joining("; ")) + ".";
        }
    }

    /** One kind of channel's residents reached, with what the figure rests on ("2.100 hộ"). */
    @Serdeable
    public record ReachPart(ChannelType type, String label, long people, String basis) {}

    /** A plan the unit follows in the period: its targets against what was achieved, one section per task in order. */
    @Serdeable
    public record PlanSection(String code, String number, String title, List<TargetLine> targets, List<TaskSection> tasks) {}

    /**
     * A plan's target against the unit's results: {@code achieved} as people read it ("78,6%", "Có chuyên mục «…»"),
     * {@code met} null where Herald does not measure the target or has no figures, with {@code verdict} saying so.
     */
    @Serdeable
    public record TargetLine(String code, String title, @Nullable Integer goalPercent, @Nullable java.time.LocalDate by,
                             @Nullable String achieved, @Nullable Boolean met, String verdict) {}

    /**
     * One task over the period: who leads and coordinates it, its deadline and state, each output expected against
     * achieved (null for free text), the publications that served it, the coordinating units' contributions, and the
     * problems and proposals the editor wrote for it.
     */
    @Serdeable
    public record TaskSection(String planCode, String code, String title, String lead, List<String> coordinating,
                              String deadline, String state, boolean overdue, List<OutputLine> outputs,
                              List<Item> publications, List<ContributionLine> contributions, @Nullable String notes) {
        /** The key its problems and proposals are stored and sent under. */
        public String key() {
            return planCode + "/" + code;
        }
    }

    @Serdeable
    public record OutputLine(String text, @Nullable Integer expected, @Nullable Integer achieved, boolean met) {
        public boolean measurable() {
            return expected != null;
        }
    }

    @Serdeable
    public record ContributionLine(java.time.LocalDate doneOn, String organisation, String what, @Nullable String place) {}

    @Serdeable
    public record UnitLine(String code, String name, String zone, @Nullable String parentName) {}

    /** Sent for real; dry-run channels only rehearse, so what they would have sent is counted apart. */
    @Serdeable
    public record Totals(int published, int dryRun, int failures, long loudspeakerMinutes, long loudspeakerSeconds,
                         int loudspeakerItems, int loudspeakerItemsWithoutDuration) {

        /** The air time as the publication pages say it ("2 phút 28 giây"), so the two never disagree. */
        public String loudspeakerTime() {
            long minutes = loudspeakerSeconds / 60;
            long seconds = loudspeakerSeconds % 60;
            return seconds == 0 ? minutes + " phút" : minutes + " phút " + seconds + " giây";
        }
    }

    @Serdeable
    public record ChannelCount(String channelId, String name, ChannelType type, int published, int dryRun) {}

    @Serdeable
    public record Count(String key, String label, int count) {}

    /** A cadence rule over the period: the weeks it held, and the ISO weeks it did not. */
    @Serdeable
    public record CadenceLine(String channelId, String channelName, int perWeek, int weeksChecked, int weeksMet,
                              List<String> weeksMissed) {
        public int percentMet() {
            return weeksChecked == 0 ? 100 : Math.round(100f * weeksMet / weeksChecked);
        }
    }

    /** A campaign's slots on one channel: planned against actually published. */
    @Serdeable
    public record CampaignLine(long campaignId, String campaign, String channelId, String channelName, int planned,
                               int published) {}

    /** How a publication that met trouble ended. */
    public enum Ending { SENT_LATER, EXPIRED, CANCELLED, WAITING }

    @Serdeable
    public record Failure(long publicationId, String title, String channelName, Instant plannedAt, Ending ending,
                          String endingLabel, @Nullable String lastError) {}

    @Serdeable
    public record Item(long publicationId, String title, String channelName, ChannelType channelType, Instant plannedAt,
                       @Nullable String url) {}
}
