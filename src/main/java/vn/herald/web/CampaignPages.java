package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.herald.campaign.Campaigns;

import java.util.Map;

/** The year's campaigns of the unit: window, counts, and per channel the slots still waiting for content. */
@Controller("/campaigns")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class CampaignPages {

    private final Campaigns campaigns;
    private final Times times;

    CampaignPages(Campaigns campaigns, Times times) {
        this.campaigns = campaigns;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue("nam") Integer year, Authentication user) {
        int shown = year == null ? times.now().atZone(times.zone()).getYear() : year;
        Map<String, Object> model = Page.model(user, "campaigns");
        model.put("year", shown);
        model.put("campaigns", campaigns.list(times.unitCode(), shown));
        model.put("times", times);
        return Page.view("campaigns", model);
    }
}
