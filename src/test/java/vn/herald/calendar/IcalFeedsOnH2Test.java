package vn.herald.calendar;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class IcalFeedsOnH2Test extends IcalFeedsContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
