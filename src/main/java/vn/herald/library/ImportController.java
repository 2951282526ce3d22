package vn.herald.library;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

@Controller("/api/imports")
@Secured(SecurityRule.IS_AUTHENTICATED)
class ImportController {

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    /** The library is the installation's, one folder for every unit: its report, file names and all, is the admin's. */
    @Get("/latest")
    @Secured("ADMIN")
    ImportReport latest() {
        return imports.latest().orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, RefusalCode.NO_IMPORT_YET));
    }

    @Post
    @Secured("ADMIN")
    ImportReport run(Authentication user) {
        return imports.run(user.getName());
    }
}
