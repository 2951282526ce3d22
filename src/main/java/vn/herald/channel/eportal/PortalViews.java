package vn.herald.channel.eportal;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in portal's page views as Herald counted them, per publication and (unit) day: nothing about the reader is
 * kept. The portal adds its counts in batches; the adapter reads each publication's total as its {@code VIEWS}.
 */
@Singleton
public class PortalViews {

    /** The views of one publication's page on one day. */
    public record Key(long publicationId, LocalDate day) {}

    private final DataSource plain;

    PortalViews(DataSource dataSource) {
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Adds the counts, one transaction for the batch; an instance adding the same row at once is waited for. */
    public void add(Map<Key, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        try (Connection connection = plain.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Map.Entry<Key, Long> count : counts.entrySet()) {
                    if (increment(connection, count.getKey(), count.getValue()) == 0) {
                        insertOrIncrement(connection, count.getKey(), count.getValue());
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("portal views: the database failed: " + e.getMessage(), e);
        }
    }

    /** Each publication's views over all days. */
    public Map<Long, Long> totals(Collection<Long> publicationIds) {
        Map<Long, Long> totals = new HashMap<>();
        if (publicationIds.isEmpty()) {
            return totals;
        }
        List<Long> ids = List.copyOf(publicationIds);
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection connection = plain.getConnection();
             PreparedStatement select = connection.prepareStatement("select publication_id, sum(views) from portal_view "
                     + "where publication_id in (" + marks + ") group by publication_id")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getLong(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("portal views: the database failed: " + e.getMessage(), e);
        }
        return totals;
    }

    private static int increment(Connection connection, Key key, long views) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update portal_view set views = views + ? where publication_id = ? and on_day = ?")) {
            update.setLong(1, views);
            update.setLong(2, key.publicationId());
            update.setObject(3, key.day());
            return update.executeUpdate();
        }
    }

    /** The first count of a row; if another instance inserted it meanwhile, adds to theirs. */
    private static void insertOrIncrement(Connection connection, Key key, long views) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into portal_view (publication_id, on_day, views) values (?, ?, ?)")) {
            insert.setLong(1, key.publicationId());
            insert.setObject(2, key.day());
            insert.setLong(3, views);
            insert.executeUpdate();
        } catch (SQLException duplicate) {
            connection.rollback(before);
            if (increment(connection, key, views) == 0) {
                throw duplicate;
            }
        }
    }
}
