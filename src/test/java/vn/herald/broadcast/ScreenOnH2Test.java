package vn.herald.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class ScreenOnH2Test extends ScreenContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
