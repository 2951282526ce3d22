package vn.herald.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class TaskReportsOnH2Test extends TaskReportsContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
