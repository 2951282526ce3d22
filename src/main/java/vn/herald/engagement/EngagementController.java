package vn.herald.engagement;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A publication's engagement as last read back: {@code GET /api/publications/{id}/engagement}. */
@Controller("/api/publications")
@Secured(SecurityRule.IS_AUTHENTICATED)
class EngagementController {

    private final Engagements engagements;

    EngagementController(Engagements engagements) {
        this.engagements = engagements;
    }

    @Get("/{id}/engagement")
    Engagements.PublicationFigures engagement(long id) {
        return engagements.ofPublication(id);
    }
}
