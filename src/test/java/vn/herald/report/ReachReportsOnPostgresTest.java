package vn.herald.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.util.Map;

@ExtendWith(Postgres.class)
@MicronautTest(transactional = false)
class ReachReportsOnPostgresTest extends ReachReportsContract {
    @Override
    Map<String, String> databaseProperties() {
        return Postgres.freshDatabase();
    }
}
