package vn.herald.channel.video;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MadeVideoRepository extends CrudRepository<MadeVideo, Long> {

    List<MadeVideo> findByPieceId(long pieceId);

    Optional<MadeVideo> findByPieceIdAndRevisionAndShape(long pieceId, int revision, VideoShape shape);
}
