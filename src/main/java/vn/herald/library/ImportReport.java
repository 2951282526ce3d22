package vn.herald.library;

import io.micronaut.serde.annotation.Serdeable;
import vn.herald.content.FileOutcome;

import java.time.Instant;
import java.util.List;

/** What an import did: counts, and every broken file with its line and reason. */
@Serdeable
public record ImportReport(Instant startedAt, Instant finishedAt, String triggeredBy, int imported, int updated,
                           int unchanged, int archived, int errors, List<Problem> problems, List<FileOutcome> files) {

    /** A broken file, e.g. {@code content/articles/vneid.md}, line 4, and what is wrong. */
    @Serdeable
    public record Problem(String path, int line, String reason, String message) {}

    static ImportReport of(Instant startedAt, Instant finishedAt, String triggeredBy, List<FileOutcome> files) {
        return new ImportReport(startedAt, finishedAt, triggeredBy,
                count(files, FileOutcome.Result.IMPORTED), count(files, FileOutcome.Result.UPDATED),
                count(files, FileOutcome.Result.UNCHANGED), count(files, FileOutcome.Result.ARCHIVED),
                count(files, FileOutcome.Result.FAILED),
                files.stream().filter(f -> f.result() == FileOutcome.Result.FAILED)
                        .map(f -> new Problem(f.path(), f.line(), f.reason(), f.message())).toList(),
                files);
    }

    private static int count(List<FileOutcome> files, FileOutcome.Result result) {
        return (int) files.stream().filter(f -> f.result() == result).count();
    }

    String summary() {
        return "Import (" + triggeredBy + "): " + imported + " imported, " + updated + " updated, " + unchanged
                + " unchanged, " + archived + " archived, " + errors + " errors";
    }
}
