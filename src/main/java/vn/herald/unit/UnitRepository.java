package vn.herald.unit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UnitRepository extends CrudRepository<Unit, String> {
    List<Unit> findAllOrderByCode();

    /** Every unit below this one, at any depth. */
    @Query(value = """
            with recursive below(code) as (
                select code from unit where parent_code = :code
                union all
                select u.code from unit u join below b on u.parent_code = b.code)
            select code from below""", nativeQuery = true)
    List<String> findCodesBelow(String code);
}
