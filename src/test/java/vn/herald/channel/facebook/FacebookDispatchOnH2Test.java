package vn.herald.channel.facebook;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class FacebookDispatchOnH2Test extends FacebookDispatchContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
