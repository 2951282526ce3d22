package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.content.Paging;
import vn.herald.channel.Priority;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

@Controller("/api/publications")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PublicationController {

    /**
     * {@code channelId} for one channel or {@code channelIds} for several; {@code plannedAt} with its offset;
     * {@code priority} EMERGENCY, PRIORITY or NORMAL (the default); {@code repeat} true to put a piece again on a
     * channel where it is already scheduled or published.
     */
    @Serdeable
    record ScheduleForm(@Nullable Long pieceId, @Nullable String channelId, @Nullable List<String> channelIds,
                        @Nullable OffsetDateTime plannedAt, @Nullable Priority priority, @Nullable Boolean repeat) {}

    @Serdeable
    record PlanForm(@Nullable OffsetDateTime plannedAt) {}

    @Serdeable
    record ReasonForm(@Nullable String reason) {}

    /** A publication with its attempts and its audit trail. */
    @Serdeable
    record PublicationDetail(Publication publication, List<Attempt> attempts, List<PublicationEvent> events) {}

    private final Publishing publishing;

    PublicationController(Publishing publishing) {
        this.publishing = publishing;
    }

    @Post
    @Secured("EDITOR")
    HttpResponse<ItemList<Publication>> schedule(@Body ScheduleForm form, Authentication user) {
        if (form.pieceId() == null) {
            throw Refusal.invalid("pieceId", RefusalCode.PIECE_REQUIRED);
        }
        if (form.plannedAt() == null) {
            throw Refusal.invalid("plannedAt", RefusalCode.PLANNED_AT_REQUIRED);
        }
        List<String> channelIds = new ArrayList<>();
        if (form.channelId() != null) {
            channelIds.add(form.channelId());
        }
        if (form.channelIds() != null) {
            channelIds.addAll(form.channelIds());
        }
        return HttpResponse.created(ItemList.of(publishing.schedule(form.pieceId(), channelIds,
                form.plannedAt().toInstant(), form.priority() == null ? Priority.NORMAL : form.priority(),
                Boolean.TRUE.equals(form.repeat()), user.getName())));
    }

    @Get
    ItemList<Publication> list(@Nullable @QueryValue PublicationStatus status, @Nullable @QueryValue String channel,
                               @Nullable @QueryValue Long piece, @Nullable @QueryValue OffsetDateTime from,
                               @Nullable @QueryValue OffsetDateTime to, @Nullable @QueryValue Integer page,
                               @Nullable @QueryValue Integer size) {
        Page<Publication> found = publishing.list(new Publishing.Filter(status, channel, piece, instant(from), instant(to)),
                Paging.of(page, size, 100, 500));
        return new ItemList<>(found.getContent(), found.getTotalSize());
    }

    @Get("/{id}")
    PublicationDetail get(long id) {
        return new PublicationDetail(publishing.get(id), publishing.attempts(id), publishing.events(id));
    }

    @Post("/{id}/reschedule")
    @Secured("EDITOR")
    Publication reschedule(long id, @Body PlanForm form, Authentication user) {
        if (form.plannedAt() == null) {
            throw Refusal.invalid("plannedAt", RefusalCode.PLANNED_AT_REQUIRED);
        }
        return publishing.reschedule(id, form.plannedAt().toInstant(), user.getName());
    }

    @Post("/{id}/cancel")
    @Secured("EDITOR")
    Publication cancel(long id, @Nullable @Body ReasonForm form, Authentication user) {
        return publishing.cancel(id, form == null ? null : form.reason(), user.getName());
    }

    @Post("/{id}/retry")
    @Secured("EDITOR")
    Publication retry(long id, Authentication user) {
        return publishing.retry(id, user.getName());
    }

    private static Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
