package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.ItemList;

@Controller("/api/channels")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ChannelController {

    /** A channel as the API shows it: its state, never its settings (they name where secrets live). */
    @Serdeable
    record ChannelView(String id, String unitCode, ChannelType type, ChannelMode mode, String name, String state,
                       @Nullable String pausedReason) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.id(), c.unitCode(), c.type(), c.mode(), c.name(), c.paused() ? "PAUSED" : "ACTIVE",
                    c.pausedReason());
        }
    }

    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    @Get
    ItemList<ChannelView> list() {
        return ItemList.of(channels.visible().stream().map(ChannelView::of).toList());
    }

    @Get("/{id}")
    ChannelView get(String id) {
        return ChannelView.of(channels.seen(id));
    }
}
