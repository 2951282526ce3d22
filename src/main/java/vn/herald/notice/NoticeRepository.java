package vn.herald.notice;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface NoticeRepository extends GenericRepository<Notice, Long> {

    Notice save(Notice notice);

    List<Notice> findTop100ByUsernameOrderByIdDesc(String username);

    long countByUsernameAndReadAtIsNull(String username);

    Optional<Notice> findByIdAndUsername(long id, String username);

    boolean existsByUsernameAndOnceKey(String username, String onceKey);

    @Query("update notice set read_at = :at where id = :id and username = :username and read_at is null")
    int markRead(long id, String username, Instant at);

    @Query("update notice set read_at = :at where username = :username and read_at is null")
    int markAllRead(String username, Instant at);
}
