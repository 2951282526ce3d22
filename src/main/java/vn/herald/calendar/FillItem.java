package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One slot of a fill: a piece for a channel in a week at a time, or, without a piece, a slot nothing could fill. */
@MappedEntity("calendar_fill_item")
record FillItem(@Id @GeneratedValue @Nullable Long id, long fillId, int position, String channelId, String week,
                @Nullable Long pieceId, @Nullable Instant plannedAt, String reason, @Nullable Long publicationId) {

    FillItem published(long publication) {
        return new FillItem(id, fillId, position, channelId, week, pieceId, plannedAt, reason, publication);
    }
}
