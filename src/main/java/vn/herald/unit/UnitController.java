package vn.herald.unit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.ItemList;

@Controller("/api/units")
@Secured(SecurityRule.IS_AUTHENTICATED)
class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @Get
    ItemList<Unit> list() {
        return ItemList.of(units.list());
    }

    @Get("/{code}")
    Unit get(String code) {
        return units.get(code);
    }

    @Post
    @Secured("ADMIN")
    HttpResponse<Unit> create(@Body Units.UnitForm form) {
        return HttpResponse.created(units.create(form));
    }

    @Put("/{code}")
    @Secured("ADMIN")
    Unit update(String code, @Body Units.UnitForm form) {
        return units.update(code, form);
    }
}
