package vn.herald.publishing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublicationRepository extends CrudRepository<Publication, Long>, JpaSpecificationExecutor<Publication> {

    List<Publication> findByPieceIdAndStatusInList(long pieceId, Collection<PublicationStatus> statuses);

    List<Publication> findByChannelIdAndStatusInList(String channelId, Collection<PublicationStatus> statuses);

    long countByStatus(PublicationStatus status);
}
