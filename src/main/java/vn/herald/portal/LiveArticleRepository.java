package vn.herald.portal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import vn.herald.channel.eportal.PortalArticle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The portal's pages as residents may see them: a row of the portal's store whose publication is PUBLISHED and
 * whose piece is not archived. Joined at read time so that cancelling or archiving needs no second copy of the state.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LiveArticleRepository extends GenericRepository<PortalArticle, Long> {

    String JOINED = " from portal_article a join publication p on p.id = a.publication_id join piece pc on pc.id = a.piece_id";
    String LIVE = JOINED + " where p.status = 'PUBLISHED' and pc.status <> 'ARCHIVED'";
    String NEWEST_FIRST = " order by a.first_published_at desc, a.piece_id desc";

    @Query(value = "select a.*" + LIVE + NEWEST_FIRST + " limit :limit offset :offset", nativeQuery = true)
    List<PortalArticle> live(int limit, long offset);

    @Query(value = "select count(*)" + LIVE, nativeQuery = true)
    long countLive();

    /** {@code pattern} is {@code %|topic-key|%}. */
    @Query(value = "select a.*" + LIVE + " and a.topic_keys like :pattern" + NEWEST_FIRST + " limit :limit offset :offset",
            nativeQuery = true)
    List<PortalArticle> liveInTopic(String pattern, int limit, long offset);

    @Query(value = "select count(*)" + LIVE + " and a.topic_keys like :pattern", nativeQuery = true)
    long countLiveInTopic(String pattern);

    /** The unit's live pages whose folded text holds every pattern; an unused pattern is {@code %}. */
    String FOUND = LIVE + " and pc.unit_code = :unitCode and a.search_text like :w1 and a.search_text like :w2"
            + " and a.search_text like :w3 and a.search_text like :w4 and a.search_text like :w5";

    @Query(value = "select a.*" + FOUND + NEWEST_FIRST + " limit :limit offset :offset", nativeQuery = true)
    List<PortalArticle> liveFound(String unitCode, String w1, String w2, String w3, String w4, String w5, int limit,
                                  long offset);

    @Query(value = "select count(*)" + FOUND, nativeQuery = true)
    long countLiveFound(String unitCode, String w1, String w2, String w3, String w4, String w5);

    @Query(value = "select a.*" + LIVE + " and a.slug = :slug", nativeQuery = true)
    Optional<PortalArticle> liveBySlug(String slug);

    /** {@code pattern} is {@code %|sha256|%}. */
    @Query(value = "select count(*)" + LIVE + " and a.asset_keys like :pattern", nativeQuery = true)
    long countLiveShowing(String pattern);

    /** The unit's live radio pieces, newest first; {@code pattern} is {@code %|topic-key|%}, or {@code %} for all. */
    @Query(value = "select a.*" + LIVE + " and pc.unit_code = :unitCode and pc.kind = 'RADIO_SCRIPT'"
            + " and a.topic_keys like :pattern" + NEWEST_FIRST + " limit :limit", nativeQuery = true)
    List<PortalArticle> liveRadio(String unitCode, String pattern, int limit);

    /** The last change of anything the portal shows or has stopped showing: publishing, withdrawing, archiving. */
    @Query(value = "select max(greatest(a.updated_at, p.updated_at, pc.updated_at))" + JOINED, nativeQuery = true)
    Optional<Instant> lastChange();
}
