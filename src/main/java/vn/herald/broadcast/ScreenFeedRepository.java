package vn.herald.broadcast;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScreenFeedRepository extends CrudRepository<ScreenFeed, String> {

    Optional<ScreenFeed> findByTokenHash(String tokenHash);
}
