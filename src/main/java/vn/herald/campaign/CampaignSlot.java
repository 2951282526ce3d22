package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A planned moment of a campaign on a channel; the publication that fills it, if any, tells its status. */
@MappedEntity("campaign_slot")
record CampaignSlot(
        @Id @GeneratedValue @Nullable Long id,
        long campaignId,
        String channelId,
        Instant plannedAt,
        @Nullable Long publicationId) {

    CampaignSlot filledBy(long publication) {
        return new CampaignSlot(id, campaignId, channelId, plannedAt, publication);
    }
}
