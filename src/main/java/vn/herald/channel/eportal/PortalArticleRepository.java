package vn.herald.channel.eportal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PortalArticleRepository extends CrudRepository<PortalArticle, Long> {

    Optional<PortalArticle> findBySlug(String slug);

    Optional<PortalArticle> findByPublicationId(long publicationId);
}
