package vn.herald.engagement;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class EngagementOnH2Test extends EngagementContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
