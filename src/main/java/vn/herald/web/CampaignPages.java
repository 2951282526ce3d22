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
import io.micronaut.views.ModelAndView;
import vn.herald.campaign.CampaignView;
import vn.herald.campaign.Campaigns;
import vn.herald.plan.TaskLinks;
import vn.herald.support.Refusal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The unit's campaigns: every national-day template with its next window (launched or what a launch would plan on
 * each channel), the year's instances with their empty slots, a template's preview, and launching one now.
 */
@Controller("/campaigns")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class CampaignPages {

    private final Campaigns campaigns;
    private final Times times;
    private final FormTokens tokens;
    private final TaskLinks taskLinks;

    CampaignPages(Campaigns campaigns, Times times, FormTokens tokens, TaskLinks taskLinks) {
        this.taskLinks = taskLinks;
        this.campaigns = campaigns;
        this.times = times;
        this.tokens = tokens;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue("nam") Integer year, @Nullable @QueryValue String ok,
                                           @Nullable @QueryValue String loi, Authentication user) {
        int shown = year == null ? times.now().atZone(times.zone()).getYear() : year;
        Map<String, Object> model = Page.model(user, "campaigns");
        model.put("year", shown);
        model.put("upcoming", campaigns.outlook(times.unitCode()));
        model.put("campaigns", campaigns.list(times.unitCode(), shown));
        model.put("times", times);
        model.put("ok", ok);
        model.put("error", loi);
        return Page.view("campaigns", model);
    }

    /** What launching the template now would make: its window, and each channel's slots with their times. */
    @Get("/templates/{code}")
    ModelAndView<Map<String, Object>> preview(String code, Authentication user) {
        Map<String, Object> model = Page.model(user, "campaigns");
        model.put("t", campaigns.outlook(times.unitCode(), code));
        model.put("times", times);
        model.put("task", taskLinks.ofTemplate(code).orElse(null));
        return Page.view("campaign-preview", model);
    }

    /** Launches the template's next window now, rather than waiting for its opening day. */
    @Post("/templates/{code}/launch")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> launch(String code, @Body LoginPage.TokenFields fields, Authentication user) {
        tokens.require(user, fields.csrfToken());
        try {
            CampaignView launched = campaigns.launchNow(times.unitCode(), code, user.getName());
            return HttpResponse.seeOther(URI.create("/campaigns?ok=campaignLaunched&nam=" + launched.year()));
        } catch (Refusal refusal) {
            return HttpResponse.seeOther(URI.create("/campaigns?loi=" + URLEncoder.encode(refusal.getMessage(), StandardCharsets.UTF_8)));
        }
    }
}
