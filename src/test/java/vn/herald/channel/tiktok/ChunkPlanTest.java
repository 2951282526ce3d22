package vn.herald.channel.tiktok;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The media transfer guide's chunk rules, checked on sizes no test needs a real file for. */
class ChunkPlanTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aVideoUnderFiveMegabytesGoesInOneChunkOfItsOwnSize() {
        ChunkPlan plan = ChunkPlan.of(3 * MB + 17, 10 * MB);
        assertEquals(new ChunkPlan(3 * MB + 17, 3 * MB + 17, 1), plan);
        assertEquals(List.of(new ChunkPlan.Chunk(0, 3 * MB + 16)), plan.chunks());
        assertEquals("bytes 0-3145744/3145745", plan.chunks().get(0).contentRange(plan.size()));
    }

    @Test
    void fiftyMegabytesInTenMegabyteChunksAreFiveSequentialRanges() {
        ChunkPlan plan = ChunkPlan.of(50 * MB, 10 * MB);
        assertEquals(5, plan.count());
        assertEquals(10 * MB, plan.chunkSize());
        List<String> ranges = plan.chunks().stream().map(c -> c.contentRange(plan.size())).toList();
        assertEquals(List.of("bytes 0-10485759/52428800", "bytes 10485760-20971519/52428800",
                "bytes 20971520-31457279/52428800", "bytes 31457280-41943039/52428800",
                "bytes 41943040-52428799/52428800"), ranges);
    }

    @Test
    void theLastChunkTakesTheTrailingBytesAndTheCountIsRoundedDown() {
        ChunkPlan plan = ChunkPlan.of(57 * MB + 123, 10 * MB);
        assertEquals(5, plan.count(), "floor(57 MB / 10 MB)");
        ChunkPlan.Chunk last = plan.chunks().get(4);
        assertEquals(40 * MB, last.first());
        assertEquals(17 * MB + 123, last.length(), "10 MB plus the 7 MB and 123 bytes left over");
        assertEquals(plan.size(), plan.chunks().stream().mapToLong(ChunkPlan.Chunk::length).sum());
    }

    @Test
    void chunkSizesStayBetweenFiveAndSixtyFourMegabytesAndTheLastUnder128() {
        assertEquals(5 * MB, ChunkPlan.of(20 * MB, 1 * MB).chunkSize(), "too small a wish is raised to 5 MB");
        ChunkPlan big = ChunkPlan.of(200 * MB, 100 * MB);
        assertEquals(64 * MB, big.chunkSize());
        assertEquals(3, big.count());
        assertEquals(72 * MB, big.chunks().get(2).length());
    }

    @Test
    void aVideoBetweenFiveMegabytesAndOneChunkIsOneChunk() {
        assertEquals(new ChunkPlan(8 * MB, 8 * MB, 1), ChunkPlan.of(8 * MB, 10 * MB));
        ChunkPlan twelve = ChunkPlan.of(12 * MB, 10 * MB);
        assertEquals(1, twelve.count(), "floor(12 / 10): the one chunk carries the 2 MB over");
        assertEquals(12 * MB, twelve.chunks().get(0).length());
    }
}
