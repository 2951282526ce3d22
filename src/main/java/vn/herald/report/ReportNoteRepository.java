package vn.herald.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReportNoteRepository extends CrudRepository<ReportNote, Long> {

    List<ReportNote> findByUnitCodeAndPeriod(String unitCode, String period);

    Optional<ReportNote> findByUnitCodeAndPeriodAndPlanCodeAndTaskCode(String unitCode, String period, String planCode,
                                                                      String taskCode);
}
