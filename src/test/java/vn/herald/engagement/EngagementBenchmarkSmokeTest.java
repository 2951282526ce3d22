package vn.herald.engagement;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keeps the collection benchmark working: three communes, one night, every channel read to the end. */
class EngagementBenchmarkSmokeTest {

    @Test
    void oneNightReadsEveryChannelOfThreeCommunesWithinItsBudget() {
        List<EngagementBenchmark.Night> nights = EngagementBenchmark.run(Map.of(), 3, 1);
        EngagementBenchmark.Night night = nights.get(0);
        assertEquals(12, night.done(), "4 channels x 3 communes, each run done");
        // per commune: portal 1 call (12 pages), Facebook 1 (20 posts, 50 a call), Zalo 8 (one article a call),
        // loudspeakers 1 (8 items)
        assertEquals(3 * (1 + 1 + 8 + 1), night.calls());
    }
}
