package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Everything an editor writes about a piece: what a revision keeps. {@code body} is sanitised HTML
 * (an article's text, an infographic's long description); {@code script} is a radio script's plain text.
 */
@Serdeable
public record PieceContent(
        PieceKind kind,
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
        List<String> topics,
        List<String> audiences,
        List<String> campaigns,
        Variants variants,
        @Nullable String author) {

    public PieceContent {
        topics = topics == null ? List.of() : List.copyOf(topics);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        variants = variants == null ? Variants.none() : variants;
    }

    PieceContent withAsset(AssetRole role, long assetId) {
        return new PieceContent(kind, title, summary, body, script, caption, altText,
                role == AssetRole.COVER ? Long.valueOf(assetId) : coverAssetId,
                role == AssetRole.IMAGE ? Long.valueOf(assetId) : imageAssetId,
                role == AssetRole.AUDIO ? Long.valueOf(assetId) : audioAssetId,
                role == AssetRole.VIDEO ? Long.valueOf(assetId) : videoAssetId,
                role == AssetRole.CAPTIONS ? Long.valueOf(assetId) : captionsAssetId,
                topics, audiences, campaigns, variants, author);
    }

    PieceContent withAltText(String newAltText) {
        return new PieceContent(kind, title, summary, body, script, caption, newAltText, coverAssetId, imageAssetId,
                audioAssetId, videoAssetId, captionsAssetId, topics, audiences, campaigns, variants, author);
    }
}
