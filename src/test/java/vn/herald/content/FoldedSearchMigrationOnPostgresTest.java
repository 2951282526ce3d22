package vn.herald.content;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.util.Map;

@ExtendWith(Postgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoldedSearchMigrationOnPostgresTest extends FoldedSearchMigrationContract {

    private Map<String, String> database;

    @Override
    String url() {
        return properties().get("datasources.default.url");
    }

    @Override
    String user() {
        return properties().get("datasources.default.username");
    }

    private Map<String, String> properties() {
        if (database == null) {
            database = Postgres.freshDatabase();
        }
        return database;
    }
}
