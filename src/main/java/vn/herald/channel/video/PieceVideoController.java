package vn.herald.channel.video;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Making a short video from a piece, and the videos made: {@code /api/pieces/{id}/videos} (docs/video-making.md). */
@Controller("/api/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PieceVideoController {

    /** The shapes to make; none named makes both. */
    @Serdeable
    record MakeRequest(@Nullable List<VideoShape> shapes) {}

    private final VideoMaking making;

    PieceVideoController(VideoMaking making) {
        this.making = making;
    }

    /** Starts making in the background and answers at once, 202, with the piece's videos as they stand. */
    @Post("/{id}/videos")
    @Secured("EDITOR")
    HttpResponse<VideoMaking.Videos> make(long id, @Nullable @Body MakeRequest request) {
        return HttpResponse.accepted().body(making.request(id,
                request == null || request.shapes() == null ? List.of() : request.shapes()));
    }

    @Get("/{id}/videos")
    VideoMaking.Videos list(long id) {
        return making.list(id);
    }
}
