package vn.herald.portal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class PortalOnH2Test extends PortalContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
