package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.herald.support.ReadVersionTrigger;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Read versions: a counter per unit's calendar ({@code calendar:<unit>}) and one for the portal ({@code portal}),
 * raised by triggers in the same transaction as any change to what the calendar or the portal shows. Readers on any
 * instance compare the counter with the one their cached answer was built at ({@code vn.herald.support.ReadVersions}).
 * Triggers rather than calls in the services, so that every write path (the services, batch writers, a hand-run SQL
 * fix) raises them. A Java migration because the triggers differ: PL/pgSQL on PostgreSQL, a Java class on H2.
 */
public class V37__Read_versions extends BaseJavaMigration {

    /** What the calendar or the portal shows is read from these tables. */
    private static final String[] TABLES = {"unit", "channel", "piece", "publication", "portal_article"};

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table read_version (scope varchar(80) primary key, version bigint not null)");
            if (postgres) {
                postgresTriggers(statement);
            } else {
                for (String table : TABLES) {
                    statement.execute("create trigger read_version_" + table + " after insert, update, delete on " + table
                            + " for each row call '" + ReadVersionTrigger.class.getName() + "'");
                }
            }
        }
    }

    private static void postgresTriggers(Statement statement) throws Exception {
        // once per transaction is enough (readers see all its changes at once, at its commit); a setting local to the
        // transaction remembers it (and is undone with a rolled-back savepoint, as the raise is), which keeps a batch
        // of rows from locking and rewriting the counter row for each
        statement.execute("""
                create function read_version_raise(raised varchar) returns void language plpgsql as $$
                declare
                    memo text := 'herald.read_version_' || md5(raised);
                begin
                    if current_setting(memo, true) = 'raised' then
                        return;
                    end if;
                    perform set_config(memo, 'raised', true);
                    insert into read_version (scope, version) values (raised, 1)
                    on conflict (scope) do update set version = read_version.version + 1;
                end $$""");
        // the unit's calendar, then the portal when the row is on it: always in this order, so two writers never wait
        // on each other's counters crosswise. Columns are read from NEW or OLD directly: copying a row would read its
        // long texts (a payload, a body) for nothing
        statement.execute("""
                create function read_version_of_unit() returns trigger language plpgsql as $$
                begin
                    perform read_version_raise('calendar:' || (case when tg_op = 'DELETE' then old.code else new.code end));
                    perform read_version_raise('portal');
                    return null;
                end $$""");
        for (String table : new String[] {"channel", "piece", "publication"}) {
            String portalCheck = switch (table) {
                case "piece" -> "exists (select 1 from portal_article where piece_id ="
                        + " (case when tg_op = 'DELETE' then old.id else new.id end))";
                case "publication" -> "exists (select 1 from portal_article where publication_id ="
                        + " (case when tg_op = 'DELETE' then old.id else new.id end))";
                default -> "true";
            };
            statement.execute("""
                    create function read_version_of_%s() returns trigger language plpgsql as $$
                    begin
                        if tg_op <> 'DELETE' then
                            perform read_version_raise('calendar:' || new.unit_code);
                        end if;
                        if tg_op = 'DELETE' or (tg_op = 'UPDATE' and new.unit_code <> old.unit_code) then
                            perform read_version_raise('calendar:' || old.unit_code);
                        end if;
                        if %s then
                            perform read_version_raise('portal');
                        end if;
                        return null;
                    end $$""".formatted(table, portalCheck));
        }
        statement.execute("""
                create function read_version_of_portal_article() returns trigger language plpgsql as $$
                begin
                    perform read_version_raise('portal');
                    return null;
                end $$""");
        for (String table : TABLES) {
            statement.execute("create trigger read_version_" + table + " after insert or update or delete on " + table
                    + " for each row execute function read_version_of_" + table + "()");
        }
    }
}
