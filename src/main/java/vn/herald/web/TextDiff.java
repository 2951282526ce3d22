package vn.herald.web;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) between two revisions' texts, for reviewers. */
final class TextDiff {

    enum Change { SAME, ADDED, REMOVED }

    record Line(Change change, String text) {
        public String css() {
            return change.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String mark() {
            return switch (change) {
                case SAME -> " ";
                case ADDED -> "+";
                case REMOVED -> "−";
            };
        }
    }

    /** Cells of the longest-common-subsequence table, about 16 MB: texts of up to 2,000 lines each are compared. */
    private static final long MAX_TABLE = 4_000_000L;

    private TextDiff() {
    }

    static List<Line> lines(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        if ((long) (a.length + 1) * (b.length + 1) > MAX_TABLE) {
            // the table grows with the product of the lengths: two 100,000-line scripts would need 40 GB
            List<Line> out = new ArrayList<>();
            java.util.Arrays.stream(a).forEach(line -> out.add(new Line(Change.REMOVED, line)));
            java.util.Arrays.stream(b).forEach(line -> out.add(new Line(Change.ADDED, line)));
            return out;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Change.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Change.REMOVED, a[i++]));
            } else {
                out.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Change.ADDED, b[j++]));
        }
        return out;
    }

    static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(line -> line.change() != Change.SAME);
    }
}
