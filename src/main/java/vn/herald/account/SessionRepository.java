package vn.herald.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SessionRepository extends CrudRepository<Session, String> {

    @Query("update login_session set ended_at = :at, end_reason = :reason where id = :id and ended_at is null")
    int end(String id, Instant at, String reason);

    @Query("update login_session set ended_at = :at, end_reason = :reason where username = :username and ended_at is null and expires_at > :at")
    int endAllOf(String username, Instant at, String reason);

    @Query("delete from login_session where expires_at < :before")
    int deleteExpiredBefore(Instant before);
}
