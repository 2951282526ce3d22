package vn.herald.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginFailureRepository extends CrudRepository<LoginFailure, Long> {

    List<LoginFailure> findByKeyHashInAndFailedAtGreaterThanOrderByFailedAtDesc(Collection<String> keyHashes, Instant after);

    @Query("delete from login_failure where key_hash = :keyHash")
    int forget(String keyHash);

    @Query("delete from login_failure where failed_at <= :before")
    int deleteOlderThan(Instant before);
}
