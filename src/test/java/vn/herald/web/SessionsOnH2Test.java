package vn.herald.web;

import java.nio.file.Path;
import java.util.Map;

class SessionsOnH2Test extends SessionsContract {
    @Override
    Map<String, Object> database(Path data) {
        return Map.of("datasources.default.url", "jdbc:h2:file:" + data.resolve("db/herald")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
