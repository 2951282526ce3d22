package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What an import did with one file of the library. A failed file carries the line and the reason,
 * so the message reads {@code content/articles/vneid.md:4: 'kind' must be ...}.
 */
@Serdeable
public record FileOutcome(String path, Result result, int line, @Nullable String reason) {

    public enum Result { IMPORTED, UPDATED, UNCHANGED, ARCHIVED, FAILED }

    public static FileOutcome of(String path, Result result) {
        return new FileOutcome(path, result, 0, null);
    }

    public static FileOutcome failed(String path, int line, String reason) {
        return new FileOutcome(path, Result.FAILED, line, reason);
    }

    /** The error as one line, e.g. {@code channels/zalo.yml:7: 'appSecret' ...}. */
    public String message() {
        return line > 0 ? path + ":" + line + ": " + reason : path + ": " + reason;
    }
}
