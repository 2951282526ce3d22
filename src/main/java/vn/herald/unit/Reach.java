package vn.herald.unit;

import java.util.Set;

/**
 * The units one caller may see and act on. A commune user reads and acts on their own unit; a user of a parent unit
 * (a province) also reads every unit below it; a grant adds a unit to act on (and so to read); the installation's
 * admin, and Herald's own jobs, reach every unit.
 *
 * @param who       the username, or the job's name
 * @param homeUnit  the caller's own unit: the default wherever a request names none
 * @param everywhere true for the installation's admin and Herald's own jobs
 * @param readable  the units whose content the caller may read (ignored when everywhere)
 * @param actable   the units whose content the caller may change (ignored when everywhere)
 */
public record Reach(String who, String homeUnit, boolean everywhere, Set<String> readable, Set<String> actable) {

    public Reach {
        readable = Set.copyOf(readable);
        actable = Set.copyOf(actable);
    }

    /** Herald's own work (imports, sweeps, dispatch): no person, every unit. */
    static Reach system(String homeUnit) {
        return new Reach("system", homeUnit, true, Set.of(), Set.of());
    }

    /** An anonymous caller of a scoped service: no unit at all. */
    static Reach nobody(String homeUnit) {
        return new Reach("anonymous", homeUnit, false, Set.of(), Set.of());
    }

    public boolean canRead(String unitCode) {
        return everywhere || readable.contains(unitCode);
    }

    public boolean canAct(String unitCode) {
        return everywhere || actable.contains(unitCode);
    }
}
