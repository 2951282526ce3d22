package vn.herald.content;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.exposure.ContentPolicy;

/**
 * Stored files for the logged-in editors of the unit that keeps them: previews and the media library show pictures
 * and play recordings from here, whatever address the platforms will use once the piece is live.
 */
@Controller("/media/files")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MediaFileController {

    private final MediaLibrary media;

    MediaFileController(MediaLibrary media) {
        this.media = media;
    }

    @Get("/{sha256}")
    HttpResponse<SystemFile> get(String sha256) {
        MediaLibrary.StoredFile file = media.file(sha256);
        return ContentPolicy.storedFile(HttpResponse.ok(new SystemFile(file.path().toFile(), MediaType.of(file.mediaType()))),
                file.mediaType()).header("Cache-Control", "private, max-age=3600");
    }
}
