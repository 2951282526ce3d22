package vn.herald.plan;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes published publications and campaign slots straight into the tables, as the report tests do: progress counts
 * what went out on chosen days, which driving the dispatcher to each ending would only obscure.
 */
final class PlanRows {

    private final TransactionOperations<Connection> transactions;

    PlanRows(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    long piece(String unit, String title, String topics) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return insert("insert into piece (unit_code, kind, slug, title, topics, audiences, campaigns, variants, "
                        + "status, revision, created_at, updated_at) values (?, 'ARTICLE', ?, ?, ?, '[]', '[]', '{}', 'APPROVED', 1, ?, ?)",
                unit, "bai-" + System.nanoTime(), title, topics, utc(now), utc(now));
    }

    long published(long piece, String channel, String unit, Instant at) {
        return insert("insert into publication (piece_id, piece_revision, channel_id, unit_code, planned_at, deadline, status, "
                        + "payload, payload_summary, external_url, attempts, created_by, created_at, updated_at) "
                        + "values (?, 1, ?, ?, ?, ?, 'PUBLISHED', '{}', 'tóm tắt', 'https://example.vn/p', 1, 'bien-tap', ?, ?)",
                piece, channel, unit, utc(at), utc(at.plusSeconds(86400)), utc(at), utc(at));
    }

    /** A campaign of the template {@code code} whose slot holds the publication. */
    void campaignSlot(String code, String unit, String channel, long publication, Instant at) {
        long campaign = insert("insert into campaign (code, campaign_year, unit_code, origin, name, definition, window_start, "
                        + "window_end, launched_at, launched_by) values (?, 2025, ?, 'TEMPLATE', 'Chiến dịch', '{}', ?, ?, ?, 'he-thong')",
                code, unit, java.sql.Date.valueOf("2025-05-01"), java.sql.Date.valueOf("2025-05-31"), utc(at));
        insert("insert into campaign_slot (campaign_id, channel_id, planned_at, publication_id) values (?, ?, ?, ?)",
                campaign, channel, utc(at), publication);
    }

    long pieceOfFile(String sourcePath) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement("select id from piece where source_path = ?")) {
                statement.setString(1, sourcePath);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sourcePath, e);
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private long insert(String sql, Object... values) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql, new String[] {"id"})) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }
}
