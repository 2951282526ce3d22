package vn.herald.calendar;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IcalFeedRepository extends CrudRepository<IcalFeed, Long> {

    Optional<IcalFeed> findByTokenHash(String tokenHash);

    Optional<IcalFeed> findByScopeAndSubject(IcalScope scope, String subject);
}
