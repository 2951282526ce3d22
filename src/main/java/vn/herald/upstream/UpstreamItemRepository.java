package vn.herald.upstream;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UpstreamItemRepository extends CrudRepository<UpstreamItem, Long> {
    boolean existsByUnitCodeAndItemKeyInList(String unitCode, Collection<String> itemKey);
}
