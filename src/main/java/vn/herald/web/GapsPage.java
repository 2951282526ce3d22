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
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.calendar.Calendar;
import vn.herald.calendar.GapFiller;
import vn.herald.calendar.GapState;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coming four weeks' at-risk list, and a one-click fill: propose, look at the proposal, confirm. The proposal and
 * its confirmation are {@link GapFiller}'s, the same the API and the daily sweep use.
 */
@Controller("/gaps")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class GapsPage {

    /** Four weeks from today, today included. */
    private static final int DAYS = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** An at-risk week of one channel, as the list shows it. */
    record GapRow(String week, String days, String channelName, int counted, int required) {}

    /** A proposed (or unfillable) slot, as the proposal shows it. */
    record SlotRow(String channelName, String week, @Nullable Long pieceId, @Nullable String pieceTitle, String plannedAt,
                   String reason) {}

    @Serdeable
    record ConfirmFields(@Nullable String proposalId, @Nullable String csrfToken) {}

    private final Calendar calendar;
    private final GapFiller filler;
    private final Channels channels;
    private final Times times;
    private final PageForms forms;

    GapsPage(Calendar calendar, GapFiller filler, Channels channels, Times times, PageForms forms) {
        this.calendar = calendar;
        this.filler = filler;
        this.channels = channels;
        this.times = times;
        this.forms = forms;
    }

    @Get
    ModelAndView<Map<String, Object>> show(@Nullable @QueryValue("de-xuat") Long proposalId,
                                           @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        Map<String, String> names = channels.list().stream().collect(Collectors.toMap(Channel::id, Channel::name));
        Function<String, String> name = id -> names.getOrDefault(id, id);
        LocalDate today = today();
        Map<String, Object> model = Page.model(user, "gaps");
        model.put("from", DAY.format(today));
        model.put("to", DAY.format(today.plusDays(DAYS - 1)));
        model.put("gaps", calendar.gaps(times.unitCode(), today, today.plusDays(DAYS - 1)).gaps().stream()
                .filter(g -> g.state() == GapState.AT_RISK)
                .map(g -> new GapRow(g.week(), DAY.format(g.monday()) + " – " + DAY.format(g.sunday()), name.apply(g.channelId()),
                        g.counted(), g.required())).toList());
        if (proposalId != null) {
            GapFiller.FillView fill = filler.get(proposalId);
            model.put("proposal", fill);
            model.put("items", slots(fill.items(), name));
            model.put("unfilled", slots(fill.unfilled(), name));
        }
        model.put("ok", ok);
        model.put("error", loi);
        return Page.view("gaps", model);
    }

    @Post("/propose")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> propose(@Body LoginPage.TokenFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            LocalDate today = today();
            GapFiller.FillView fill = filler.propose(times.unitCode(), today, today.plusDays(DAYS - 1), user.getName());
            return HttpResponse.seeOther(URI.create("/gaps?de-xuat=" + fill.id()));
        }, "/gaps");
    }

    @Post("/confirm")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body ConfirmFields fields, Authentication user) {
        long id;
        try {
            id = Long.parseLong(fields.proposalId() == null ? "" : fields.proposalId().strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("proposalId", RefusalCode.PROPOSAL_NUMBER_INVALID);
        }
        return forms.handle(user, fields.csrfToken(), () -> {
            filler.confirm(id, user.getName());
            return HttpResponse.seeOther(URI.create("/gaps?ok=filled&de-xuat=" + id));
        }, "/gaps?de-xuat=" + id);
    }

    private List<SlotRow> slots(List<GapFiller.Slot> slots, Function<String, String> name) {
        return slots.stream().map(s -> new SlotRow(name.apply(s.channelId()), s.week(), s.pieceId(), s.pieceTitle(),
                shown(s.plannedAt()), s.reason())).toList();
    }

    private String shown(@Nullable OffsetDateTime at) {
        return at == null ? "" : times.show(at.toInstant());
    }

    private LocalDate today() {
        return times.now().atZone(times.zone()).toLocalDate();
    }
}
