package vn.herald.publishing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Which database this is, and the plain DataSource for libraries that manage their own transactions. */
@Singleton
class Database {

    private final DataSource transactional;
    private final DataSource plain;
    private final boolean postgres;

    Database(DataSource dataSource) {
        this.transactional = dataSource;
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
        try (Connection connection = plain.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    /** Joins the caller's transaction: what is written through it commits or rolls back with the business change. */
    DataSource transactionalDataSource() {
        return transactional;
    }

    DataSource plainDataSource() {
        return plain;
    }

    boolean isPostgres() {
        return postgres;
    }
}
