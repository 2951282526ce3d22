package vn.herald.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class ReachReportsOnH2Test extends ReachReportsContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
