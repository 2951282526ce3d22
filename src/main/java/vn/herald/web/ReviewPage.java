package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.util.Map;

/** The approvers' queue: every piece in review, oldest change first; approving happens on the piece's page. */
@Controller("/review")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ReviewPage {

    private final Pieces pieces;
    private final Times times;

    ReviewPage(Pieces pieces, Times times) {
        this.pieces = pieces;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> queue(@Nullable @QueryValue String ok, Authentication user) {
        Map<String, Object> model = Page.model(user, "review");
        model.put("pieces", pieces.list(new Pieces.Filter(null, null, PieceStatus.IN_REVIEW, null, null, null),
                Pageable.from(0, 200, io.micronaut.data.model.Sort.of(io.micronaut.data.model.Sort.Order.asc("updatedAt"))))
                .getContent());
        model.put("ok", ok);
        model.put("times", times);
        return Page.view("review", model);
    }
}
