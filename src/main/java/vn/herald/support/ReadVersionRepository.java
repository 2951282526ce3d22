package vn.herald.support;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReadVersionRepository extends GenericRepository<ReadVersion, String> {
    Optional<Long> findVersionByScope(String scope);
}
