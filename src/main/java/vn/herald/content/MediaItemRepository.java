package vn.herald.content;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MediaItemRepository extends CrudRepository<MediaItem, Long> {

    List<MediaItem> findByUnitCodeOrderByIdDesc(String unitCode);

    Optional<MediaItem> findByUnitCodeAndAssetId(String unitCode, long assetId);

    List<MediaItem> findByAssetId(long assetId);

    /** Pieces of the unit that use the file: as cover, image or recording, or as a figure in the text. */
    @Query("select id from piece where unit_code = :unitCode and (cover_asset_id = :assetId or image_asset_id = :assetId"
            + " or audio_asset_id = :assetId or body like :figure) order by id")
    List<Long> findUsingPieceIds(String unitCode, long assetId, String figure);
}
