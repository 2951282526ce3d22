package vn.herald.plan;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class PlansOnH2Test extends PlanContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
