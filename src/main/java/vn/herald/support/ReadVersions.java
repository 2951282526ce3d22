package vn.herald.support;

import jakarta.inject.Singleton;

/**
 * The counters the database raises, in the writer's own transaction, with every change to a unit's calendar or to
 * the portal, whichever instance or write path made it (triggers of migration V37). An answer built after reading
 * version {@code v} holds at least every change counted in {@code v}; while the counter still reads {@code v} nothing
 * has changed since, so the answer can be served again. Read the version before the data, never after.
 */
@Singleton
public class ReadVersions {

    private final ReadVersionRepository repository;

    ReadVersions(ReadVersionRepository repository) {
        this.repository = repository;
    }

    /** What a unit's calendar shows: its channels, pieces and publications, and the unit itself. */
    public long calendar(String unitCode) {
        return of("calendar:" + unitCode);
    }

    /** What the portal shows: its pages, their publications and pieces, every channel and unit. */
    public long portal() {
        return of("portal");
    }

    private long of(String scope) {
        // no row yet: nothing has changed since the migration, and the first change makes it 1
        return repository.findVersionByScope(scope).orElse(0L);
    }
}
