package vn.herald.web;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.nio.file.Path;
import java.util.Map;

@ExtendWith(Postgres.class)
class SessionsOnPostgresTest extends SessionsContract {
    @Override
    Map<String, Object> database(Path data) {
        return Map.copyOf(Postgres.freshDatabase());
    }
}
