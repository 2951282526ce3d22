package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publishing;

/**
 * The task a piece or a publication serves: {@code GET}/{@code PUT /api/pieces/{id}/task} and
 * {@code /api/publications/{id}/task}, with {@code {"task": "<plan>/<task>"}} (blank or null removes the link).
 * A publication without its own link answers its campaign template's task, else its piece's.
 */
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
class TaskLinkController {

    private final TaskLinks links;
    private final Pieces pieces;
    private final Publishing publishing;

    TaskLinkController(TaskLinks links, Pieces pieces, Publishing publishing) {
        this.links = links;
        this.pieces = pieces;
        this.publishing = publishing;
    }

    @Serdeable
    record TaskField(@Nullable String task) {}

    @Get("/pieces/{id}/task")
    HttpResponse<TaskLinks.LinkedTask> ofPiece(long id) {
        pieces.get(id);
        return links.ofPiece(id).map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    @Put("/pieces/{id}/task")
    @Secured("EDITOR")
    HttpResponse<TaskLinks.LinkedTask> linkPiece(long id, @Body TaskField field, Authentication user) {
        return links.linkPiece(id, field.task(), user.getName()).map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    @Get("/publications/{id}/task")
    HttpResponse<TaskLinks.LinkedTask> ofPublication(long id) {
        publishing.get(id);
        return links.ofPublication(id).map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    @Put("/publications/{id}/task")
    @Secured("EDITOR")
    HttpResponse<TaskLinks.LinkedTask> linkPublication(long id, @Body TaskField field, Authentication user) {
        return links.linkPublication(id, field.task(), user.getName()).map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }
}
