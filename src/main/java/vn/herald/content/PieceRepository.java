package vn.herald.content;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PieceRepository extends CrudRepository<Piece, Long>, JpaSpecificationExecutor<Piece> {
    Optional<Piece> findBySourcePath(String sourcePath);

    boolean existsByUnitCodeAndSlug(String unitCode, String slug);

    List<Piece> findBySourcePathIsNotNull();

    // lists are JSON text: a label is found as its quoted JSON string inside the column
    @Query("select id from piece where topics like :pattern")
    List<Long> findIdsByTopicsLike(String pattern);

    @Query("select id from piece where campaigns like :pattern")
    List<Long> findIdsByCampaignsLike(String pattern);

    @Query("select id from piece where unit_code = :unitCode and campaigns like :pattern order by id limit :limit")
    List<Long> findIdsByUnitCodeAndCampaignsLike(String unitCode, String pattern, int limit);

    List<Pieces.Title> findByIdIn(Collection<Long> ids);

    List<Piece> findByIdInList(Collection<Long> ids);

    List<Piece> findByUnitCodeAndStatusOrderById(String unitCode, PieceStatus status);

    /** Moves a piece only if it is still at this revision and status; 0 when someone changed it first. */
    @Query("update piece set status = :status, status_reason = :reason, updated_at = :updatedAt"
            + " where id = :id and revision = :revision and status = :from")
    int updateStatus(long id, int revision, String from, String status, @Nullable String reason, Instant updatedAt);
}
