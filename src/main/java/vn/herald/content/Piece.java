package vn.herald.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A piece of content in its current revision. {@code searchText} is its text folded for search
 * ({@link SearchText}), computed here on every write so it never lags the text; it is not part of the API.
 */
@Serdeable
@MappedEntity("piece")
public record Piece(
        @Id @GeneratedValue @Nullable Long id,
        String unitCode,
        PieceKind kind,
        String slug,
        String title,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String script,
        @Nullable String caption,
        @Nullable String altText,
        @Nullable Long coverAssetId,
        @Nullable Long imageAssetId,
        @Nullable Long audioAssetId,
        @Nullable Long videoAssetId,
        @Nullable Long captionsAssetId,
        @TypeDef(type = DataType.STRING, converter = JsonColumns.TextList.class) List<String> topics,
        @TypeDef(type = DataType.STRING, converter = JsonColumns.TextList.class) List<String> audiences,
        @TypeDef(type = DataType.STRING, converter = JsonColumns.TextList.class) List<String> campaigns,
        @TypeDef(type = DataType.STRING, converter = JsonColumns.VariantsColumn.class) Variants variants,
        @Nullable Integer readSeconds,
        @Nullable String author,
        PieceStatus status,
        @Nullable String statusReason,
        int revision,
        @Nullable String sourcePath,
        @Nullable String sourceHash,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore @Nullable String searchText) {

    public PieceContent content() {
        return new PieceContent(kind, title, summary, body, script, caption, altText, coverAssetId, imageAssetId,
                audioAssetId, videoAssetId, captionsAssetId, topics, audiences, campaigns, variants, author);
    }

    /** Sent back by an approver and not yet sent to review again: a rejection is the only move to DRAFT with a reason. */
    public boolean sentBack() {
        return status == PieceStatus.DRAFT && statusReason != null;
    }

    static Piece of(@Nullable Long id, String unitCode, String slug, PieceContent c, @Nullable Integer readSeconds,
                    PieceStatus status, @Nullable String statusReason, int revision, @Nullable String sourcePath,
                    @Nullable String sourceHash, Instant createdAt, Instant updatedAt) {
        return new Piece(id, unitCode, c.kind(), slug, c.title(), c.summary(), c.body(), c.script(), c.caption(),
                c.altText(), c.coverAssetId(), c.imageAssetId(), c.audioAssetId(), c.videoAssetId(), c.captionsAssetId(), c.topics(), c.audiences(),
                c.campaigns(), c.variants(), readSeconds, c.author(), status, statusReason, revision, sourcePath,
                sourceHash, createdAt, updatedAt, SearchText.of(c.title(), c.summary(), c.body(), c.script(), c.caption()));
    }

    Piece withStatus(PieceStatus next, @Nullable String reason, Instant at) {
        return of(id, unitCode, slug, content(), readSeconds, next, reason, revision, sourcePath, sourceHash, createdAt, at);
    }
}
