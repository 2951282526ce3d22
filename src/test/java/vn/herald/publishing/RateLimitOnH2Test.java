package vn.herald.publishing;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** The embedded default: an H2 file database, which a restarted instance opens again. */
class RateLimitOnH2Test extends RateLimitContract {
    @Override
    Map<String, String> database() throws IOException {
        return Map.of("datasources.default.url", "jdbc:h2:file:" + Files.createTempDirectory("herald-limit-h2").resolve("herald")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }
}
