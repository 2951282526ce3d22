package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channels;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Priority;
import vn.herald.plan.TaskLinks;
import vn.herald.engagement.Engagements;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each piece goes and what happened: status, attempts and errors in plain words, retry and cancel. */
@Controller("/publications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class PublicationPages {

    /** The schedule form of a piece's page: one or more channels at one local time. */
    @Serdeable
    record ScheduleFields(@Nullable String pieceId, @Nullable List<String> channelIds, @Nullable String plannedAt,
                          @Nullable String priority, @Nullable String repeat, @Nullable String csrfToken) {}

    /** Why a publication is cancelled. */
    @Serdeable
    record CancelFields(@Nullable String reason, @Nullable String csrfToken) {}

    /** The new local time of a publication ("2027-05-18T09:00", the unit's zone). */
    @Serdeable
    record RescheduleFields(@Nullable String plannedAt, @Nullable String csrfToken) {}

    /** The states {@link Publishing#reschedule} moves; the form is shown only for these. */
    private static final Set<PublicationStatus> RESCHEDULABLE = EnumSet.of(PublicationStatus.SCHEDULED,
            PublicationStatus.RETRY_WAIT, PublicationStatus.NEEDS_ATTENTION, PublicationStatus.EXPIRED);

    private final Publishing publishing;
    private final Channels channels;
    private final PublicationRows rows;
    private final Times times;
    private final JsonMapper json;
    private final PageForms forms;
    private final Trails trails;
    // the schedule form lives on the piece's page, which is drawn again with what was typed when it is refused
    private final PiecePages piecePages;
    private final Engagements engagements;
    private final TaskModel tasks;
    private final TaskLinks links;

    PublicationPages(Publishing publishing, Channels channels, PublicationRows rows, Times times, JsonMapper json,
                     PageForms forms, Trails trails, PiecePages piecePages, TaskModel tasks, TaskLinks links,
                     Engagements engagements) {
        this.tasks = tasks;
        this.links = links;
        this.engagements = engagements;
        this.forms = forms;
        this.trails = trails;
        this.piecePages = piecePages;
        this.publishing = publishing;
        this.channels = channels;
        this.rows = rows;
        this.times = times;
        this.json = json;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue PublicationStatus status,
                                           @Nullable @QueryValue("kenh") String channel,
                                           @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        Map<String, Object> model = Page.model(user, "publications");
        model.put("rows", rows.of(publishing.list(new Publishing.Filter(status, channel == null || channel.isBlank() ? null : channel,
                null, null, null), Pageable.from(0, 200)).getContent()));
        model.put("status", status);
        model.put("channel", channel);
        model.put("statuses", PublicationStatus.values());
        model.put("channels", channels.visible());
        model.put("ok", ok);
        model.put("error", loi);
        return Page.view("publications", model);
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        return page(user, id, ok, loi, Map.of(), Map.of());
    }

    /** The publication's page; after a refused form, with what was typed ({@code plannedAt}, {@code reason}) and the field marked. */
    private ModelAndView<Map<String, Object>> page(Authentication user, long id, @Nullable String ok, @Nullable String error,
                                                   Map<String, String> typed, Map<String, String> fieldErrors) {
        Publication publication = publishing.get(id);
        Map<String, Object> model = Page.model(user, "publications");
        model.put("fieldErrors", fieldErrors);
        model.put("typed", typed);
        PublicationRow row = rows.of(List.of(publication)).get(0);
        model.put("p", row);
        model.put("publication", publication);
        model.put("deadline", times.show(publication.deadline()));
        model.put("nextAttempt", times.show(publication.nextAttemptAt()));
        model.put("attempts", trails.ofAttempts(publishing.attempts(id)));
        model.put("events", trails.ofPublication(publishing.events(id), row.channelName()));
        model.put("lastError", trails.failure(publication.lastError()));
        model.put("warning", trails.failure(row.warning()));
        model.put("canRetry", publication.status() == PublicationStatus.NEEDS_ATTENTION
                || publication.status() == PublicationStatus.EXPIRED);
        model.put("canCancel", publishing.cancellable(publication));
        model.put("canReschedule", RESCHEDULABLE.contains(publication.status()));
        model.put("plannedInput", typed.getOrDefault("plannedAt", times.input(publication.plannedAt())));
        model.put("requestText", requestText(publication.dryRunRequest()));
        Engagements.PublicationFigures engagement = engagements.ofPublication(id);
        model.put("engagement", engagement);
        model.put("engagementReadAt", engagement.readAt() == null ? null : times.show(engagement.readAt().toInstant()));
        model.put("ok", ok);
        model.put("error", error);
        tasks.put(model, publication.unitCode(), links.ofPublication(id).orElse(null), "/publications/" + id + "/task");
        return Page.view("publication", model);
    }

    @Post
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> schedule(@Body ScheduleFields fields, Authentication user) {
        long pieceId = pieceId(fields.pieceId());
        return forms.handle(user, fields.csrfToken(), () -> {
            Priority priority = fields.priority() == null || fields.priority().isBlank() ? Priority.NORMAL
                    : priority(fields.priority());
            publishing.schedule(pieceId, fields.channelIds() == null ? List.of() : fields.channelIds(),
                    plannedAt(fields.plannedAt()), priority, "true".equals(fields.repeat()), user.getName());
            return HttpResponse.seeOther(URI.create("/publications?ok=scheduled"));
        }, refusal -> HttpResponse.badRequest(piecePages.page(user, pieceId, null, PageForms.message(refusal),
                typed(fields), PageForms.fieldErrors(refusal))));
    }

    @Post("/{id}/retry")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> retry(long id, @Body LoginPage.TokenFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            publishing.retry(id, user.getName());
            return HttpResponse.seeOther(URI.create("/publications/" + id + "?ok=retried"));
        }, "/publications/" + id);
    }

    @Post("/{id}/reschedule")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reschedule(long id, @Body RescheduleFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            publishing.reschedule(id, plannedAt(fields.plannedAt()), user.getName());
            return HttpResponse.seeOther(URI.create("/publications/" + id + "?ok=rescheduled"));
        }, refusal -> HttpResponse.badRequest(page(user, id, null, PageForms.message(refusal),
                Map.of("plannedAt", fields.plannedAt() == null ? "" : fields.plannedAt()), PageForms.fieldErrors(refusal))));
    }

    @Post("/{id}/cancel")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(long id, @Body CancelFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            publishing.cancel(id, fields.reason() == null || fields.reason().isBlank() ? null : fields.reason().strip(),
                    user.getName());
            return HttpResponse.seeOther(URI.create("/publications/" + id + "?ok=cancelled"));
        }, refusal -> HttpResponse.badRequest(page(user, id, null, PageForms.message(refusal),
                Map.of("reason", fields.reason() == null ? "" : fields.reason()), PageForms.fieldErrors(refusal))));
    }

    private static long pieceId(@Nullable String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("pieceId", RefusalCode.PIECE_NUMBER_INVALID);
        }
    }

    private Instant plannedAt(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("plannedAt", RefusalCode.PLANNED_AT_REQUIRED);
        }
        try {
            return times.parseInput(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("plannedAt", RefusalCode.PLAN_FORM_INVALID);
        }
    }

    private static Priority priority(String value) {
        try {
            return Priority.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("priority", RefusalCode.PRIORITY_UNKNOWN);
        }
    }

    /** What the person typed in the schedule form, to fill it again. */
    private static Map<String, Object> typed(ScheduleFields fields) {
        Map<String, Object> typed = new java.util.HashMap<>();
        typed.put("channelIds", fields.channelIds() == null ? List.of() : fields.channelIds());
        typed.put("plannedAt", fields.plannedAt() == null ? "" : fields.plannedAt());
        typed.put("priority", fields.priority() == null ? "" : fields.priority());
        typed.put("repeat", fields.repeat() == null ? "" : fields.repeat());
        return typed;
    }

    /** The dry-run requests as a person reads an HTTP exchange: method and address, headers, then the body. */
    @Nullable
    private String requestText(@Nullable String dryRun) {
        if (dryRun == null) {
            return null;
        }
        try {
            List<OutgoingRequest> requests = json.readValue(dryRun, Argument.listOf(OutgoingRequest.class));
            StringBuilder text = new StringBuilder();
            for (OutgoingRequest request : requests) {
                text.append(request.method()).append(' ').append(request.url()).append('\n');
                request.headers().forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
                text.append('\n').append(request.body()).append("\n\n");
            }
            return text.toString().strip();
        } catch (IOException e) {
            return dryRun;
        }
    }
}
