package vn.herald.content;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

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
    HttpResponse<FileCustomizableResponseType> get(String sha256, @Nullable @Header(HttpHeaders.RANGE) String range) {
        MediaLibrary.StoredFile file = media.file(sha256);
        // a video previewed in the editor is seeked like on the portal
        return RangedFiles.response(file.path(), file.mediaType(), file.path().toFile().length(), range)
                .header("Cache-Control", "private, max-age=3600");
    }
}
