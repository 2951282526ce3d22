package vn.herald.channel.wordpress;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class WordPressDispatchOnH2Test extends WordPressDispatchContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
