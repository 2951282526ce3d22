package vn.herald.publishing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublicationEventRepository extends GenericRepository<PublicationEvent, Long> {
    PublicationEvent save(PublicationEvent event);

    /** One JDBC batch: a planner's new publications each get their first event, a dispatch batch its moves. */
    List<PublicationEvent> saveAll(Iterable<PublicationEvent> events);

    List<PublicationEvent> findByPublicationIdOrderById(long publicationId);
}
