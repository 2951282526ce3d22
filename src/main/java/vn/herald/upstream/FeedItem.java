package vn.herald.upstream;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One entry of an upstream feed as read, before cleaning: the HTML is the source's and not yet trusted. */
record FeedItem(@Nullable String guid, @Nullable String link, String title, @Nullable String contentHtml,
                @Nullable String descriptionHtml, @Nullable Instant publishedAt) {}
