package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.ItemList;

/** Campaign instances; making one is an editor's work, as scheduling publications is. */
@Controller("/api/campaigns")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Get
    ItemList<CampaignView> list(@Nullable @QueryValue String unit, @Nullable @QueryValue Integer year) {
        return ItemList.of(campaigns.list(unit == null || unit.isBlank() ? null : unit, year));
    }

    @Get("/{id}")
    CampaignView get(long id) {
        return campaigns.get(id);
    }

    @Post
    @Secured("EDITOR")
    HttpResponse<CampaignView> create(@Body Campaigns.CampaignForm form, Authentication user) {
        return HttpResponse.created(campaigns.create(form, user.getName()));
    }
}
