package vn.herald.upstream;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class UpstreamFeedsOnH2Test extends UpstreamFeedsContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
