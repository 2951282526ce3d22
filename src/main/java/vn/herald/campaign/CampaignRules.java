package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.channel.ChannelType;

import java.util.List;
import java.util.Map;

/** What feeds a campaign and how often each channel type carries it, frozen on the instance when it is launched. */
@Serdeable
record CampaignRules(String tag, List<String> topics, Map<ChannelType, Cadence> cadence, @Nullable String description) {

    static CampaignRules of(CampaignTemplate template) {
        return new CampaignRules(template.tag(), template.topics(), template.cadence(), template.description());
    }

    Cadence cadenceOf(ChannelType type) {
        return cadence.getOrDefault(type, Cadence.NONE);
    }
}
