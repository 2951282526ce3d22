package vn.herald.portal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class PodcastOnH2Test extends PodcastContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
