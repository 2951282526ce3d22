package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
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
import vn.herald.notice.Notice;
import vn.herald.notice.Notices;

import java.net.URI;
import java.util.Map;

/** The person's own notices: read them, mark them read, choose to get them by email too. */
@Controller("/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class NotificationPages {

    /** The email form: the address notices are also sent to (blank: in the app only). */
    @Serdeable
    record AddressFields(@Nullable String email, @Nullable String csrfToken) {}

    /** One notice as the page shows it, its time in the unit's zone. */
    record NoticeView(long id, String kind, String title, @Nullable String detail, @Nullable String link, String at,
                      boolean unread) {}

    private final Notices notices;
    private final Times times;
    private final PageForms forms;

    NotificationPages(Notices notices, Times times, PageForms forms) {
        this.notices = notices;
        this.times = times;
        this.forms = forms;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        return page(user, ok, loi, notices.address(user.getName()).orElse(""), Map.of());
    }

    @Post("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> read(long id, @Body LoginPage.TokenFields fields, Authentication user) {
        // no message page for a refusal here: another person's notice answers 404, as a missing one does
        forms.check(user, fields.csrfToken());
        notices.markRead(id, user.getName());
        return HttpResponse.seeOther(URI.create("/notifications"));
    }

    @Post("/read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> readAll(@Body LoginPage.TokenFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            notices.markAllRead(user.getName());
            return HttpResponse.seeOther(URI.create("/notifications?ok=noticesRead"));
        }, "/notifications");
    }

    @Post("/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> email(@Body AddressFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            notices.setAddress(user.getName(), fields.email());
            return HttpResponse.seeOther(URI.create("/notifications?ok=noticeAddress"));
        }, refusal -> HttpResponse.badRequest(page(user, null, PageForms.message(refusal),
                fields.email() == null ? "" : fields.email(), PageForms.fieldErrors(refusal))));
    }

    private ModelAndView<Map<String, Object>> page(Authentication user, @Nullable String ok, @Nullable String error,
                                                   String email, Map<String, String> fieldErrors) {
        Map<String, Object> model = Page.model(user, "notifications");
        model.put("notices", notices.of(user.getName()).stream().map(this::view).toList());
        model.put("email", email);
        model.put("emailAvailable", notices.emailAvailable());
        model.put("fieldErrors", fieldErrors);
        model.put("ok", ok);
        model.put("error", error);
        return Page.view("notifications", model);
    }

    private NoticeView view(Notice notice) {
        return new NoticeView(notice.id(), notice.kind().name(), notice.title(), notice.detail(), notice.link(),
                times.show(notice.createdAt()), notice.unread());
    }
}
