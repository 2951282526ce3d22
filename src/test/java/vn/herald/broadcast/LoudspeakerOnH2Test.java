package vn.herald.broadcast;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class LoudspeakerOnH2Test extends LoudspeakerContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
