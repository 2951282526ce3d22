package vn.herald.report;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the rows reports read, straight into the tables: a report test needs publications that ended every which
 * way, at instants chosen to the minute, which driving the real dispatcher to each ending would only obscure.
 */
final class ReportData {

    private final TransactionOperations<Connection> transactions;
    private final AtomicLong sequence = new AtomicLong();

    ReportData(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void unit(String code, String name, String parent) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        execute("insert into unit (code, name, zone, parent_code, created_at, updated_at) values (?, ?, 'Asia/Ho_Chi_Minh', ?, ?, ?)",
                code, name, parent, utc(now), utc(now));
    }

    void channel(String id, String unit, String type, boolean paused) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        execute("insert into channel (id, unit_code, type, mode, name, settings, source_hash, paused_reason, created_at, updated_at) "
                        + "values (?, ?, ?, 'LIVE', ?, '{}', 'x', ?, ?, ?)",
                id, unit, type, "Kênh " + id, paused ? "Mã truy cập hết hạn" : null, utc(now), utc(now));
    }

    long piece(String unit, String kind, String title, String topics, String audiences, Integer readSeconds) {
        long number = sequence.incrementAndGet();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return insert("insert into piece (unit_code, kind, slug, title, topics, audiences, campaigns, variants, read_seconds, "
                        + "status, revision, created_at, updated_at) values (?, ?, ?, ?, ?, ?, '[]', '{}', ?, 'APPROVED', 1, ?, ?)",
                unit, kind, "bai-" + number + "-" + System.nanoTime(), title, topics, audiences, readSeconds, utc(now), utc(now));
    }

    /** A publication planned at {@code planned} that ended in {@code status}; {@code failedAttempts} failed tries first. */
    long publication(long piece, String channel, String unit, Instant planned, String status, boolean dryRun,
                     int failedAttempts) {
        return publication(piece, channel, unit, planned, status, dryRun, failedAttempts, "{}");
    }

    /** The same, with the payload frozen at scheduling (a loudspeaker's carries the read time it airs for). */
    long publication(long piece, String channel, String unit, Instant planned, String status, boolean dryRun,
                     int failedAttempts, String payload) {
        long id = insert("insert into publication (piece_id, piece_revision, channel_id, unit_code, planned_at, deadline, status, "
                        + "payload, payload_summary, external_url, attempts, last_error, dry_run_request, created_by, created_at, updated_at) "
                        + "values (?, 1, ?, ?, ?, ?, ?, ?, 'tóm tắt', ?, ?, ?, ?, 'bien-tap', ?, ?)",
                piece, channel, unit, utc(planned), utc(planned.plusSeconds(86400)), status, payload,
                "PUBLISHED".equals(status) && !dryRun ? "https://example.vn/p/" + piece : null, failedAttempts,
                failedAttempts > 0 ? "Nền tảng trả lỗi 500" : null, dryRun ? "{\"method\":\"POST\"}" : null,
                utc(planned), utc(planned));
        for (int i = 1; i <= failedAttempts; i++) {
            execute("insert into publication_attempt (publication_id, number, node, started_at, finished_at, outcome, detail) "
                    + "values (?, ?, 'node', ?, ?, 'RETRY_LATER', 'HTTP 500')", id, i, utc(planned), utc(planned));
        }
        return id;
    }

    /** A publication sent for real with the platform's id, as the nightly engagement reading finds it. */
    long sentWithPlatformId(long piece, String channel, String unit, Instant planned, String externalId) {
        return insert("insert into publication (piece_id, piece_revision, channel_id, unit_code, planned_at, deadline, status, "
                        + "payload, payload_summary, external_id, external_url, attempts, created_by, created_at, updated_at) "
                        + "values (?, 1, ?, ?, ?, ?, 'PUBLISHED', '{}', 'tóm tắt', ?, ?, 1, 'bien-tap', ?, ?)",
                piece, channel, unit, utc(planned), utc(planned.plusSeconds(86400)), externalId,
                "https://example.vn/" + externalId, utc(planned), utc(planned));
    }

    /** A row writes its instants as UTC offsets, so H2 and PostgreSQL keep the same instant. */
    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private void execute(String sql, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(statement, values);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    private long insert(String sql, Object... values) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql, new String[] {"id"})) {
                bind(statement, values);
                statement.executeUpdate();
                try (var keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
