package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.ItemList;

/** The unit's media library as JSON: list and search, one entry with where it is used, its description. */
@Controller("/api/media")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MediaController {

    /** The new description of a file in the library. */
    @Serdeable
    record Description(@Nullable String altText) {}

    private final MediaLibrary media;

    MediaController(MediaLibrary media) {
        this.media = media;
    }

    @Get
    ItemList<MediaLibrary.Entry> list(@Nullable @QueryValue String unit, @Nullable @QueryValue String text,
                                      @Nullable @QueryValue AssetKind kind) {
        return ItemList.of(media.list(unit, text, kind));
    }

    @Get("/{id}")
    MediaLibrary.Entry get(long id) {
        return media.get(id);
    }

    @Put("/{id}")
    @Secured("EDITOR")
    MediaLibrary.Entry describe(long id, @Body Description description) {
        return media.describe(id, description.altText());
    }
}
