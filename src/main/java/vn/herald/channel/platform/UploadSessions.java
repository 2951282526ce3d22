package vn.herald.channel.platform;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The open upload of a publication on a platform that uploads in several calls (YouTube's resumable session URI,
 * TikTok's publish id). Each write commits at once on its own connection, outside the dispatcher's transaction: the
 * reference must survive a crash that happens a moment later, or the next attempt could not tell its upload from none.
 */
@Singleton
public class UploadSessions {

    /** An upload begun for a publication: the platform's own reference and when Herald recorded it. */
    public record Upload(long publicationId, String channelId, String reference, Instant startedAt) {}

    private final DataSource plain;
    private final Clock clock;

    UploadSessions(DataSource dataSource, Clock clock) {
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    /** Records (or replaces) the open upload of a publication; committed when this returns. */
    public void begin(long publicationId, String channelId, String reference) {
        run("delete from upload_session where publication_id = ?", statement -> {
            statement.setLong(1, publicationId);
            return statement.executeUpdate();
        });
        run("insert into upload_session (publication_id, channel_id, reference, started_at) values (?, ?, ?, ?)", statement -> {
            statement.setLong(1, publicationId);
            statement.setString(2, channelId);
            statement.setString(3, reference);
            statement.setTimestamp(4, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
    }

    public Optional<Upload> find(long publicationId) {
        return run("select channel_id, reference, started_at from upload_session where publication_id = ?", statement -> {
            statement.setLong(1, publicationId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Upload(publicationId, rows.getString(1), rows.getString(2),
                        rows.getTimestamp(3).toInstant())) : Optional.<Upload>empty();
            }
        });
    }

    /** Forgets the upload once the platform has given its result (published, or refused for good). */
    public void end(long publicationId) {
        run("delete from upload_session where publication_id = ?", statement -> {
            statement.setLong(1, publicationId);
            return statement.executeUpdate();
        });
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Statement<T> work) {
        try (Connection connection = plain.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("upload sessions: the database failed: " + e.getMessage(), e);
        }
    }
}
