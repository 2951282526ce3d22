package vn.herald.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaskStateRepository extends CrudRepository<TaskStateRow, Long> {

    List<TaskStateRow> findByPlanCodeAndUnitCode(String planCode, String unitCode);

    Optional<TaskStateRow> findByPlanCodeAndTaskCodeAndUnitCode(String planCode, String taskCode, String unitCode);
}
