package vn.herald.calendar;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.util.Locale;

/**
 * The iCalendar feeds for admins: their addresses, and a new address when an old one has leaked. A feed URL is a
 * capability, like a calendar's secret address in Google Calendar, so only admins see them.
 */
@Controller("/api/ical")
@Secured("ADMIN")
class IcalController {

    private final IcalFeeds feeds;

    IcalController(IcalFeeds feeds) {
        this.feeds = feeds;
    }

    @Get
    ItemList<IcalFeeds.Listed> list() {
        return ItemList.of(feeds.list());
    }

    /** {@code scope} is {@code unit} or {@code channel}; {@code subject} the unit code or the channel id. */
    @Post("/{scope}/{subject}/regenerate")
    IcalFeeds.Listed regenerate(String scope, String subject, Authentication user) {
        IcalScope parsed = switch (scope.toLowerCase(Locale.ROOT)) {
            case "unit" -> IcalScope.UNIT;
            case "channel" -> IcalScope.CHANNEL;
            default -> throw Refusal.invalid("scope", RefusalCode.ICAL_SCOPE_UNKNOWN, scope);
        };
        return feeds.regenerate(parsed, subject, user.getName());
    }
}
