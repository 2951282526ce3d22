package vn.herald.content;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AssetRepository extends CrudRepository<Asset, Long> {
    Optional<Asset> findBySha256(String sha256);
}
