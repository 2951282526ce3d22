package vn.herald.web;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The start page: the coming week's publications, the review queue and what needs a person. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class HomePage {

    private final Publishing publishing;
    private final Pieces pieces;
    private final PublicationRows rows;
    private final Times times;

    HomePage(Publishing publishing, Pieces pieces, PublicationRows rows, Times times) {
        this.publishing = publishing;
        this.pieces = pieces;
        this.rows = rows;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> home(Authentication user) {
        Instant now = times.now();
        Map<String, Object> model = Page.model(user, "home");
        model.put("coming", rows.of(publishing.list(new Publishing.Filter(null, null, null, now, now.plus(Duration.ofDays(7))),
                Pageable.from(0, 100)).getContent()));
        model.put("attention", rows.of(publishing.list(new Publishing.Filter(
                vn.herald.publishing.PublicationStatus.NEEDS_ATTENTION, null, null, null, null), Pageable.from(0, 20)).getContent()));
        model.put("inReview", pieces.list(new Pieces.Filter(null, null, PieceStatus.IN_REVIEW, null, null, null),
                Pageable.from(0, 1)).getTotalSize());
        model.put("approved", pieces.list(new Pieces.Filter(null, null, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 1)).getTotalSize());
        model.put("drafts", pieces.list(new Pieces.Filter(null, null, PieceStatus.DRAFT, null, null, null),
                Pageable.from(0, 1)).getTotalSize());
        return Page.view("home", model);
    }
}
