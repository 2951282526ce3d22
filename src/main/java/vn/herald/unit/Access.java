package vn.herald.unit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one rule of who may read and change which unit's content. Every domain service asks it, so the API, the pages,
 * the calendar JSON and any later entry point share the rule. The caller is the person of the HTTP request being
 * served (as Micronaut Security's own {@code SecurityService} finds them); work outside any request (imports at start,
 * sweeps, dispatch) is Herald's own and reaches every unit.
 */
@Singleton
public class Access {

    /** The role of the installation's admin, who manages every unit. */
    static final String ADMIN = "ADMIN";
    /** The authentication attribute holding the user's unit (set at login). */
    public static final String UNIT_ATTRIBUTE = "unitCode";
    private static final String REQUEST_ATTRIBUTE = "herald.reach";

    private final Units units;
    private final UnitRepository unitRows;
    private final UnitGrantRepository grants;

    Access(Units units, UnitRepository unitRows, UnitGrantRepository grants) {
        this.units = units;
        this.unitRows = unitRows;
        this.grants = grants;
    }

    /** What the current caller reaches, worked out once per request. */
    public Reach reach() {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty()) {
            return Reach.system(units.ownUnitCode());
        }
        Optional<Reach> known = request.get().getAttribute(REQUEST_ATTRIBUTE, Reach.class);
        if (known.isPresent()) {
            return known.get();
        }
        Reach reach = request.get().getUserPrincipal(Authentication.class).map(this::reachOf)
                .orElseGet(() -> Reach.nobody(units.ownUnitCode()));
        request.get().setAttribute(REQUEST_ATTRIBUTE, reach);
        return reach;
    }

    Reach reachOf(Authentication user) {
        Object unit = user.getAttributes().get(UNIT_ATTRIBUTE);
        String home = unit == null || unit.toString().isBlank() ? units.ownUnitCode() : unit.toString();
        if (user.getRoles().contains(ADMIN)) {
            return new Reach(user.getName(), home, true, Set.of(), Set.of());
        }
        Set<String> actable = new HashSet<>();
        actable.add(home);
        grants.findByUsername(user.getName()).forEach(grant -> actable.add(grant.unitCode()));
        Set<String> readable = new HashSet<>(actable);
        readable.addAll(unitRows.findCodesBelow(home));
        return new Reach(user.getName(), home, false, readable, actable);
    }

    /**
     * Refuses, as if it did not exist, an object of a unit the caller may not read: another unit's piece answers
     * exactly what a missing piece answers, so nothing of it leaks, not even that it exists.
     */
    public void read(String unitCode, Refusal.Noun what, Object id) {
        if (!reach().canRead(unitCode)) {
            throw Refusal.notFound(what, id);
        }
    }

    /** As {@link #read}, then refuses a change by a caller who may only read the unit (a province watching a commune). */
    public void act(String unitCode, Refusal.Noun what, Object id) {
        read(unitCode, what, id);
        Reach reach = reach();
        if (!reach.canAct(unitCode)) {
            String name = units.find(unitCode).map(Unit::name).orElse(unitCode);
            throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.UNIT_READ_ONLY, name);
        }
    }

    /**
     * The unit a request names in {@code field} (a query parameter or a form field), or the caller's own when it names
     * none. A unit that does not exist, or that the caller may not read, answers the same 400: no unit of that code
     * within your reach.
     */
    public Unit unit(@Nullable String code, String field) {
        String wanted = code == null || code.isBlank() ? reach().homeUnit() : code.strip();
        Optional<Unit> unit = units.find(wanted);
        if (unit.isEmpty() || !reach().canRead(wanted)) {
            throw Refusal.invalid(field, RefusalCode.UNIT_UNKNOWN, wanted);
        }
        return unit.get();
    }

    /** As {@link #unit}, for a change: a unit the caller may only read is refused. */
    public Unit unitToChange(@Nullable String code, String field) {
        Unit unit = unit(code, field);
        act(unit.code(), Refusal.Noun.UNIT, unit.code());
        return unit;
    }

    /**
     * Runs a read whose authority is not a login but a secret the request carried and the caller has checked (an
     * iCalendar feed's token): inside it the one unit the secret opens can be read, and nothing else.
     */
    public <T> T readingAs(String unitCode, String secret, Supplier<T> work) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty()) {
            return work.get();
        }
        Optional<Reach> before = request.get().getAttribute(REQUEST_ATTRIBUTE, Reach.class);
        request.get().setAttribute(REQUEST_ATTRIBUTE, new Reach(secret, unitCode, false, Set.of(unitCode), Set.of()));
        try {
            return work.get();
        } finally {
            if (before.isPresent()) {
                request.get().setAttribute(REQUEST_ATTRIBUTE, before.get());
            } else {
                request.get().removeAttribute(REQUEST_ATTRIBUTE, Reach.class);
            }
        }
    }

    /**
     * Refuses a change of a unit's residents and households unless the caller is an admin of the installation's own
     * unit, of the unit itself or of its parent (a province's admin for its communes); another province's admin is
     * refused.
     */
    public void changeFigures(String unitCode, Authentication user) {
        Unit unit = units.get(unitCode);
        String home = reachOf(user).homeUnit();
        boolean allowed = user.getRoles().contains(ADMIN) && (home.equals(units.ownUnitCode()) || home.equals(unitCode)
                || home.equals(unit.parentCode()));
        if (!allowed) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.UNIT_FIGURES_FORBIDDEN, unit.name());
        }
    }

    /** The units the caller may read, or empty for every unit (the admin, Herald's own jobs). */
    public Optional<Set<String>> readableUnits() {
        Reach reach = reach();
        return reach.everywhere() ? Optional.empty() : Optional.of(reach.readable());
    }
}
