package vn.herald.publishing;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class DispatchOnH2Test extends DispatchContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
