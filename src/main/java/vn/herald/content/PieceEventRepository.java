package vn.herald.content;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The audit trail is appended, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PieceEventRepository extends GenericRepository<PieceEvent, Long> {
    PieceEvent save(PieceEvent event);

    List<PieceEvent> findByPieceIdOrderById(long pieceId);

    List<PieceEvent> findByPieceIdInAndToStatusOrderById(java.util.Collection<Long> pieceIds, PieceStatus toStatus);
}
