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
import vn.herald.content.MediaLibrary;
import vn.herald.support.Refusal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The unit's media library: its pictures and recordings, where each is used, search, and their descriptions. */
@Controller("/media")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class MediaPages {

    /** A file's new description in the library. */
    @Serdeable
    record DescriptionFields(@Nullable String altText, @Nullable String csrfToken) {}

    private final MediaLibrary media;
    private final FormTokens tokens;

    MediaPages(MediaLibrary media, FormTokens tokens) {
        this.media = media;
        this.tokens = tokens;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String unit, @Nullable @QueryValue String text,
                                           @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        Map<String, Object> model = Page.model(user, "media");
        model.put("items", media.list(unit, text, null));
        model.put("unit", unit);
        model.put("text", text == null ? "" : text);
        model.put("ok", ok);
        model.put("error", loi);
        return Page.view("media", model);
    }

    @Post("/{id}")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> describe(long id, @Body DescriptionFields fields, Authentication user) {
        tokens.require(user, fields.csrfToken());
        try {
            media.describe(id, fields.altText());
            return HttpResponse.seeOther(URI.create("/media?ok=described#media-" + id));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                throw refusal;
            }
            return HttpResponse.seeOther(URI.create("/media?loi=" + URLEncoder.encode(refusal.getMessage(), StandardCharsets.UTF_8)));
        }
    }
}
