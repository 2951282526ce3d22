package vn.herald.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keeps the report benchmark working: the same run, three communes and four weeks, once. */
class ReportBenchmarkSmokeTest {

    @Test
    void theBenchmarkRunsEveryRequestOnASmallProvince() {
        List<ReportBenchmark.Figure> figures = ReportBenchmark.run(Map.of(), 3, 4, 1);
        assertEquals(List.of("overview JSON", "overview CSV", "overview DOCX", "commune year report JSON",
                "commune year report HTML", "commune year report DOCX"), figures.stream().map(ReportBenchmark.Figure::request).toList());
    }
}
