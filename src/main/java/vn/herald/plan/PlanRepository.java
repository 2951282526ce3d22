package vn.herald.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlanRepository extends CrudRepository<PlanRow, String> {

    List<PlanRow> findAllOrderByCode();

    List<PlanRow> findByUnitCodeInOrderByCode(Collection<String> unitCodes);
}
