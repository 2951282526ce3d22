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

    /** The units that have the instance already: one query for a sweep's thousands of units. */
    @Query("select unit_code from campaign where code = :code and campaign_year = :year")
    List<String> findUnitCodeByCodeAndYear(String code, int year);

    /**
     * Approved pieces whose tags match {@code pattern} (a LIKE pattern of the tag as a JSON string), oldest first: the
     * piece table read directly because a sweep needs a few columns of thousands of units' pieces at once.
     */
    @Query("select id, unit_code, kind from piece where status = 'APPROVED' and campaigns like :pattern order by id")
    List<CampaignLauncher.Candidate> findApprovedTagged(String pattern);

    @Query("select id, unit_code, kind from piece where unit_code = :unitCode and status = 'APPROVED' "
            + "and campaigns like :pattern order by id")
    List<CampaignLauncher.Candidate> findApprovedTaggedOf(String unitCode, String pattern);

    Optional<Campaign> findByCodeAndYearAndUnitCode(String code, int year, String unitCode);

    List<Campaign> findByWindowEndGreaterThanEquals(LocalDate day);

    /** Holds the campaign's row until the transaction ends: fills of one campaign never interleave on any instance. */
    @Query("select * from campaign where id = :id for update")
    Optional<Campaign> lock(long id);
}
