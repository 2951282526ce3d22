package vn.herald.engagement;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Metric;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reach model of docs/reach.md, without a database. */
class ReachTest {

    private static Engagements.TypeFigures type(ChannelType type, Map<Metric, Long> largest, long followers) {
        return new Engagements.TypeFigures(type, largest, largest, followers, largest.getOrDefault(Metric.HOUSEHOLDS_COVERED, 0L));
    }

    @Test
    void eachKindCountsItsLargestAudienceAndKindsCombineAsIndependent() {
        Reach reach = Reach.estimate(12_400, 3_150, Map.of(
                ChannelType.LOUDSPEAKER, type(ChannelType.LOUDSPEAKER, Map.of(Metric.HOUSEHOLDS_COVERED, 2_100L), 0),
                ChannelType.FACEBOOK_PAGE, type(ChannelType.FACEBOOK_PAGE,
                        Map.of(Metric.UNIQUE_VIEWERS, 3_100L, Metric.REACTIONS, 9_000L), 5_000),
                ChannelType.ZALO_OA, type(ChannelType.ZALO_OA, Map.of(Metric.VIEWS, 620L), 1_500),
                ChannelType.EPORTAL, type(ChannelType.EPORTAL, Map.of(Metric.VIEWS, 1_240L), 0)));

        assertEquals(List.of(new Reach.Part(ChannelType.EPORTAL, 1_240, Metric.VIEWS, 1_240),
                new Reach.Part(ChannelType.FACEBOOK_PAGE, 3_100, Metric.UNIQUE_VIEWERS, 3_100),
                new Reach.Part(ChannelType.ZALO_OA, 620, Metric.VIEWS, 620),
                new Reach.Part(ChannelType.LOUDSPEAKER, 8_267, Metric.HOUSEHOLDS_COVERED, 2_100)), reach.parts(),
                "reactions and followers count nobody; 2,100 households of 3.94 residents are 8,267 people");
        assertEquals(9_750, reach.reached(), "12,400 x (1 - 4,133/12,400 x 0.75 x 0.95 x 0.90), not the 13,227 of a plain sum");
        assertEquals(786, reach.permille());
        assertFalse(reach.reaches(80));
        assertTrue(reach.reaches(78));
    }

    @Test
    void nothingIsCountedAboveTheResidentsAndScreensReachNobody() {
        Reach reach = Reach.estimate(1_000, 250, Map.of(
                ChannelType.LOUDSPEAKER, type(ChannelType.LOUDSPEAKER, Map.of(Metric.HOUSEHOLDS_COVERED, 400L), 0),
                ChannelType.TIKTOK, type(ChannelType.TIKTOK, Map.of(Metric.VIEWS, 250_000L), 90),
                ChannelType.SCREEN, type(ChannelType.SCREEN, Map.of(Metric.VIEWS, 50L), 0)));

        assertEquals(List.of(ChannelType.LOUDSPEAKER, ChannelType.TIKTOK), reach.parts().stream().map(Reach.Part::type).toList());
        assertEquals(1_000, reach.parts().get(0).people(), "400 households covered of 250: all of them");
        assertEquals(1_000, reach.parts().get(1).people(), "a video seen across the country reaches at most the commune");
        assertEquals(1_000, reach.reached());
        assertTrue(reach.reaches(100));
    }

    @Test
    void noFiguresReachNobody() {
        Reach reach = Reach.estimate(8_000, 2_000, Map.of(
                ChannelType.FACEBOOK_PAGE, type(ChannelType.FACEBOOK_PAGE, Map.of(), 640)));

        assertTrue(reach.parts().isEmpty());
        assertEquals(0, reach.reached());
    }
}
