package db.migration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.herald.content.SearchText;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Search without diacritics: a folded copy of the readable text beside each piece and each live portal page
 * ({@code search_text}), filled here for the rows that exist. A Java migration because the fold
 * ({@link SearchText}, Java's Unicode decomposition) exists in neither database, and because it runs exactly once,
 * inside the migration's transaction, before anything searches; from then on every write computes the column.
 * On PostgreSQL a trigram index serves the pieces list's {@code LIKE '% word %'} across all the units a province reads;
 * the portal searches one unit's live pages, which the unit's index already narrows.
 */
public class V21__Folded_search extends BaseJavaMigration {

    private static final int BATCH = 500;
    private static final Set<String> PAGE_TEXT = Set.of("title", "summary", "bodyHtml", "script", "caption");

    private final JsonFactory jsonFactory = new JsonFactory();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table piece add column search_text text");
            statement.execute("alter table portal_article add column search_text text");
        }
        foldPieces(connection);
        foldPortalPages(connection);
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_trgm");
                statement.execute("create index piece_search_text on piece using gin (search_text gin_trgm_ops)");
            }
        }
    }

    private void foldPieces(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("update piece set search_text = ? where id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery("select id, title, summary, body, script, caption from piece")) {
                int pending = 0;
                while (rows.next()) {
                    update.setString(1, SearchText.of(rows.getString("title"), rows.getString("summary"),
                            rows.getString("body"), rows.getString("script"), rows.getString("caption")));
                    update.setLong(2, rows.getLong("id"));
                    update.addBatch();
                    pending = flushWhenFull(update, pending + 1);
                }
                update.executeBatch();
            }
        }
    }

    private void foldPortalPages(Connection connection) throws SQLException, IOException {
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "update portal_article set search_text = ? where piece_id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery("select piece_id, page from portal_article")) {
                int pending = 0;
                while (rows.next()) {
                    Map<String, String> page = pageText(rows.getString("page"));
                    update.setString(1, SearchText.of(page.get("title"), page.get("summary"), page.get("bodyHtml"),
                            page.get("script"), page.get("caption")));
                    update.setLong(2, rows.getLong("piece_id"));
                    update.addBatch();
                    pending = flushWhenFull(update, pending + 1);
                }
                update.executeBatch();
            }
        }
    }

    private static int flushWhenFull(PreparedStatement update, int pending) throws SQLException {
        if (pending < BATCH) {
            return pending;
        }
        update.executeBatch();
        return 0;
    }

    /** The text fields of a frozen portal page (a {@code PortalPage} as JSON), read without binding the record. */
    private Map<String, String> pageText(String json) throws IOException {
        Map<String, String> text = new HashMap<>();
        try (JsonParser parser = jsonFactory.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return text;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && PAGE_TEXT.contains(name)) {
                    text.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return text;
    }
}
