package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import vn.herald.library.ImportReport;
import vn.herald.library.Imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Import of a content library of {@code files} Markdown articles (front matter, about 2 KB of Vietnamese each) on
 * the embedded H2 file database: the first import (all new), a rescan with nothing changed, and a rescan after a
 * tenth of the files changed. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.bench.ImportBenchmark [files] [runs]}.
 */
public final class ImportBenchmark {

    /** Seconds for the first import, the unchanged rescan and the rescan with a tenth changed. */
    public record Run(double firstSeconds, double unchangedSeconds, double changedSeconds) {}

    private static final String PARAGRAPH = "Thực hiện Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới "
            + "sáng tạo và chuyển đổi số quốc gia, Ủy ban nhân dân xã hướng dẫn bà con cài đặt ứng dụng VNeID, thanh toán "
            + "không dùng tiền mặt và sử dụng dịch vụ công trực tuyến toàn trình tại nhà. ";

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Summary first = new Summary("first import of " + files + " files", "s");
        Summary unchanged = new Summary("rescan, nothing changed", "s");
        Summary changed = new Summary("rescan, a tenth changed", "s");
        for (int i = 0; i < runs; i++) {
            Run run = once(files);
            System.out.println("run " + (i + 1) + ": " + run);
            first.add(run.firstSeconds());
            unchanged.add(run.unchangedSeconds());
            changed.add(run.changedSeconds());
        }
        System.out.println("RESULT " + first);
        System.out.println("RESULT " + unchanged);
        System.out.println("RESULT " + changed);
        System.exit(0);
    }

    public static Run once(int files) throws IOException {
        Path data = Files.createTempDirectory("herald-import-bench");
        Path content = data.resolve("content");
        Path articles = Files.createDirectories(content.resolve("articles"));
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "herald.data-dir", data.toString(),
                "herald.content-dir", content.toString(),
                // no channel files: the import report then counts the library's files alone
                "herald.channels-dir", Files.createDirectories(data.resolve("channels")).toString(),
                "herald.publishing.scheduler-enabled", "false",
                "micronaut.server.port", "-1",
                "datasources.default.url", "jdbc:h2:file:" + data.resolve("db/herald")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"))) {
            for (int i = 0; i < files; i++) {
                write(articles, i, "");
            }
            Imports imports = context.getBean(Imports.class);
            double firstSeconds = timed(imports, files, "imported");
            double unchangedSeconds = timed(imports, files, "unchanged");
            for (int i = 0; i < files; i += 10) {
                write(articles, i, " (đã cập nhật)");
            }
            double changedSeconds = timed(imports, files / 10, "updated");
            return new Run(firstSeconds, unchangedSeconds, changedSeconds);
        }
    }

    private static void write(Path folder, int n, String edit) throws IOException {
        String text = "---\ntitle: Bài số " + n + " về chuyển đổi số ở xã" + edit + "\nsummary: Tóm tắt bài " + n
                + "\ntopics: [Chuyển đổi số, Nghị quyết 57]\naudiences: [Người dân]\nstatus: APPROVED\n---\n\n## Phần " + n
                + "\n\n" + PARAGRAPH.repeat(5) + "\n\n- Bước một\n- Bước hai\n\n" + PARAGRAPH.repeat(2) + "\n";
        Files.writeString(folder.resolve("bai-" + n + ".md"), text);
    }

    private static double timed(Imports imports, int expected, String what) {
        long start = System.nanoTime();
        ImportReport report = imports.run("bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        long count = switch (what) {
            case "imported" -> report.imported();
            case "unchanged" -> report.unchanged();
            default -> report.updated();
        };
        if (count != expected) {
            throw new IllegalStateException("expected " + expected + " " + what + ": " + report);
        }
        return seconds;
    }
}
