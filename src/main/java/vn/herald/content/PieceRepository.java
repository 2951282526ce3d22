package vn.herald.content;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

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

    List<Piece> findByUnitCodeAndStatusOrderById(String unitCode, PieceStatus status);
}
