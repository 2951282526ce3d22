package vn.herald.content;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.Refusal;
import vn.herald.exposure.ContentPolicy;

/** Serves stored images and audio by hash; public, because the portal and the platforms fetch them. */
@Controller("/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetController {

    private final Assets assets;

    AssetController(Assets assets) {
        this.assets = assets;
    }

    @Get("/{sha256}")
    HttpResponse<SystemFile> get(String sha256) {
        Asset asset = assets.findBySha256(sha256).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, sha256));
        return ContentPolicy.storedFile(HttpResponse.ok(new SystemFile(assets.fileOf(asset).toFile(),
                MediaType.of(asset.mediaType()))), asset.mediaType()).header("Cache-Control", "public, max-age=31536000, immutable");
    }
}
