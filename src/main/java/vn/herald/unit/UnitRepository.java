package vn.herald.unit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UnitRepository extends CrudRepository<Unit, String> {
    List<Unit> findAllOrderByCode();
}
