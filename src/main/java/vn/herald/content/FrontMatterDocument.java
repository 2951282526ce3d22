package vn.herald.content;

import java.util.Arrays;
import java.util.List;

/**
 * A Markdown file with YAML front matter between two {@code ---} lines. Lines of the YAML
 * keys are lines of the whole file, so errors point where the author has to look.
 *
 * @param bodyStartLine file line on which the body starts (the line after the front matter
 *                      when the body is empty)
 */
public record FrontMatterDocument(YamlFields fields, String body, int bodyStartLine) {

    private static final String OPENING = "---";

    public static FrontMatterDocument parse(String fileText) {
        List<String> lines = lines(fileText);
        if (lines.isEmpty() || !isMarker(lines.get(0), OPENING)) {
            throw new SourceFileException(1, "tệp phải bắt đầu bằng dòng '---' rồi đến phần đầu YAML");
        }
        int closing = 1;
        while (closing < lines.size() && !isMarker(lines.get(closing), OPENING)
                && !isMarker(lines.get(closing), "...")) {
            closing++;
        }
        if (closing == lines.size()) {
            throw new SourceFileException(1, "the front matter opened on line 1 is never closed with '---'");
        }
        // The YAML starts on file line 2, which SnakeYAML calls its line 1.
        YamlFields fields = YamlFields.parse(String.join("\n", lines.subList(1, closing)), 1);
        int bodyStart = closing + 1;
        while (bodyStart < lines.size() && lines.get(bodyStart).isBlank()) {
            bodyStart++;
        }
        String body = String.join("\n", lines.subList(bodyStart, lines.size()));
        int bodyStartLine = bodyStart < lines.size() ? bodyStart + 1 : closing + 2;
        return new FrontMatterDocument(fields, body, bodyStartLine);
    }

    private static List<String> lines(String fileText) {
        if (fileText == null || fileText.isEmpty()) {
            return List.of();
        }
        String text = fileText.startsWith("\uFEFF") ? fileText.substring(1) : fileText;
        return Arrays.asList(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    private static boolean isMarker(String line, String marker) {
        return line.stripTrailing().equals(marker);
    }
}
