package vn.herald.publishing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import vn.herald.channel.PublishedPost;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublicationRepository extends CrudRepository<Publication, Long>, JpaSpecificationExecutor<Publication> {

    List<Publication> findByIdInList(Collection<Long> ids);

    List<Publication> findByPieceIdAndStatusInList(long pieceId, Collection<PublicationStatus> statuses);

    List<Publication> findByPieceIdInListAndStatusInList(Collection<Long> pieceIds, Collection<PublicationStatus> statuses);

    List<Publication> findByChannelIdAndStatusInList(String channelId, Collection<PublicationStatus> statuses);

    long countByStatus(PublicationStatus status);

    boolean existsByChannelIdAndExternalIdAndIdNotEqual(String channelId, String externalId, Long id);

    // SQL fixed at build time (a criteria query is turned into SQL again on every call, which cost more than the
    // query itself), and only the columns a calendar shows: a payload may hold a whole article
    @Query("select id, piece_id, channel_id, planned_at, status, warning from publication "
            + "where channel_id in (:channelIds) and planned_at >= :from and planned_at < :to order by planned_at, id")
    List<Publishing.Planned> findPlannedOn(Collection<String> channelIds, Instant from, Instant to);

    // the posts an engagement reading asks about, in id order from a cursor: a night's reading resumes where it stopped
    @Query("select id as publication_id, external_id, planned_at as published_at from publication where channel_id = :channelId "
            + "and status = 'PUBLISHED' and external_id is not null and planned_at >= :since and planned_at < :until "
            + "and id > :afterId "
            + "order by id limit :limit")
    List<PublishedPost> findPublishedPosts(String channelId, Instant since, Instant until, long afterId, int limit);

    @Query("select distinct piece_id from publication where channel_id in (:channelIds) and status not in (:except)")
    List<Long> findPieceIdsOnChannels(Collection<String> channelIds, Collection<PublicationStatus> except);
}
