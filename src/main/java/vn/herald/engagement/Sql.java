package vn.herald.engagement;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Plain JDBC for the engagement tables: each unit of work commits on its own connection when it returns, outside any
 * caller's transaction, so a night's progress survives a crash a moment later.
 */
@Singleton
class Sql {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Bind {
        void on(PreparedStatement statement) throws SQLException;
    }

    private final DataSource plain;

    Sql(DataSource dataSource) {
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Runs the work in one transaction: all of it commits, or none. */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = plain.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("engagement: the database failed: " + e.getMessage(), e);
        }
    }

    static int update(Connection connection, String sql, Bind bind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind.on(statement);
            return statement.executeUpdate();
        }
    }
}
