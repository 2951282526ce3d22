package vn.herald.campaign;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CampaignSlotRepository extends CrudRepository<CampaignSlot, Long> {

    List<CampaignSlot> findByCampaignIdOrderByPlannedAt(long campaignId);

    @Query("select piece_id from campaign_piece where campaign_id = :campaignId and channel_id = :channelId")
    List<Long> piecesUsed(long campaignId, String channelId);

    @Query("insert into campaign_piece (campaign_id, channel_id, piece_id) values (:campaignId, :channelId, :pieceId)")
    void markUsed(long campaignId, String channelId, long pieceId);
}
