package vn.herald.support;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

/**
 * H2's side of the read versions (migration V37; PostgreSQL has the same rules in PL/pgSQL): after any row change of
 * a unit, channel, piece, publication or portal page, raises the counters of what shows it, in the writer's
 * transaction. H2 stores this class's name with each trigger: renaming or moving it breaks opening the database.
 */
public class ReadVersionTrigger implements Trigger {

    private static final String RAISE = "merge into read_version v using (values (cast(? as varchar(80)))) s(scope)"
            + " on v.scope = s.scope when matched then update set version = v.version + 1"
            + " when not matched then insert (scope, version) values (s.scope, 1)";

    private String table;
    /** Positions in the row H2 hands over; -1 where the table has no such column. */
    private int unitColumn = -1;
    private int idColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table.toLowerCase(Locale.ROOT);
        String unitName = this.table.equals("unit") ? "CODE" : "UNIT_CODE";
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                int position = columns.getInt("ORDINAL_POSITION") - 1;
                if (name.equalsIgnoreCase(unitName)) {
                    unitColumn = position;
                } else if (name.equalsIgnoreCase("ID")) {
                    idColumn = position;
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] changed = newRow != null ? newRow : oldRow;
        // the unit's calendar first, then the portal, as on PostgreSQL
        if (unitColumn >= 0) {
            raise(connection, "calendar:" + changed[unitColumn]);
            if (oldRow != null && newRow != null && !Objects.equals(oldRow[unitColumn], newRow[unitColumn])) {
                raise(connection, "calendar:" + oldRow[unitColumn]);
            }
        }
        if (onPortal(connection, changed)) {
            raise(connection, "portal");
        }
    }

    private boolean onPortal(Connection connection, Object[] row) throws SQLException {
        return switch (table) {
            case "unit", "channel", "portal_article" -> true;
            case "piece" -> showsOnPortal(connection, "piece_id", row[idColumn]);
            case "publication" -> showsOnPortal(connection, "publication_id", row[idColumn]);
            default -> throw new IllegalStateException("no read version rule for table " + table);
        };
    }

    private static boolean showsOnPortal(Connection connection, String column, Object id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from portal_article where " + column + " = ? limit 1")) {
            query.setObject(1, id);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void raise(Connection connection, String scope) throws SQLException {
        try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
            raise.setString(1, scope);
            raise.executeUpdate();
        }
    }
}
