package vn.herald.content;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;

import java.io.InputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Pieces: writing, revisions, the approval workflow and assets. Other features use this, never the repositories. */
@Singleton
public class Pieces {

    /** Filters of the piece list; every one is optional. */
    public record Filter(@Nullable String unitCode, @Nullable PieceKind kind, @Nullable PieceStatus status,
                         @Nullable String topic, @Nullable String campaign, @Nullable String text) {}

    /** A kept revision as the API shows it. */
    @Serdeable
    public record Revision(int revision, PieceContent content, String changedBy, Instant createdAt) {}

    private final PieceRepository pieces;
    private final PieceRevisionRepository revisions;
    private final PieceEventRepository events;
    private final Assets assets;
    private final MediaLibrary media;
    private final HtmlText html;
    private final Access access;
    private final ContentConfig config;
    private final ReviewConfig review;
    private final JsonMapper json;
    private final ApplicationEventPublisher<PieceChanged> changes;
    private final ApplicationEventPublisher<PieceReviewed> reviews;
    private final Clock clock;

    Pieces(PieceRepository pieces, PieceRevisionRepository revisions, PieceEventRepository events, Assets assets,
           MediaLibrary media, HtmlText html, Access access, ContentConfig config, ReviewConfig review, JsonMapper json,
           ApplicationEventPublisher<PieceChanged> changes, ApplicationEventPublisher<PieceReviewed> reviews, Clock clock) {
        this.pieces = pieces;
        this.revisions = revisions;
        this.events = events;
        this.assets = assets;
        this.media = media;
        this.html = html;
        this.access = access;
        this.config = config;
        this.review = review;
        this.json = json;
        this.changes = changes;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** A piece's title alone, for lists that show many (the calendar). */
    @Introspected
    public record Title(long id, String title) {}

    /** The titles of these pieces by id; ids of no piece are left out. */
    public Map<Long, String> titles(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return pieces.findByIdIn(ids).stream().collect(Collectors.toMap(Title::id, Title::title));
    }

    /**
     * The ids of the unit's pieces carrying a campaign tag, whoever asks: the public portal marks which of its live
     * pieces a campaign features. Ids only, nothing of a piece's content.
     */
    public Set<Long> taggedFor(String unitCode, String tag, int limit) {
        return Set.copyOf(pieces.findIdsByUnitCodeAndCampaignsLike(unitCode, jsonElementPattern(tag), limit));
    }

    /** Every piece of the unit in this status, by id. */
    public List<Piece> ofUnit(String unitCode, PieceStatus status) {
        return pieces.findByUnitCodeAndStatusOrderById(unitCode, status);
    }

    /** A piece of a unit the caller reaches; another unit's answers as a missing one does. */
    public Piece get(long id) {
        Piece piece = pieces.findById(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PIECE, id));
        access.read(piece.unitCode(), Refusal.Noun.PIECE, id);
        return piece;
    }

    /** Pieces by id, each of a unit the caller reaches, in one query; an id not found is left out. */
    public Map<Long, Piece> getAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Piece> found = new HashMap<>();
        for (Piece piece : pieces.findByIdInList(ids)) {
            access.read(piece.unitCode(), Refusal.Noun.PIECE, piece.id());
            found.put(piece.id(), piece);
        }
        return found;
    }

    private Piece toChange(long id) {
        Piece piece = get(id);
        access.act(piece.unitCode(), Refusal.Noun.PIECE, id);
        return piece;
    }

    /** The pieces of the units the caller reaches that pass the filter. */
    public Page<Piece> list(Filter filter, Pageable pageable) {
        List<PredicateSpecification<Piece>> conditions = new ArrayList<>();
        Optional<Set<String>> readable = access.readableUnits();
        if (readable.isPresent() && readable.get().isEmpty()) {
            return Page.empty();
        }
        readable.ifPresent(units -> conditions.add((root, cb) -> root.get("unitCode").in(units)));
        if (filter.unitCode() != null) {
            conditions.add((root, cb) -> cb.equal(root.get("unitCode"), filter.unitCode()));
        }
        if (filter.kind() != null) {
            conditions.add((root, cb) -> cb.equal(root.get("kind"), filter.kind()));
        }
        if (filter.status() != null) {
            conditions.add((root, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.topic() != null) {
            List<Long> ids = pieces.findIdsByTopicsLike(jsonElementPattern(filter.topic()));
            if (ids.isEmpty()) {
                return Page.of(List.of(), pageable, 0L);
            }
            conditions.add((root, cb) -> root.get("id").in(ids));
        }
        if (filter.campaign() != null) {
            List<Long> ids = pieces.findIdsByCampaignsLike(jsonElementPattern(filter.campaign()));
            if (ids.isEmpty()) {
                return Page.of(List.of(), pageable, 0L);
            }
            conditions.add((root, cb) -> root.get("id").in(ids));
        }
        // every word of the text, folded, in any order: "lua dao" finds "Lừa đảo"
        for (String pattern : SearchText.patterns(filter.text())) {
            conditions.add((root, cb) -> cb.like(root.get("searchText"), pattern));
        }
        PredicateSpecification<Piece> where = conditions.stream().reduce(PredicateSpecification::and).orElse(null);
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : Pageable.from(pageable.getNumber(), pageable.getSize(), Sort.of(Sort.Order.desc("updatedAt"), Sort.Order.desc("id")));
        return pieces.findAll(where, ordered);
    }

    @Transactional
    public Piece create(PieceForm form, String actor) {
        if (form.kind() == null) {
            throw Refusal.invalid("kind", RefusalCode.PIECE_KIND_REQUIRED);
        }
        String unitCode = access.unitToChange(form.unitCode(), "unitCode").code();
        PieceContent content = contentOf(form, form.kind(), null);
        return insert(unitCode, content, PieceStatus.DRAFT, null, null, actor);
    }

    @Transactional
    public Piece update(long id, PieceForm form, String actor) {
        Piece piece = toChange(id);
        if (form.revision() == null) {
            throw Refusal.invalid("revision", RefusalCode.REVISION_REQUIRED);
        }
        if (form.revision() != piece.revision()) {
            throw Refusal.conflict(RefusalCode.EDITED_STALE_REVISION, id, piece.revision(), form.revision());
        }
        if (form.kind() != null && form.kind() != piece.kind()) {
            throw Refusal.invalid("kind", RefusalCode.PIECE_KIND_FIXED, new Refusal.Word("kind." + piece.kind()),
                    new Refusal.Word("kind." + form.kind()));
        }
        if (piece.status() == PieceStatus.ARCHIVED) {
            throw Refusal.conflict(RefusalCode.PIECE_ARCHIVED, id);
        }
        return change(piece, contentOf(form, piece.kind(), piece.content()), PieceStatus.DRAFT, piece.sourceHash(), actor,
                PieceEvent.EDITED, Map.of());
    }

    public List<Revision> revisions(long id) {
        get(id);
        return revisions.findByPieceIdOrderByRevision(id).stream()
                .map(r -> new Revision(r.revision(), JsonColumns.read(json, r.snapshot(),
                        io.micronaut.core.type.Argument.of(PieceContent.class)), r.changedBy(), r.createdAt()))
                .toList();
    }

    public List<PieceEvent> events(long id) {
        get(id);
        return events.findByPieceIdOrderById(id);
    }

    @Transactional
    public Piece submit(long id, String actor) {
        Piece piece = toChange(id);
        List<Refusal.FieldError> missing = missingForReview(piece);
        if (!missing.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, RefusalCode.PIECE_NOT_READY, missing, id);
        }
        return move(piece, PieceStatus.IN_REVIEW, PieceEvent.SUBMITTED, Map.of(), null, actor);
    }

    /**
     * Approves the revision the approver read: a newer one (saved or attached to meanwhile) is refused, and so is
     * the piece's own author unless {@code herald.review.self-approval} allows it.
     */
    @Transactional
    public Piece approve(long id, int readRevision, String actor) {
        Piece piece = reviewed(id, readRevision);
        if (!review.selfApproval()) {
            List<PieceRevision> kept = revisions.findByPieceIdOrderByRevision(id);
            boolean author = kept.stream().anyMatch(r -> r.revision() == 1 && r.changedBy().equals(actor))
                    || kept.stream().anyMatch(r -> r.revision() == piece.revision() && r.changedBy().equals(actor));
            if (author) {
                throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.SELF_APPROVAL);
            }
        }
        return announced(move(piece, PieceStatus.APPROVED, PieceEvent.APPROVED, Map.of("revision", Integer.toString(readRevision)),
                null, actor), true, null, actor);
    }

    /** Sends back the revision the approver read, with the reason its author needs. */
    @Transactional
    public Piece reject(long id, int readRevision, @Nullable String reason, String actor) {
        String why = reason == null ? "" : CleanText.text(reason).strip();
        if (why.isEmpty()) {
            throw Refusal.invalid("reason", RefusalCode.REJECT_REASON_REQUIRED);
        }
        Piece piece = reviewed(id, readRevision);
        if (piece.status() != PieceStatus.IN_REVIEW) {
            throw Refusal.conflict(RefusalCode.REJECT_NOT_IN_REVIEW, id, new Refusal.Word("status." + piece.status()));
        }
        return announced(move(piece, PieceStatus.DRAFT, PieceEvent.REJECTED, Map.of("revision", Integer.toString(readRevision)), why,
                actor), false, why, actor);
    }

    private Piece announced(Piece piece, boolean approved, @Nullable String reason, String reviewer) {
        List<PieceRevision> kept = revisions.findByPieceIdOrderByRevision(piece.id());
        Set<String> writers = kept.stream()
                .filter(r -> r.revision() == 1 || r.revision() == piece.revision())
                .map(PieceRevision::changedBy)
                .filter(name -> !name.equals("import") && !name.equals(reviewer))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        reviews.publishEvent(new PieceReviewed(piece.id(), piece.unitCode(), piece.title(), approved, reason, reviewer,
                writers));
        return piece;
    }

    /** When each of these pieces was last sent to review and by whom: the review queue shows it. */
    public Map<Long, PieceEvent> submissions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return events.findByPieceIdInAndToStatusOrderById(ids, PieceStatus.IN_REVIEW).stream()
                .collect(Collectors.toMap(PieceEvent::pieceId, e -> e, (earlier, later) -> later));
    }

    private Piece reviewed(long id, int readRevision) {
        Piece piece = toChange(id);
        if (piece.revision() != readRevision) {
            throw new Refusal(Refusal.Kind.CONFLICT, RefusalCode.REVISION_CHANGED, readRevision, piece.revision());
        }
        return piece;
    }

    @Transactional
    public Piece archive(long id, @Nullable String reason, String actor) {
        return move(toChange(id), PieceStatus.ARCHIVED, PieceEvent.ARCHIVED, Map.of(),
                reason == null ? null : CleanText.text(reason).strip(), actor);
    }

    /** Attaches an uploaded file; an image needs its alt text, for readers who cannot see it. */
    @Transactional
    public AttachedAsset attach(long id, AssetRole role, InputStream file, String fileName, @Nullable String altText,
                                String actor) {
        Piece piece = toChange(id);
        refuseArchived(piece);
        return attachStored(piece, role, assets.store(file, fileName), fileName, altText, actor);
    }

    /**
     * Attaches a file the piece's unit already keeps in its media library, without uploading it again; with no alt
     * text of its own the library's description is used.
     */
    @Transactional
    public AttachedAsset reuse(long id, AssetRole role, long mediaItemId, @Nullable String altText, String actor) {
        Piece piece = toChange(id);
        refuseArchived(piece);
        Asset asset = media.assetFor(mediaItemId, piece.unitCode());
        String alt = altText != null && !altText.isBlank() ? altText : media.altTextOf(piece.unitCode(), asset.id()).orElse(null);
        String name = asset.originalName() == null ? asset.sha256() : asset.originalName();
        return attachStored(piece, role, asset, name, alt, actor);
    }

    private static void refuseArchived(Piece piece) {
        if (piece.status() == PieceStatus.ARCHIVED) {
            throw Refusal.conflict(RefusalCode.PIECE_ARCHIVED, piece.id());
        }
    }

    private AttachedAsset attachStored(Piece piece, AssetRole role, Asset asset, String fileName, @Nullable String altText,
                                       String actor) {
        if (role.kind() != asset.kind()) {
            throw Refusal.invalid("file", RefusalCode.FILE_WRONG_ROLE, fileName, asset.mediaType(),
                    new Refusal.Word("refusal.role." + role.name()));
        }
        if (role == AssetRole.AUDIO && piece.kind() != PieceKind.RADIO_SCRIPT) {
            throw Refusal.invalid("role", RefusalCode.AUDIO_ONLY_RADIO);
        }
        if ((role == AssetRole.VIDEO || role == AssetRole.CAPTIONS) && piece.kind() != PieceKind.VIDEO) {
            throw Refusal.invalid("role", RefusalCode.VIDEO_ONLY_VIDEO_PIECE);
        }
        if (role == AssetRole.IMAGE && piece.kind() != PieceKind.INFOGRAPHIC) {
            throw Refusal.invalid("role", RefusalCode.IMAGE_ONLY_INFOGRAPHIC);
        }
        boolean needsAlt = role == AssetRole.IMAGE || role == AssetRole.FIGURE;
        if (needsAlt && (altText == null || altText.isBlank()) && (role != AssetRole.IMAGE || piece.altText() == null)) {
            throw Refusal.invalid("altText", RefusalCode.ALT_TEXT_REQUIRED);
        }
        media.keep(piece.unitCode(), asset, altText, actor);
        if (role == AssetRole.FIGURE) {
            return new AttachedAsset(asset, piece);
        }
        PieceContent content = piece.content().withAsset(role, asset.id());
        if (role == AssetRole.IMAGE && altText != null && !altText.isBlank()) {
            String alt = pick(altText, null);
            List<Refusal.FieldError> errors = new ArrayList<>();
            PieceLimits.checkLength("altText", alt, PieceLimits.ALT_TEXT, errors);
            if (!errors.isEmpty()) {
                throw new Refusal(Refusal.Kind.INVALID, RefusalCode.PIECE_INVALID, errors);
            }
            content = content.withAltText(alt);
        }
        return new AttachedAsset(asset, change(piece, content, piece.status() == PieceStatus.APPROVED
                ? PieceStatus.DRAFT : piece.status(), piece.sourceHash(), actor, PieceEvent.ATTACHED,
                Map.of("role", role.name().toLowerCase(Locale.ROOT))));
    }

    /** The stored asset and the piece as it is after attaching it. */
    @Serdeable
    public record AttachedAsset(Asset asset, Piece piece) {}

    /** The plain-text form of a piece for Facebook, Zalo and radio: paragraphs and list items kept. */
    public String plainText(Piece piece) {
        return switch (piece.kind()) {
            case RADIO_SCRIPT -> piece.script() == null ? "" : piece.script();
            case ARTICLE, INFOGRAPHIC, VIDEO -> html.toPlainText(piece.body());
        };
    }

    // --- used by the importer of the content/ folder

    @Transactional
    Piece importNew(String unitCode, PieceContent content, PieceStatus status, String sourcePath, String sourceHash) {
        return keepFiles(insert(unitCode, content, status, sourcePath, sourceHash, "import"));
    }

    @Transactional
    Piece importChange(Piece piece, PieceContent content, PieceStatus status, String sourceHash) {
        return keepFiles(change(piece, content, status, sourceHash, "import", PieceEvent.FILE_CHANGED, Map.of()));
    }

    /** The files an imported piece attaches join its unit's media library, like uploads do. */
    private Piece keepFiles(Piece piece) {
        for (Long assetId : new Long[] {piece.coverAssetId(), piece.imageAssetId(), piece.audioAssetId()}) {
            if (assetId != null) {
                assets.find(assetId).ifPresent(asset -> media.keep(piece.unitCode(), asset,
                        Objects.equals(assetId, piece.imageAssetId()) ? piece.altText() : null, "import"));
            }
        }
        return piece;
    }

    @Transactional
    void archiveRemovedFile(Piece piece) {
        if (piece.status() != PieceStatus.ARCHIVED) {
            move(piece, PieceStatus.ARCHIVED, PieceEvent.FILE_REMOVED, Map.of("path", piece.sourcePath()), null, "import");
        }
    }

    List<Piece> importedPieces() {
        return pieces.findBySourcePathIsNotNull();
    }

    java.util.Optional<Piece> findBySourcePath(String path) {
        return pieces.findBySourcePath(path);
    }

    // ---

    private Piece insert(String unitCode, PieceContent content, PieceStatus status, @Nullable String sourcePath,
                         @Nullable String sourceHash, String actor) {
        Instant now = clock.instant();
        String slug = uniqueSlug(unitCode, content.title());
        Piece piece = pieces.save(Piece.of(null, unitCode, slug, content, readSeconds(content), status, null, 1,
                sourcePath, sourceHash, now, now));
        keepRevision(piece, actor);
        events.save(new PieceEvent(null, piece.id(), null, status, actor, null, now,
                sourcePath == null ? PieceEvent.CREATED : PieceEvent.IMPORTED,
                sourcePath == null ? Map.of() : Map.of("path", sourcePath)));
        return piece;
    }

    private Piece change(Piece piece, PieceContent content, PieceStatus status, @Nullable String sourceHash,
                         String actor, String code, Map<String, String> data) {
        Instant now = clock.instant();
        Piece changed = pieces.update(Piece.of(piece.id(), piece.unitCode(), piece.slug(), content, readSeconds(content),
                status, status == piece.status() ? piece.statusReason() : null, piece.revision() + 1,
                piece.sourcePath(), sourceHash, piece.createdAt(), now));
        keepRevision(changed, actor);
        if (status != piece.status()) {
            events.save(new PieceEvent(null, piece.id(), piece.status(), status, actor, null, now, code, data));
        }
        changes.publishEvent(new PieceChanged(changed.id(), changed.status(), changed.revision()));
        return changed;
    }

    /** Moves the piece; the trail records {@code code} with its {@code data}, and a person's {@code reason} if any. */
    private Piece move(Piece piece, PieceStatus next, String code, Map<String, String> data, @Nullable String reason,
                       String actor) {
        if (piece.status() == next) {
            return piece;
        }
        if (!piece.status().canMoveTo(next)) {
            throw Refusal.conflict(RefusalCode.PIECE_STATUS_MOVE, piece.id(), new Refusal.Word("status." + piece.status()),
                    new Refusal.Word("status." + next));
        }
        Instant now = clock.instant();
        // only the revision and status read: an edit saved meanwhile is neither overwritten nor approved unseen
        if (pieces.updateStatus(piece.id(), piece.revision(), piece.status().name(), next.name(), reason, now) == 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, RefusalCode.PIECE_CHANGED);
        }
        Piece moved = piece.withStatus(next, reason, now);
        events.save(new PieceEvent(null, piece.id(), piece.status(), next, actor, reason, now, code, data));
        changes.publishEvent(new PieceChanged(moved.id(), moved.status(), moved.revision()));
        return moved;
    }

    private void keepRevision(Piece piece, String actor) {
        revisions.save(new PieceRevision(null, piece.id(), piece.revision(), JsonColumns.write(json, piece.content()),
                actor, piece.updatedAt()));
    }

    private String uniqueSlug(String unitCode, String title) {
        String base = Slugs.slugOf(title);
        String slug = base;
        for (int n = 2; pieces.existsByUnitCodeAndSlug(unitCode, slug); n++) {
            slug = Slugs.withSuffix(base, n);
        }
        return slug;
    }

    private Integer readSeconds(PieceContent content) {
        if (content.kind() != PieceKind.RADIO_SCRIPT || content.script() == null) {
            return null;
        }
        return (int) ReadTime.estimate(content.script(), config.syllablesPerMinute()).toSeconds();
    }

    private static List<Refusal.FieldError> missingForReview(Piece piece) {
        List<Refusal.FieldError> missing = new ArrayList<>();
        switch (piece.kind()) {
            case ARTICLE -> {
                if (piece.body() == null || piece.body().isBlank()) {
                    missing.add(new Refusal.FieldError("body", RefusalCode.ARTICLE_BODY_REQUIRED));
                }
            }
            case INFOGRAPHIC -> {
                if (piece.imageAssetId() == null) {
                    missing.add(new Refusal.FieldError("image", RefusalCode.INFOGRAPHIC_IMAGE_REQUIRED));
                }
                if (piece.altText() == null || piece.altText().isBlank()) {
                    missing.add(new Refusal.FieldError("altText", RefusalCode.ALT_TEXT_REQUIRED));
                }
            }
            case RADIO_SCRIPT -> {
                if (piece.script() == null || piece.script().isBlank()) {
                    missing.add(new Refusal.FieldError("script", RefusalCode.RADIO_SCRIPT_REQUIRED));
                }
            }
            case VIDEO -> {
                if (piece.videoAssetId() == null) {
                    missing.add(new Refusal.FieldError("video", RefusalCode.VIDEO_REQUIRED));
                }
            }
        }
        return missing;
    }

    /**
     * Builds clean content from a form: control characters removed ({@link CleanText}), HTML sanitised, text in NFC,
     * limits checked ({@link PieceLimits}); absent fields keep {@code base}'s.
     */
    PieceContent contentOf(PieceForm form, PieceKind kind, @Nullable PieceContent base) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String title = pick(form.title(), base == null ? null : base.title());
        if (title == null || title.isBlank()) {
            errors.add(new Refusal.FieldError("title", RefusalCode.TITLE_REQUIRED));
        }
        PieceLimits.checkLength("title", title, PieceLimits.TITLE, errors);
        String summary = pick(form.summary(), base == null ? null : base.summary());
        PieceLimits.checkLength("summary", summary, PieceLimits.SUMMARY, errors);
        String caption = pick(form.caption(), base == null ? null : base.caption());
        PieceLimits.checkLength("caption", caption, PieceLimits.CAPTION, errors);
        String altText = pick(form.altText(), base == null ? null : base.altText());
        PieceLimits.checkLength("altText", altText, PieceLimits.ALT_TEXT, errors);
        String author = pick(form.author(), base == null ? null : base.author());
        PieceLimits.checkLength("author", author, PieceLimits.AUTHOR, errors);
        List<String> topics = labels(form.topics(), base == null ? null : base.topics());
        PieceLimits.checkLabels("topics", topics, errors);
        List<String> audiences = labels(form.audiences(), base == null ? null : base.audiences());
        PieceLimits.checkLabels("audiences", audiences, errors);
        List<String> campaigns = labels(form.campaigns(), base == null ? null : base.campaigns());
        PieceLimits.checkLabels("campaigns", campaigns, errors);
        Variants variants = form.variants() != null ? form.variants() : base == null ? Variants.none() : base.variants();
        variants = cleanVariants(variants, errors);
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, RefusalCode.PIECE_INVALID, errors);
        }
        String body = form.body() != null ? html.sanitise(nfc(CleanText.text(form.body()))) : base == null ? null : base.body();
        String script = form.script() != null ? cleanScript(form.script()) : base == null ? null : base.script();
        return new PieceContent(kind, title, summary,
                kind == PieceKind.RADIO_SCRIPT ? null : body,
                kind == PieceKind.RADIO_SCRIPT ? script : null,
                caption, altText,
                base == null ? null : base.coverAssetId(),
                base == null ? null : base.imageAssetId(),
                base == null ? null : base.audioAssetId(),
                base == null ? null : base.videoAssetId(),
                base == null ? null : base.captionsAssetId(),
                topics, audiences, campaigns, variants, author);
    }

    private static Variants cleanVariants(Variants variants, List<Refusal.FieldError> errors) {
        Variants.Facebook facebook = variants.facebook() == null || blank(variants.facebook().text()) ? null
                : new Variants.Facebook(nfc(CleanText.text(variants.facebook().text())).strip());
        Variants.Zalo zalo = null;
        if (variants.zalo() != null && !(blank(variants.zalo().title()) && blank(variants.zalo().description()))) {
            String title = pick(variants.zalo().title(), null);
            String description = blank(variants.zalo().description()) ? null
                    : nfc(CleanText.text(variants.zalo().description())).strip();
            if (title != null && title.length() > Variants.ZALO_TITLE_MAX) {
                errors.add(new Refusal.FieldError("variants.zalo.title", RefusalCode.TOO_LONG,
                        new Refusal.Word("field.variants.zalo.title"), title.length(), Variants.ZALO_TITLE_MAX));
            }
            if (description != null && description.length() > Variants.ZALO_DESCRIPTION_MAX) {
                errors.add(new Refusal.FieldError("variants.zalo.description", RefusalCode.TOO_LONG,
                        new Refusal.Word("field.variants.zalo.description"), description.length(), Variants.ZALO_DESCRIPTION_MAX));
            }
            zalo = new Variants.Zalo(title, description);
        }
        return new Variants(facebook, zalo);
    }

    /** A radio script is read aloud: plain text, Unix line ends, no control characters. */
    private static String cleanScript(String script) {
        return nfc(CleanText.text(script)).strip();
    }

    private static List<String> labels(@Nullable List<String> given, @Nullable List<String> base) {
        if (given == null) {
            return base == null ? List.of() : base;
        }
        return given.stream().filter(Objects::nonNull).map(s -> nfc(CleanText.line(s)).strip()).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    /** A one-line field as given, cleaned; absent keeps {@code base}, blank clears it. */
    private static String pick(@Nullable String given, @Nullable String base) {
        if (given == null) {
            return base;
        }
        String clean = nfc(CleanText.line(given)).strip();
        return clean.isEmpty() ? null : clean;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** Vietnamese typed on some systems arrives decomposed; store one form so search and slugs agree. */
    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private String jsonElementPattern(String label) {
        return "%" + escapeLike(JsonColumns.write(json, nfc(label).strip())) + "%";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
