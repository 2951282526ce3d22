package vn.herald.upstream;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.ItemList;

@Controller("/api/upstream-feeds")
@Secured(SecurityRule.IS_AUTHENTICATED)
class UpstreamFeedController {

    private final UpstreamFeeds feeds;

    UpstreamFeedController(UpstreamFeeds feeds) {
        this.feeds = feeds;
    }

    /** The configured feeds with the last result of each. */
    @Get
    ItemList<UpstreamFeeds.FeedStatus> list() {
        return ItemList.of(feeds.statuses());
    }

    /** Reads every feed now, without waiting for the schedule; answers each feed's result. */
    @Post("/fetch")
    @Secured({"EDITOR", "ADMIN"})
    ItemList<UpstreamFeeds.FeedStatus> fetch() {
        return ItemList.of(feeds.fetchAll());
    }
}
