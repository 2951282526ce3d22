package vn.herald.support;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.util.Map;

@ExtendWith(Postgres.class)
class ReadVersionsOnPostgresTest extends ReadVersionsContract {
    @Override
    Map<String, Object> databaseProperties() {
        return Map.copyOf(Postgres.freshDatabase());
    }
}
