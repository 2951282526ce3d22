package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
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
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.PortalAddress;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each channel's state: live or dry-run, paused and why, the last success, Zalo's token expiry, the adapter's notes
 * (e.g. an unaudited TikTok client posts only privately); admins resume.
 */
@Controller("/channels")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ChannelPages {

    record ChannelView(String id, String name, ChannelType type, boolean dryRun, @Nullable String pausedReason,
                       boolean fileRemoved, String lastSuccess, String tokenExpiresAt, boolean tokenExpired,
                       List<String> notes) {}

    private final Channels channels;
    private final ChannelAdapters adapters;
    private final Publishing publishing;
    private final Times times;
    private final PageForms forms;
    private final PortalAddress address;
    private final Trails trails;

    ChannelPages(Channels channels, ChannelAdapters adapters, Publishing publishing, Times times, PageForms forms,
                 PortalAddress address, Trails trails) {
        this.forms = forms;
        this.address = address;
        this.trails = trails;
        this.channels = channels;
        this.adapters = adapters;
        this.publishing = publishing;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        Map<String, Object> model = Page.model(user, "channels");
        model.put("channels", channels.visible().stream().map(this::view).toList());
        model.put("ok", ok);
        model.put("error", loi);
        model.put("publicUrl", address.publicUrl());
        model.put("publicUrlNotPublic", address.notPublic());
        return Page.view("channels", model);
    }

    @Post("/{id}/resume")
    @Secured("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resume(String id, @Body LoginPage.TokenFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            publishing.resume(id, user.getName());
            return HttpResponse.seeOther(URI.create("/channels?ok=resumed"));
        }, "/channels");
    }

    private ChannelView view(Channel channel) {
        Optional<java.time.Instant> expires = adapters.forChannel(channel).flatMap(a -> a.credentialExpiresAt(channel));
        List<String> notes = adapters.forChannel(channel).map(a -> a.notes(channel)).orElse(List.of());
        return new ChannelView(channel.id(), channel.name(), channel.type(), channel.mode() == ChannelMode.DRY_RUN,
                trails.failure(channel.pausedReason()), channels.fileRemoved(channel), lastSuccess(channel.id()),
                expires.map(times::show).orElse(""), expires.map(at -> !at.isAfter(times.now())).orElse(false), notes);
    }

    /** The list is ordered by plan, oldest first: the last page of one holds the latest success. */
    private String lastSuccess(String channelId) {
        Publishing.Filter published = new Publishing.Filter(PublicationStatus.PUBLISHED, channelId, null, null, null);
        long total = publishing.list(published, Pageable.from(0, 1)).getTotalSize();
        if (total == 0) {
            return "";
        }
        List<Publication> last = publishing.list(published, Pageable.from((int) (total - 1), 1)).getContent();
        return last.isEmpty() ? "" : times.show(last.get(0).updatedAt());
    }
}
