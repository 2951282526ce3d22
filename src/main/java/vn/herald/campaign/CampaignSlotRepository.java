package vn.herald.campaign;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CampaignSlotRepository extends CrudRepository<CampaignSlot, Long> {

    List<CampaignSlot> findByCampaignIdOrderByPlannedAt(long campaignId);

    /** A piece a campaign has put on a channel. */
    @Introspected
    record UsedPiece(String channelId, long pieceId) {}

    /**
     * The slots at or after {@code now} that take a piece: empty ones and those whose publication was cancelled or
     * expired, in time order.
     */
    @Query("select s.* from campaign_slot s left join publication p on p.id = s.publication_id "
            + "where s.campaign_id = :campaignId and s.planned_at >= :now "
            + "and (s.publication_id is null or p.status in ('CANCELLED', 'EXPIRED')) order by s.planned_at, s.id")
    List<CampaignSlot> findOpen(long campaignId, Instant now);

    @Query("select channel_id, piece_id from campaign_piece where campaign_id = :campaignId")
    List<UsedPiece> piecesUsed(long campaignId);

    @Query("select piece_id from campaign_piece where campaign_id = :campaignId and channel_id = :channelId")
    List<Long> piecesUsed(long campaignId, String channelId);

    @Query("insert into campaign_piece (campaign_id, channel_id, piece_id) values (:campaignId, :channelId, :pieceId)")
    void markUsed(long campaignId, String channelId, long pieceId);
}
