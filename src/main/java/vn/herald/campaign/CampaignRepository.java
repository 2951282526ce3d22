package vn.herald.campaign;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CampaignRepository extends CrudRepository<Campaign, Long> {

    boolean existsByCodeAndYearAndUnitCode(String code, int year, String unitCode);

    Optional<Campaign> findByCodeAndYearAndUnitCode(String code, int year, String unitCode);

    List<Campaign> findByWindowEndGreaterThanEquals(LocalDate day);

    /** Holds the campaign's row until the transaction ends: fills of one campaign never interleave on any instance. */
    @Query("select * from campaign where id = :id for update")
    Optional<Campaign> lock(long id);
}
