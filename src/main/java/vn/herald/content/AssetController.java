package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.Refusal;

/**
 * Serves stored files by hash; public, because the portal and the platforms fetch them. A {@code Range} request gets
 * that part of the file ({@link RangedFiles}).
 */
@Controller("/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetController {

    private final Assets assets;

    AssetController(Assets assets) {
        this.assets = assets;
    }

    @Get("/{sha256}")
    HttpResponse<FileCustomizableResponseType> get(String sha256, @Nullable @Header(HttpHeaders.RANGE) String range) {
        Asset asset = assets.findBySha256(sha256).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, sha256));
        return RangedFiles.response(assets.fileOf(asset), asset.mediaType(), asset.sizeBytes(), range)
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }
}
