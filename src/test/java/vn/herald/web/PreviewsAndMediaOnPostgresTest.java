package vn.herald.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.util.Map;

@ExtendWith(Postgres.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewsAndMediaOnPostgresTest extends PreviewsAndMediaContract implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        return Postgres.freshDatabase();
    }
}
