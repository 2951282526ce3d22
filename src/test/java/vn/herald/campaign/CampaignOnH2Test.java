package vn.herald.campaign;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

@MicronautTest(transactional = false)
class CampaignOnH2Test extends CampaignContract {
    @Override
    Map<String, String> databaseProperties() {
        return Map.of();
    }
}
