package vn.herald.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * What one person is told: a title, what to know, where to act. {@code onceKey} marks a notice told at most once to
 * that person (a report due per period).
 */
@MappedEntity("notice")
public record Notice(@Id @GeneratedValue @Nullable Long id, String username, String unitCode, NoticeKind kind,
                     String title, @Nullable String detail, @Nullable String link, @Nullable String onceKey,
                     Instant createdAt, @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
