package vn.herald.publishing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AttemptRepository extends CrudRepository<Attempt, Long> {
    List<Attempt> findByPublicationIdOrderByNumber(long publicationId);

    Optional<Attempt> findByPublicationIdAndNumber(long publicationId, int number);
}
