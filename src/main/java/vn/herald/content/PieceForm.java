package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an editor sends to create or change a piece. On update, {@code revision} is the revision the editor
 * started from: if someone saved in between, the change is refused rather than silently overwriting theirs.
 */
@Serdeable
public record PieceForm(
        @Nullable PieceKind kind,
        @Nullable String unitCode,
        @Nullable String title,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String script,
        @Nullable String caption,
        @Nullable String altText,
        @Nullable List<String> topics,
        @Nullable List<String> audiences,
        @Nullable List<String> campaigns,
        @Nullable Variants variants,
        @Nullable String author,
        @Nullable Integer revision) {}
