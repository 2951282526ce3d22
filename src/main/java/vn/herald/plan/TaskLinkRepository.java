package vn.herald.plan;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaskLinkRepository extends CrudRepository<TaskLinkRow, Long> {

    Optional<TaskLinkRow> findBySubjectAndSubjectId(TaskLinkRow.Subject subject, String subjectId);

    List<TaskLinkRow> findBySubjectAndSubjectIdIn(TaskLinkRow.Subject subject, Collection<String> subjectIds);

    List<TaskLinkRow> findByPlanCodeAndTaskCode(String planCode, String taskCode);

    void deleteBySubjectAndSubjectId(TaskLinkRow.Subject subject, String subjectId);
}
