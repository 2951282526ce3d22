package vn.herald.unit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The units this server serves: its own from configuration, more through the API. */
@Singleton
public class Units {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    /** What an admin sends to create or change a unit. */
    @Serdeable
    public record UnitForm(@Nullable String code, @Nullable String name, @Nullable String zone,
                           @Nullable String parentCode) {}

    /** A unit's residents and households; null leaves a figure unknown. */
    @Serdeable
    public record Figures(@Nullable Integer population, @Nullable Integer households) {}

    /** More residents than any commune, ward or province has: a figure above it is a typing mistake. */
    private static final int MOST_RESIDENTS = 200_000_000;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UnitRepository repository;
    private final UnitGrantRepository grants;
    private final UnitConfig config;
    private final Clock clock;

    Units(UnitRepository repository, UnitGrantRepository grants, UnitConfig config, Clock clock) {
        this.repository = repository;
        this.grants = grants;
        this.config = config;
        this.clock = clock;
    }

    public String ownUnitCode() {
        return config.code();
    }

    /** Writes the configured unit (and makes sure its parent exists) so every start agrees with the configuration. */
    public Unit ensureOwnUnit() {
        if (config.parent() != null && !config.parent().isBlank() && !repository.existsById(config.parent())) {
            throw new IllegalStateException("herald.unit.parent names unit '" + config.parent()
                    + "', which does not exist: create it through /api/units first or remove the setting");
        }
        UnitForm form = new UnitForm(config.code(), config.name(), config.zone(), config.parent());
        Unit own = repository.existsById(config.code()) ? update(config.code(), form) : create(form);
        if (config.population() == null && config.households() == null) {
            return own;
        }
        return setFigures(own.code(), new Figures(
                config.population() == null ? own.population() : config.population(),
                config.households() == null ? own.households() : config.households()));
    }

    /**
     * Sets a unit's residents and households. Who may is the caller's business ({@link Access#changeFigures}); this
     * checks the figures: whole numbers from 0, plausible, and no more households than residents.
     */
    public Unit setFigures(String code, Figures figures) {
        Unit existing = get(code);
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (figures.population() != null && (figures.population() < 0 || figures.population() > MOST_RESIDENTS)) {
            errors.add(new Refusal.FieldError("population", RefusalCode.UNIT_POPULATION_INVALID, figures.population()));
        }
        if (figures.households() != null && (figures.households() < 0 || figures.households() > MOST_RESIDENTS)) {
            errors.add(new Refusal.FieldError("households", RefusalCode.UNIT_HOUSEHOLDS_INVALID, figures.households()));
        } else if (figures.households() != null && figures.population() != null && figures.households() > figures.population()) {
            errors.add(new Refusal.FieldError("households", RefusalCode.UNIT_HOUSEHOLDS_ABOVE_POPULATION,
                    figures.households(), figures.population()));
        }
        failIfAny(errors);
        return repository.update(new Unit(code, existing.name(), existing.zone(), existing.parentCode(),
                existing.createdAt(), clock.instant(), figures.population(), figures.households()));
    }

    public List<Unit> list() {
        return repository.findAllOrderByCode();
    }

    public Optional<Unit> find(String code) {
        return repository.findById(code);
    }

    public Unit get(String code) {
        return find(code).orElseThrow(() -> Refusal.notFound(Refusal.Noun.UNIT, code));
    }

    public ZoneId zoneOf(String code) {
        return get(code).zoneId();
    }

    public Unit create(UnitForm form) {
        List<Refusal.FieldError> errors = validate(form, null);
        if (form.code() == null || !CODE.matcher(form.code()).matches()) {
            errors.add(0, new Refusal.FieldError("code", RefusalCode.UNIT_CODE_FORM));
        } else if (repository.existsById(form.code())) {
            throw Refusal.conflict(RefusalCode.UNIT_EXISTS, form.code());
        }
        failIfAny(errors);
        var now = clock.instant();
        return repository.save(new Unit(form.code(), form.name().strip(), form.zone(), blankToNull(form.parentCode()), now, now,
                null, null));
    }

    public Unit update(String code, UnitForm form) {
        Unit existing = get(code);
        if (form.code() != null && !form.code().equals(code)) {
            failIfAny(List.of(new Refusal.FieldError("code", RefusalCode.UNIT_CODE_FIXED)));
        }
        failIfAny(validate(form, code));
        return repository.update(new Unit(code, form.name().strip(), form.zone(), blankToNull(form.parentCode()),
                existing.createdAt(), clock.instant(), existing.population(), existing.households()));
    }

    /** Who besides the unit's own people may act on its content. */
    public List<UnitGrant> grants(String code) {
        get(code);
        return grants.findByUnitCodeOrderByUsername(code);
    }

    /** Lets a user of another unit act on this unit's content; granting twice changes nothing. */
    public UnitGrant grant(String code, String username, String actor) {
        get(code);
        if (!USERNAME.matcher(username).matches()) {
            throw Refusal.invalid("username", RefusalCode.USERNAME_INVALID, username);
        }
        return grants.findByUsernameAndUnitCode(username, code)
                .orElseGet(() -> grants.save(new UnitGrant(null, username, code, actor, clock.instant())));
    }

    /** Takes a grant back; the user's next request no longer reaches the unit. */
    public void revoke(String code, String username) {
        grants.findByUsernameAndUnitCode(username, code).ifPresent(grants::delete);
    }

    private List<Refusal.FieldError> validate(UnitForm form, @Nullable String code) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            errors.add(new Refusal.FieldError("name", RefusalCode.UNIT_NAME_REQUIRED));
        }
        if (form.zone() == null) {
            errors.add(new Refusal.FieldError("zone", RefusalCode.ZONE_REQUIRED));
        } else {
            try {
                ZoneId.of(form.zone());
            } catch (DateTimeException e) {
                errors.add(new Refusal.FieldError("zone", RefusalCode.ZONE_UNKNOWN, form.zone()));
            }
        }
        String parent = blankToNull(form.parentCode());
        if (parent != null) {
            if (!repository.existsById(parent)) {
                errors.add(new Refusal.FieldError("parentCode", RefusalCode.PARENT_UNKNOWN, parent));
            } else if (code != null && formsCycle(code, parent)) {
                errors.add(new Refusal.FieldError("parentCode", RefusalCode.PARENT_CYCLE, parent, code));
            }
        }
        return errors;
    }

    private boolean formsCycle(String code, String parent) {
        Set<String> seen = new HashSet<>();
        for (String at = parent; at != null && seen.add(at); ) {
            if (at.equals(code)) {
                return true;
            }
            at = repository.findById(at).map(Unit::parentCode).orElse(null);
        }
        return false;
    }

    private static void failIfAny(List<Refusal.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, RefusalCode.UNIT_INVALID, errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
