package vn.herald.channel.youtube;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;
import java.util.UUID;

@MicronautTest(transactional = false)
class YouTubeDispatchOnH2Test extends YouTubeDispatchContract {
    @Override
    Map<String, String> databaseProperties() {
        // named, so that a second start of the service in the same test finds the same database
        return Map.of("datasources.default.url", "jdbc:h2:mem:youtube-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
