package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.plan.TaskLinks;

import java.net.URI;

/** The task form of the piece and publication pages: names (or, left empty, removes) the plan task served. */
@Controller
@Secured("EDITOR")
@Produces(MediaType.TEXT_HTML)
class TaskLinkPages {

    private final TaskLinks links;
    private final PageForms forms;

    TaskLinkPages(TaskLinks links, PageForms forms) {
        this.links = links;
        this.forms = forms;
    }

    @Serdeable
    record TaskFields(@Nullable String task, @Nullable String csrfToken) {}

    @Post("/pieces/{id}/task")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> piece(long id, @Body TaskFields fields, Authentication user) {
        String back = "/pieces/" + id;
        return forms.handle(user, fields.csrfToken(), () -> {
            links.linkPiece(id, fields.task(), user.getName());
            return HttpResponse.seeOther(URI.create(back + "?ok=taskLinked"));
        }, back);
    }

    @Post("/publications/{id}/task")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publication(long id, @Body TaskFields fields, Authentication user) {
        String back = "/publications/" + id;
        return forms.handle(user, fields.csrfToken(), () -> {
            links.linkPublication(id, fields.task(), user.getName());
            return HttpResponse.seeOther(URI.create(back + "?ok=taskLinked"));
        }, back);
    }
}
