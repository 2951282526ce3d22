package vn.herald.publishing;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** On PostgreSQL several instances share the database, and the limit. */
@ExtendWith(Postgres.class)
class RateLimitOnPostgresTest extends RateLimitContract {
    @Override
    Map<String, String> database() {
        return Postgres.freshDatabase();
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheLimit() throws IOException {
        Map<String, String> settings = settings();
        ApplicationContext first = start(settings);
        ApplicationContext second = start(settings);
        List<Long> ids = scheduleBurst(first);

        drive(ids, List.of(first, second), MORNING.plus(Duration.ofMinutes(10)));

        assertEveryWindowHolds(first, ids);
    }
}
