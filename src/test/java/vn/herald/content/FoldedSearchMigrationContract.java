package vn.herald.content;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V21 on a database that already holds pieces and live portal pages: after it they are found without diacritics,
 * written once and run on every database.
 */
abstract class FoldedSearchMigrationContract {

    private static final MigrationVersion V21 = MigrationVersion.fromVersion("21");

    abstract String url();

    abstract String user();

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure().dataSource(url(), user(), "").locations("classpath:db/migration").target(target).load();
    }

    /** The last migration before V21, whichever number it has. */
    private MigrationVersion beforeV21() {
        return Arrays.stream(flyway(MigrationVersion.LATEST).info().all()).map(MigrationInfo::getVersion)
                .filter(version -> version.compareTo(V21) < 0).max(Comparator.naturalOrder()).orElseThrow();
    }

    @Test
    void rowsWrittenBeforeV21AreFoundWithoutDiacriticsAfterIt() throws SQLException {
        flyway(beforeV21()).migrate();
        String page = "{\"pieceId\":1,\"unitCode\":\"xa-hoa-an\",\"slug\":\"canh-giac\",\"kind\":\"ARTICLE\","
                + "\"title\":\"Cảnh giác lừa đảo\",\"summary\":null,\"bodyHtml\":\"<p>Tiểu thương <b>Chợ Hòa An</b></p>\","
                + "\"topics\":[\"Khuổi Nọi\"],\"cover\":{\"sha256\":\"ab\",\"mediaType\":\"image/png\",\"sizeBytes\":1},"
                + "\"figures\":[]}";
        try (Connection connection = DriverManager.getConnection(url(), user(), "");
             Statement sql = connection.createStatement()) {
            sql.execute("insert into unit (code, name, zone, created_at, updated_at) values ('xa-hoa-an', 'Xã Hòa An', "
                    + "'Asia/Ho_Chi_Minh', current_timestamp, current_timestamp)");
            sql.execute("insert into piece (id, unit_code, kind, slug, title, summary, body, script, caption, topics, "
                    + "audiences, campaigns, variants, status, revision, created_at, updated_at) values "
                    + "(1, 'xa-hoa-an', 'ARTICLE', 'canh-giac', 'Cảnh giác lừa đảo', 'Giả danh công an', "
                    + "'<p>Tiểu thương <b>Chợ Hòa An</b></p>', null, null, '[]', '[]', '[]', '{}', 'APPROVED', 1, "
                    + "current_timestamp, current_timestamp), "
                    + "(2, 'xa-hoa-an', 'RADIO_SCRIPT', 'ban-tin', 'Bản tin tuần', null, null, 'Kính thưa bà con Đồng Kè', "
                    + "null, '[]', '[]', '[]', '{}', 'DRAFT', 1, current_timestamp, current_timestamp)");
            sql.execute("insert into channel (id, unit_code, type, mode, name, settings, source_hash, created_at, updated_at) "
                    + "values ('portal', 'xa-hoa-an', 'EPORTAL', 'live', 'Cổng', '{}', 'x', current_timestamp, current_timestamp)");
            sql.execute("insert into publication (id, piece_id, piece_revision, channel_id, unit_code, planned_at, deadline, "
                    + "status, payload, payload_summary, attempts, created_by, created_at, updated_at) values (1, 1, 1, "
                    + "'portal', 'xa-hoa-an', current_timestamp, current_timestamp, 'PUBLISHED', '{}', 'x', 1, 'test', "
                    + "current_timestamp, current_timestamp)");
            sql.execute("insert into portal_article (piece_id, slug, channel_id, publication_id, page, topic_keys, asset_keys, "
                    + "first_published_at, updated_at) values (1, 'canh-giac', 'portal', 1, '" + page + "', '||', '||', "
                    + "current_timestamp, current_timestamp)");
        }

        flyway(V21).migrate();

        try (Connection connection = DriverManager.getConnection(url(), user(), "");
             Statement sql = connection.createStatement()) {
            assertEquals(" canh giac lua dao gia danh cong an tieu thuong cho hoa an ",
                    one(sql, "select search_text from piece where id = 1"));
            assertEquals(" ban tin tuan kinh thua ba con dong ke ", one(sql, "select search_text from piece where id = 2"));
            assertEquals(" canh giac lua dao tieu thuong cho hoa an ",
                    one(sql, "select search_text from portal_article where piece_id = 1"));
            assertEquals("1", one(sql, "select id from piece where search_text like '% lua %' and search_text like '% cho %'"));
        }
        assertEquals(V21, flyway(V21).info().current().getVersion());
    }

    private static String one(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertTrue(rows.next(), query);
            String value = rows.getString(1);
            assertFalse(rows.next(), "one row: " + query);
            return value;
        }
    }
}
