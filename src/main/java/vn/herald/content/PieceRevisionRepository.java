package vn.herald.content;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Revisions are appended, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PieceRevisionRepository extends GenericRepository<PieceRevision, Long> {
    PieceRevision save(PieceRevision revision);

    List<PieceRevision> findByPieceIdOrderByRevision(long pieceId);
}
