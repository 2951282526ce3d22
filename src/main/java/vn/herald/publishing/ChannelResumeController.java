package vn.herald.publishing;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.herald.channel.Channel;

/** Resuming a paused channel belongs to publishing: it puts the channel's waiting publications back in the queue. */
@Controller("/api/channels")
class ChannelResumeController {

    private final Publishing publishing;

    ChannelResumeController(Publishing publishing) {
        this.publishing = publishing;
    }

    @Post("/{id}/resume")
    @Secured("ADMIN")
    Channel resume(String id, Authentication user) {
        return publishing.resume(id, user.getName());
    }
}
