package vn.herald.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TextDiffTest {

    @Test
    void aChangedLineIsShownRemovedAndAdded() {
        List<TextDiff.Line> lines = TextDiff.lines("Kính thưa bà con\nLịch tiêm chủng", "Kính thưa bà con\nLịch tiêm chủng mới");
        assertEquals(List.of(TextDiff.Change.SAME, TextDiff.Change.REMOVED, TextDiff.Change.ADDED),
                lines.stream().map(TextDiff.Line::change).toList());
    }

    @Test
    void twoHundredThousandLineRevisionsAreComparedWithoutExhaustingMemory() {
        String before = "dòng cũ\n".repeat(100_000);
        String after = "dòng mới\n".repeat(100_000);
        List<TextDiff.Line> lines = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TextDiff.lines(before, after));
        assertEquals(200_002, lines.size());
        assertEquals(TextDiff.Change.REMOVED, lines.get(0).change());
        assertEquals(TextDiff.Change.ADDED, lines.get(lines.size() - 1).change());
    }
}
