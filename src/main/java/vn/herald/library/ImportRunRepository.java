package vn.herald.library;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ImportRunRepository extends CrudRepository<ImportRun, Long> {
    Optional<ImportRun> findFirstOrderByIdDesc();
}
