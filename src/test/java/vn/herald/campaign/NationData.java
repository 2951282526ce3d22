package vn.herald.campaign;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Communes under provinces, written in batches: each commune has the sample commune's four channels (portal,
 * Facebook, Zalo, loudspeaker with its sessions), with their settings copied from the imported channel files (a
 * channel written with empty settings has no sessions and cannot be planned), and for each national campaign a few
 * approved pieces carrying its tag.
 */
final class NationData {

    /** The imported sample channels whose settings every commune's channels copy, by suffix of the new ids. */
    static final Map<String, String> SAMPLE_CHANNELS = Map.of("eportal", "eportal", "facebook", "facebook", "zalo", "zalo",
            "loudspeaker", "loudspeaker");
    static final List<String> TAGS = List.of("khcn-18-5", "doi-moi-sang-tao-1-10", "chuyen-doi-so-10-10");
    static final int ARTICLES_PER_TAG = 3;
    static final int SCRIPTS_PER_TAG = 2;

    private NationData() {}

    static String commune(int n) {
        return "xa-" + n;
    }

    /** Writes {@code provinces} provinces and {@code communes} communes spread over them. */
    /** One stored picture's row, the cover of every article (its bytes are never read by planning). */
    private static long aCover(Connection connection, OffsetDateTime created) throws SQLException {
        String sha = "c0".repeat(32);
        try (PreparedStatement id = connection.prepareStatement("select id from asset where sha256 = ?")) {
            id.setString(1, sha);
            try (java.sql.ResultSet found = id.executeQuery()) {
                if (found.next()) {
                    return found.getLong(1);
                }
            }
        }
        try (PreparedStatement asset = connection.prepareStatement("insert into asset (sha256, media_type, kind, size_bytes, "
                + "original_name, created_at) values (?, 'image/png', 'IMAGE', 1000, 'bia.png', ?)")) {
            asset.setString(1, sha);
            asset.setObject(2, created);
            asset.executeUpdate();
        }
        return aCover(connection, created);
    }

    static void generate(TransactionOperations<Connection> transactions, int provinces, int communes) {
        OffsetDateTime created = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement unit = connection.prepareStatement(
                    "insert into unit (code, name, zone, parent_code, created_at, updated_at) values (?, ?, 'Asia/Ho_Chi_Minh', ?, ?, ?)");
                 PreparedStatement channel = connection.prepareStatement("insert into channel (id, unit_code, type, mode, name, settings, "
                         + "source_hash, paused_reason, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'x', null, ?, ?)");
                 PreparedStatement piece = connection.prepareStatement("insert into piece (unit_code, kind, slug, title, summary, body, "
                         + "script, topics, audiences, campaigns, variants, read_seconds, status, revision, created_at, updated_at, cover_asset_id) "
                         + "values (?, ?, ?, ?, ?, ?, ?, '[\"Chuyển đổi số\"]', '[\"Người dân\"]', ?, '{}', ?, 'APPROVED', 1, ?, ?, ?)")) {
                Map<String, String[]> samples = samples(connection);
                long cover = aCover(connection, created);
                for (int p = 1; p <= provinces; p++) {
                    unit.setString(1, "tinh-" + p);
                    unit.setString(2, "Tỉnh " + p);
                    unit.setString(3, null);
                    unit.setObject(4, created);
                    unit.setObject(5, created);
                    unit.addBatch();
                }
                unit.executeBatch();
                for (int c = 1; c <= communes; c++) {
                    String code = commune(c);
                    unit.setString(1, code);
                    unit.setString(2, "Xã " + c);
                    unit.setString(3, "tinh-" + (1 + (c - 1) % provinces));
                    unit.addBatch();
                    for (Map.Entry<String, String[]> sample : samples.entrySet()) {
                        channel.setString(1, code + "-" + sample.getKey());
                        channel.setString(2, code);
                        channel.setString(3, sample.getValue()[0]);
                        channel.setString(4, sample.getValue()[1]);
                        channel.setString(5, sample.getValue()[2] + " " + c);
                        channel.setString(6, sample.getValue()[3]);
                        channel.setObject(7, created);
                        channel.setObject(8, created);
                        channel.addBatch();
                    }
                    for (String tag : TAGS) {
                        for (int n = 0; n < ARTICLES_PER_TAG + SCRIPTS_PER_TAG; n++) {
                            boolean script = n >= ARTICLES_PER_TAG;
                            piece.setString(1, code);
                            piece.setString(2, script ? "RADIO_SCRIPT" : "ARTICLE");
                            piece.setString(3, tag + "-" + n);
                            piece.setString(4, "Bài " + (n + 1) + " hưởng ứng " + tag + " của xã " + c);
                            piece.setString(5, "Tóm tắt bài " + (n + 1));
                            piece.setString(6, script ? null : "<p>Nội dung bài viết tuyên truyền.</p>");
                            piece.setString(7, script ? "Kính thưa bà con, xã thông báo về đợt tuyên truyền." : null);
                            piece.setString(8, "[\"" + tag + "\"]");
                            piece.setObject(9, script ? 120 : null);
                            piece.setObject(10, created);
                            piece.setObject(11, created);
                            // every article has its cover, which Zalo requires
                            piece.setObject(12, script ? null : cover);
                            piece.addBatch();
                        }
                    }
                    if (c % 500 == 0 || c == communes) {
                        // units first: channels and pieces refer to them
                        unit.executeBatch();
                        channel.executeBatch();
                        piece.executeBatch();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write the communes", e);
            }
            return null;
        });
    }

    /** Type, mode, name and settings of each sample channel, as the import stored them. */
    private static Map<String, String[]> samples(Connection connection) throws SQLException {
        Map<String, String[]> samples = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select type, mode, name, settings from channel where id = ?")) {
            for (Map.Entry<String, String> sample : SAMPLE_CHANNELS.entrySet()) {
                select.setString(1, sample.getValue());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the sample channel '" + sample.getValue() + "' was not imported from channels/");
                    }
                    samples.put(sample.getKey(), new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)});
                }
            }
        }
        return samples;
    }
}
