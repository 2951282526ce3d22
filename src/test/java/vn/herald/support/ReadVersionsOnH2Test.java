package vn.herald.support;

import java.util.Map;
import java.util.UUID;

class ReadVersionsOnH2Test extends ReadVersionsContract {
    @Override
    Map<String, Object> databaseProperties() {
        // one named in-memory database that both instances of this JVM open
        return Map.of("datasources.default.url", "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
