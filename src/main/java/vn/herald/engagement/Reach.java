package vn.herald.engagement;

import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Residents a unit reached in a period, estimated by the model of docs/reach.md: per kind of channel the largest
 * audience of one item (the loudspeakers' households turned into residents; elsewhere the people who saw one post),
 * combined across kinds as if independent, never more than the unit's residents.
 *
 * @param reached the residents reached, rounded to a whole person
 * @param parts   the kinds of channel that reached anyone, in {@link ChannelType} order
 */
@Serdeable
public record Reach(int population, int households, long reached, List<Part> parts) {

    /**
     * One kind of channel: the residents it reached and what that was read from ({@code measured} of
     * {@code metric} on the item that reached most; for the loudspeakers, households).
     */
    @Serdeable
    public record Part(ChannelType type, long people, Metric metric, long measured) {}

    /** The kinds of channel the model counts and the figure each is read from; screens and followers count nobody. */
    private static final Map<ChannelType, Metric> AUDIENCE = Map.of(
            ChannelType.LOUDSPEAKER, Metric.HOUSEHOLDS_COVERED,
            ChannelType.FACEBOOK_PAGE, Metric.UNIQUE_VIEWERS,
            ChannelType.ZALO_OA, Metric.VIEWS,
            ChannelType.EPORTAL, Metric.VIEWS,
            ChannelType.YOUTUBE, Metric.VIEWS,
            ChannelType.TIKTOK, Metric.VIEWS);

    /** The model itself, without a database: {@code figures} are the unit's over the period, by kind of channel. */
    static Reach estimate(int population, int households, Map<ChannelType, Engagements.TypeFigures> figures) {
        List<Part> parts = new ArrayList<>();
        double missed = 1;
        for (ChannelType type : ChannelType.values()) {
            Metric metric = AUDIENCE.get(type);
            Engagements.TypeFigures typeFigures = figures.get(type);
            long measured = metric == null || typeFigures == null ? 0 : typeFigures.largest().getOrDefault(metric, 0L);
            if (measured == 0) {
                continue;
            }
            long people = type == ChannelType.LOUDSPEAKER
                    ? Math.round((double) Math.min(measured, households) * population / households)
                    : Math.min(measured, population);
            parts.add(new Part(type, people, metric, measured));
            missed *= 1 - (double) people / population;
        }
        return new Reach(population, households, Math.round(population * (1 - missed)), List.copyOf(parts));
    }

    /** The share of residents reached, in tenths of a percent (786 is 78.6%), rounded half up. */
    public long permille() {
        return Math.round(reached * 1000.0 / population);
    }

    /** Whether the share reached is at least {@code goalPercent}, compared exactly. */
    public boolean reaches(int goalPercent) {
        return reached * 100 >= (long) goalPercent * population;
    }
}
