package vn.herald.calendar;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FillItemRepository extends CrudRepository<FillItem, Long> {

    List<FillItem> findByFillIdOrderByPosition(long fillId);
}
