package vn.herald.unit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;

@Controller("/api/units")
@Secured(SecurityRule.IS_AUTHENTICATED)
class UnitController {

    private final Units units;
    private final Access access;

    UnitController(Units units, Access access) {
        this.units = units;
        this.access = access;
    }

    /** The units the caller reaches: their own, those below it and those granted to them. */
    @Get
    ItemList<Unit> list() {
        Reach reach = access.reach();
        return ItemList.of(units.list().stream().filter(unit -> reach.canRead(unit.code())).toList());
    }

    @Get("/{code}")
    Unit get(String code) {
        access.read(code, Refusal.Noun.UNIT, code);
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

    /** Sets the unit's residents and households: an admin of the installation, of the unit or of its province. */
    @Put("/{code}/figures")
    Unit figures(String code, @Body Units.Figures figures, Authentication user) {
        access.read(code, Refusal.Noun.UNIT, code);
        access.changeFigures(code, user);
        return units.setFigures(code, figures);
    }

    @Get("/{code}/grants")
    @Secured("ADMIN")
    ItemList<UnitGrant> grants(String code) {
        return ItemList.of(units.grants(code));
    }

    /** Lets {@code username}, a user of another unit, act on this unit's content. */
    @Put("/{code}/grants/{username}")
    @Secured("ADMIN")
    UnitGrant grant(String code, String username, Authentication admin) {
        return units.grant(code, username, admin.getName());
    }

    @Delete("/{code}/grants/{username}")
    @Secured("ADMIN")
    HttpResponse<Void> revoke(String code, String username) {
        units.revoke(code, username);
        return HttpResponse.noContent();
    }
}
