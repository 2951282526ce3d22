package vn.herald.campaign;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the planning benchmark working and honest: the same run on a few communes, once, with its outcome checked. */
class PlanningBenchmarkSmokeTest {

    private static final int COMMUNES = 6;

    @Test
    void everyCommuneGetsEachCampaignOnceWithItsSlotsFilledAndItsGapsReported() {
        PlanningBenchmark.Run run = PlanningBenchmark.run(PlanningBenchmark.database("h2"), COMMUNES, false);
        Map<String, Long> counts = run.counts();
        assertEquals(3L * COMMUNES, counts.get("instances"), "one instance per template and commune: " + counts);
        // per campaign: the portal features it from one slot, Facebook and Zalo post daily, the loudspeaker once a
        // session day; 18/5 and 1/10 run 13 days, 10/10 runs 18; the loudspeaker has no session on the Sundays
        assertEquals(COMMUNES * (3L + 2 * (13 + 13 + 18) + (11 + 11 + 15)), counts.get("slots"), "slots: " + counts);
        // each piece at most once per channel per campaign: the portal takes one article, Facebook and Zalo three
        // each, the loudspeaker two scripts
        assertEquals(COMMUNES * 3L * (1 + 3 + 3 + 2), counts.get("publications"), "publications: " + counts);
        assertEquals(counts.get("publications"), counts.get("slotsFilled"), "every publication fills one slot: " + counts);
        assertTrue(counts.get("gaps") >= COMMUNES * 2L * 30, "the weeks without a portal or loudspeaker post are gaps: " + counts);
    }
}
