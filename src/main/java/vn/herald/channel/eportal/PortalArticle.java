package vn.herald.channel.eportal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The live copy of a piece on the built-in portal: one row per piece, replaced in place when the piece is published
 * again, so its slug, its feed GUID and its first publication date never change. {@code page} is the
 * {@link PortalPage} as JSON; {@code topicKeys} and {@code assetKeys} are {@code |a|b|} lists for simple lookups;
 * {@code searchText} is the page's text folded for the portal's search ({@link vn.herald.content.SearchText}).
 */
@MappedEntity("portal_article")
public record PortalArticle(
        @Id long pieceId,
        String slug,
        String channelId,
        long publicationId,
        String page,
        String topicKeys,
        String assetKeys,
        Instant firstPublishedAt,
        Instant updatedAt,
        @Nullable String searchText) {}
