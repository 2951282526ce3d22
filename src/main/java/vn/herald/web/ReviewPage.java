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
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The approvers' queue: every piece in review, oldest change first; approving happens on the piece's page. */
@Controller("/review")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ReviewPage {

    /** Who sent a piece to review and when, in the unit's zone. */
    record Submitted(String by, String at) {}

    private final Pieces pieces;
    private final Accounts accounts;
    private final Times times;

    ReviewPage(Pieces pieces, Accounts accounts, Times times) {
        this.pieces = pieces;
        this.accounts = accounts;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> queue(@Nullable @QueryValue String ok, Authentication user) {
        Map<String, Object> model = Page.model(user, "review");
        List<Piece> waiting = pieces.list(new Pieces.Filter(null, null, PieceStatus.IN_REVIEW, null, null, null),
                Pageable.from(0, 200, io.micronaut.data.model.Sort.of(io.micronaut.data.model.Sort.Order.asc("updatedAt"))))
                .getContent();
        Map<String, String> names = new HashMap<>();
        Map<Long, Submitted> submitted = new HashMap<>();
        pieces.submissions(waiting.stream().map(Piece::id).toList()).forEach((id, event) -> submitted.put(id,
                new Submitted(names.computeIfAbsent(event.actor(), accounts::displayName), times.show(event.createdAt()))));
        model.put("pieces", waiting);
        model.put("submitted", submitted);
        model.put("ok", ok);
        model.put("times", times);
        return Page.view("review", model);
    }
}
