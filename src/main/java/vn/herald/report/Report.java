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
     * The unit's residents and households as entered (null: not entered); residents reached is not measured yet, so
     * every format prints {@link #NO_DATA} for it rather than a number.
     */
    @Serdeable
    public record ReachLine(@Nullable Integer population, @Nullable Integer households) {}

    /** A plan the unit follows in the period, with one section per task in the plan's order. */
    @Serdeable
    public record PlanSection(String code, String number, String title, List<TaskSection> tasks) {}

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
