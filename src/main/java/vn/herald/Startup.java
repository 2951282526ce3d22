package vn.herald;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import vn.herald.account.Accounts;
import vn.herald.library.Imports;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

/** What every start does, in order: the own unit, the first admin, then the content and channel import, then the dispatcher. */
@Singleton
class Startup {

    private final Units units;
    private final Accounts accounts;
    private final Imports imports;
    private final Publishing publishing;

    Startup(Units units, Accounts accounts, Imports imports, Publishing publishing) {
        this.units = units;
        this.accounts = accounts;
        this.imports = imports;
        this.publishing = publishing;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        units.ensureOwnUnit();
        accounts.ensureAdmin(units.ownUnitCode());
        imports.run("start");
        publishing.startDispatcher();
    }
}
