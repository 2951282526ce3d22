package vn.herald.unit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UnitGrantRepository extends CrudRepository<UnitGrant, Long> {

    List<UnitGrant> findByUsername(String username);

    List<UnitGrant> findByUnitCodeOrderByUsername(String unitCode);

    Optional<UnitGrant> findByUsernameAndUnitCode(String username, String unitCode);
}
