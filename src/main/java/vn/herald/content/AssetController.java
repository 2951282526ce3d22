package vn.herald.content;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.Refusal;
import vn.herald.exposure.RangedFiles;

/** Serves stored images and audio by hash; public, because the portal and the platforms fetch them. */
@Controller("/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
class AssetController {

    private final Assets assets;

    AssetController(Assets assets) {
        this.assets = assets;
    }

    /** With byte ranges, so a recording can be sought and resumed. */
    @Get("/{sha256}")
    HttpResponse<?> get(HttpRequest<?> request, String sha256) {
        Asset asset = assets.findBySha256(sha256).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, sha256));
        return RangedFiles.answer(request, assets.fileOf(asset), asset.mediaType(), asset.sha256())
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }
}
