package vn.herald.channel.youtube;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class YouTubeDispatchOnH2Test extends YouTubeDispatchContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
