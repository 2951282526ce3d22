package vn.herald.broadcast;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import vn.herald.support.ItemList;

/** The kiosk addresses of the screens, for admins: an address opens a screen's loop to whoever holds it. */
@Controller("/api/screens")
@Secured("ADMIN")
class ScreenAddressController {

    private final ScreenLoops loops;

    ScreenAddressController(ScreenLoops loops) {
        this.loops = loops;
    }

    @Get
    ItemList<ScreenLoops.Listed> list() {
        return ItemList.of(loops.addresses());
    }
}
