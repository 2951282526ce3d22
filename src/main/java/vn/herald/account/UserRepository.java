package vn.herald.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<User, Long> {
    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    List<User> findAllOrderByUsername();

    /** The ids of the enabled admins, locked until the transaction ends. */
    @Query("select id from app_user where enabled = true and roles like '%ADMIN%' for update")
    List<Long> lockEnabledAdmins();
}
