package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dispatch benchmark once, small, in both of its modes, so it keeps working; its figures are in docs/benchmarks.md. */
class DispatchBenchmarkSmokeTest {

    @Test
    void aBurstAndASteadyRunOnH2() throws Exception {
        assertEquals(100, DispatchBenchmark.burst("h2", 1, 100, 1, false).publications());
        assertEquals(100, DispatchBenchmark.burst("h2", 1, 100, 5, false).publications());
        assertEquals(30, DispatchBenchmark.steady("h2", 10, 3).publications());
    }
}
