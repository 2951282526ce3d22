package vn.herald.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContributionRepository extends CrudRepository<ContributionRow, Long> {

    List<ContributionRow> findByPlanCodeAndTaskCodeOrderByDoneOnDesc(String planCode, String taskCode);

    List<ContributionRow> findByPlanCodeAndUnitCodeAndDoneOnBetween(String planCode, String unitCode, LocalDate from, LocalDate to);
}
