package vn.herald.content;

/**
 * A problem in a source file (content, channel or campaign) at a given line, so the importer
 * can report it as {@code path:line: reason}.
 */
public final class SourceFileException extends RuntimeException {

    private final int line;
    private final String reason;

    /** @param line 1-based line in the whole file, 0 when unknown */
    public SourceFileException(int line, String reason) {
        super(line > 0 ? "dòng " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
