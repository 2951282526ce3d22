package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.herald.support.Folding;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Each unit's media library: the pictures and recordings its pieces use, how they are described, and where each is
 * used. A file uploaded once is chosen again from here for another piece, never uploaded twice.
 */
@Singleton
public class MediaLibrary {

    /** Where the logged-in editors' pages fetch a stored file, before any publication makes it public elsewhere. */
    public static final String FILE_PATH = "/media/files/";

    /** One piece using a file, and in which roles. */
    @Serdeable
    public record Use(long pieceId, String title, PieceStatus status, List<AssetRole> roles) {}

    /** A library entry as pages and the API show it. */
    @Serdeable
    public record Entry(long id, String unitCode, long assetId, AssetKind kind, String mediaType, long sizeBytes,
                        @Nullable String originalName, @Nullable String altText, String fileUrl, List<Use> uses) {}

    private final MediaItemRepository items;
    private final PieceRepository pieces;
    private final Assets assets;
    private final Access access;
    private final Clock clock;

    MediaLibrary(MediaItemRepository items, PieceRepository pieces, Assets assets, Access access, Clock clock) {
        this.items = items;
        this.pieces = pieces;
        this.assets = assets;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The unit's files, newest first; {@code text}, when given, is matched without diacritics against the file's
     * name, its description and the titles of the pieces using it ("lua dao" finds "Cảnh giác lừa đảo").
     */
    public List<Entry> list(@Nullable String unitCode, @Nullable String text, @Nullable AssetKind kind) {
        String unit = access.unit(unitCode, "unit").code();
        String wanted = Folding.fold(text);
        List<Entry> found = new ArrayList<>();
        for (MediaItem item : items.findByUnitCodeOrderByIdDesc(unit)) {
            Optional<Entry> entry = entryOf(item);
            if (entry.isEmpty() || (kind != null && entry.get().kind() != kind)) {
                continue;
            }
            if (wanted.isEmpty() || Folding.fold(searchable(entry.get())).contains(wanted)) {
                found.add(entry.get());
            }
        }
        return found;
    }

    public Entry get(long id) {
        return entryOf(readable(id)).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, id));
    }

    /**
     * Changes the library's description of a file: the text offered whenever the file is chosen for a piece from now
     * on. Pieces already using it keep the description written into them (they were reviewed with it); {@link Entry#uses}
     * names them so the editor can change each one.
     */
    @Transactional
    public Entry describe(long id, @Nullable String altText) {
        MediaItem item = readable(id);
        access.act(item.unitCode(), Refusal.Noun.FILE, id);
        String text = altText == null ? null : CleanText.line(altText).strip();
        List<Refusal.FieldError> errors = new ArrayList<>();
        PieceLimits.checkLength("altText", text, PieceLimits.ALT_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, RefusalCode.PIECE_INVALID, errors);
        }
        items.update(item.withAltText(text == null || text.isEmpty() ? null : text));
        return get(id);
    }

    /** A stored file on disk and the type it is served with. */
    public record StoredFile(Path path, String mediaType) {}

    /**
     * The stored file by its hash, when it is in the library of a unit the caller reads: editors' pages show it before
     * any publication makes it public elsewhere. Another unit's file answers as a missing one.
     */
    public StoredFile file(String sha256) {
        Asset asset = assets.findBySha256(sha256).filter(found -> items.findByAssetId(found.id()).stream()
                .anyMatch(item -> access.reach().canRead(item.unitCode()))).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, sha256));
        return new StoredFile(assets.fileOf(asset), asset.mediaType());
    }

    /** The entry a piece of this unit may take the file from; another unit's entry is not found. */
    Asset assetFor(long itemId, String unitCode) {
        MediaItem item = items.findById(itemId).filter(found -> found.unitCode().equals(unitCode))
                .orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, itemId));
        return assets.find(item.assetId()).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, itemId));
    }

    /** The library's description of a file of the unit, offered when a piece takes it without one of its own. */
    Optional<String> altTextOf(String unitCode, long assetId) {
        return items.findByUnitCodeAndAssetId(unitCode, assetId).map(MediaItem::altText);
    }

    /**
     * Keeps a file Herald made from a piece of the unit (a video and its captions) in the unit's library, so the
     * unit's editors' pages play it from {@link #FILE_PATH} like a file they uploaded.
     */
    public void keepMade(String unitCode, Asset asset) {
        keep(unitCode, asset, null, "herald");
    }

    /** Keeps a file a piece of the unit now uses in the unit's library; the first description given stays. */
    void keep(String unitCode, Asset asset, @Nullable String altText, String actor) {
        Optional<MediaItem> known = items.findByUnitCodeAndAssetId(unitCode, asset.id());
        if (known.isEmpty()) {
            items.save(new MediaItem(null, unitCode, asset.id(), blankToNull(altText), actor, clock.instant()));
        } else if (known.get().altText() == null && blankToNull(altText) != null) {
            items.update(known.get().withAltText(altText.strip()));
        }
    }

    private MediaItem readable(long id) {
        MediaItem item = items.findById(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.FILE, id));
        access.read(item.unitCode(), Refusal.Noun.FILE, id);
        return item;
    }

    private Optional<Entry> entryOf(MediaItem item) {
        return assets.find(item.assetId()).map(asset -> new Entry(Objects.requireNonNull(item.id()), item.unitCode(),
                asset.id(), asset.kind(), asset.mediaType(), asset.sizeBytes(), asset.originalName(), item.altText(),
                FILE_PATH + asset.sha256(), usesOf(item.unitCode(), asset)));
    }

    private List<Use> usesOf(String unitCode, Asset asset) {
        List<Use> uses = new ArrayList<>();
        for (long pieceId : items.findUsingPieceIds(unitCode, asset.id(), "%" + asset.url() + "%")) {
            pieces.findById(pieceId).ifPresent(piece -> {
                List<AssetRole> roles = new ArrayList<>();
                if (Objects.equals(piece.coverAssetId(), asset.id())) {
                    roles.add(AssetRole.COVER);
                }
                if (Objects.equals(piece.imageAssetId(), asset.id())) {
                    roles.add(AssetRole.IMAGE);
                }
                if (Objects.equals(piece.audioAssetId(), asset.id())) {
                    roles.add(AssetRole.AUDIO);
                }
                if (piece.body() != null && piece.body().contains(asset.url())) {
                    roles.add(AssetRole.FIGURE);
                }
                uses.add(new Use(pieceId, piece.title(), piece.status(), List.copyOf(roles)));
            });
        }
        return uses;
    }

    private static String searchable(Entry entry) {
        StringBuilder text = new StringBuilder();
        text.append(Objects.requireNonNullElse(entry.originalName(), "")).append(' ')
                .append(Objects.requireNonNullElse(entry.altText(), ""));
        entry.uses().forEach(use -> text.append(' ').append(use.title()));
        return text.toString();
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
