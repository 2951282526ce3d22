package vn.herald.content;

import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports the pieces of the {@code content/} folder: Markdown files with YAML front matter under
 * {@code articles/}, {@code infographics/}, {@code radio/} and {@code videos/}. Idempotent by path and content hash; a changed
 * file makes a new revision; a removed file archives its piece. A broken file is reported and skipped.
 */
@Singleton
public class ContentLibrary {

    private static final Set<String> COMMON_KEYS = Set.of("kind", "unit", "title", "summary", "topics", "audiences",
            "campaigns", "status", "author", "variants", "task");
    private static final Map<PieceKind, Set<String>> KIND_KEYS = Map.of(
            PieceKind.ARTICLE, Set.of("cover"),
            PieceKind.INFOGRAPHIC, Set.of("image", "caption", "altText"),
            PieceKind.RADIO_SCRIPT, Set.of("audio"),
            PieceKind.VIDEO, Set.of("video", "captions", "cover", "caption"));

    private final Pieces pieces;
    private final Assets assets;
    private final HtmlText html;
    private final Units units;
    private final PieceTasks tasks;

    ContentLibrary(Pieces pieces, Assets assets, HtmlText html, Units units, PieceTasks tasks) {
        this.tasks = tasks;
        this.pieces = pieces;
        this.assets = assets;
        this.html = html;
        this.units = units;
    }

    public List<FileOutcome> importAll(Path contentDir) {
        List<FileOutcome> outcomes = new ArrayList<>();
        if (!Files.isDirectory(contentDir)) {
            outcomes.add(FileOutcome.failed(contentDir.toString(), 0,
                    "the content folder does not exist; set HERALD_CONTENT_DIR or create it (nothing was archived)"));
            return outcomes;
        }
        Set<String> seen = new HashSet<>();
        for (PieceKind kind : PieceKind.values()) {
            Path folder = contentDir.resolve(kind.folder());
            Optional<FileOutcome> outside = outside(contentDir, folder);
            outside.ifPresent(outcomes::add);
            for (Path file : LibraryFiles.list(folder, ".md")) {
                String sourcePath = kind.folder() + "/" + file.getFileName();
                // a refused file or folder leaves its pieces as they are: it is reported, not taken as removed
                seen.add(sourcePath);
                if (outside.isEmpty()) {
                    outcomes.add(importFile(contentDir, file, sourcePath, kind));
                }
            }
        }
        for (Piece piece : pieces.importedPieces()) {
            if (!seen.contains(piece.sourcePath()) && piece.status() != PieceStatus.ARCHIVED) {
                pieces.archiveRemovedFile(piece);
                outcomes.add(FileOutcome.of(LibraryFiles.display(contentDir, contentDir.resolve(piece.sourcePath())),
                        FileOutcome.Result.ARCHIVED));
            }
        }
        return outcomes;
    }

    private static Optional<FileOutcome> outside(Path contentDir, Path folder) {
        if (!Files.exists(folder)) {
            return Optional.empty();
        }
        try {
            LibraryFiles.requireInside(contentDir, folder);
            return Optional.empty();
        } catch (SourceFileException e) {
            return Optional.of(FileOutcome.failed(LibraryFiles.display(contentDir, folder), 0, e.reason()));
        } catch (IOException e) {
            return Optional.of(FileOutcome.failed(LibraryFiles.display(contentDir, folder), 0, "không đọc được: " + e.getMessage()));
        }
    }

    private FileOutcome importFile(Path contentDir, Path file, String sourcePath, PieceKind folderKind) {
        String shown = LibraryFiles.display(contentDir, file);
        try {
            LibraryFiles.requireInside(contentDir, file);
            byte[] bytes = Files.readAllBytes(file);
            FrontMatterDocument document = FrontMatterDocument.parse(LibraryFiles.readUtf8(file));
            YamlFields fields = document.fields();
            PieceKind kind = fields.enumValue("kind", PieceKind.class).orElse(folderKind);
            if (kind != folderKind) {
                throw new SourceFileException(fields.line("kind"), "'kind' là " + kind + " nhưng tệp nằm trong "
                        + folderKind.folder() + "/, thư mục dành cho " + folderKind);
            }
            checkKeys(fields, kind);
            String unitCode = fields.text("unit").orElse(units.ownUnitCode());
            if (units.find(unitCode).isEmpty()) {
                throw new SourceFileException(fields.line("unit"), "'unit' ghi '" + unitCode + "', không phải mã của đơn vị nào");
            }
            PieceStatus status = fields.enumValue("status", PieceStatus.class).orElse(PieceStatus.DRAFT);
            if (status == PieceStatus.ARCHIVED) {
                throw new SourceFileException(fields.line("status"),
                        "'status' không được là ARCHIVED trong tệp: muốn lưu trữ tin, bài thì hãy xóa tệp");
            }
            Optional<String> task = fields.text("task");
            if (task.isPresent()) {
                Optional<String> problem = tasks.problem(task.get());
                if (problem.isPresent()) {
                    throw new SourceFileException(fields.line("task"), "'task': " + problem.get());
                }
            }
            Map<String, Path> attached = attachedFiles(fields, file, contentDir);
            List<byte[]> hashed = new ArrayList<>();
            hashed.add(bytes);
            for (Path a : attached.values()) {
                hashed.add(Files.readAllBytes(a));
            }
            String hash = LibraryFiles.sha256(hashed.toArray(byte[][]::new));

            Optional<Piece> existing = pieces.findBySourcePath(sourcePath);
            if (existing.isPresent() && hash.equals(existing.get().sourceHash())
                    && existing.get().status() != PieceStatus.ARCHIVED) {
                return FileOutcome.of(shown, FileOutcome.Result.UNCHANGED);
            }
            PieceContent content = contentOf(kind, fields, document.body());
            content = withAttached(content, attached, fields);
            if (existing.isPresent() && !existing.get().unitCode().equals(unitCode)) {
                throw new SourceFileException(fields.line("unit"), "'unit' đổi từ " + existing.get().unitCode()
                        + " sang " + unitCode + ": tin, bài không chuyển sang đơn vị khác được; hãy chép tệp thành một tên mới");
            }
            if (existing.isEmpty()) {
                Piece imported = pieces.importNew(unitCode, content, status, sourcePath, hash);
                tasks.linkImported(imported.id(), task.orElse(null));
                return FileOutcome.of(shown, FileOutcome.Result.IMPORTED);
            }
            pieces.importChange(existing.get(), content, status, hash);
            tasks.linkImported(existing.get().id(), task.orElse(null));
            return FileOutcome.of(shown, FileOutcome.Result.UPDATED);
        } catch (SourceFileException e) {
            return FileOutcome.failed(shown, e.line(), e.reason());
        } catch (IOException e) {
            return FileOutcome.failed(shown, 0, "không đọc được: " + e.getMessage());
        } catch (RuntimeException e) {
            // one broken file must never stop the others: report it with what is known
            return FileOutcome.failed(shown, 0, "không nhập được: " + e.getMessage());
        }
    }

    private static void checkKeys(YamlFields fields, PieceKind kind) {
        for (String key : fields.keys()) {
            if (!COMMON_KEYS.contains(key) && !KIND_KEYS.get(kind).contains(key)) {
                List<String> known = new ArrayList<>(COMMON_KEYS);
                known.addAll(KIND_KEYS.get(kind));
                known.sort(null);
                throw new SourceFileException(fields.line(key), "khóa '" + key + "' không dùng cho " + kind + "; các khóa dùng được: "
                        + String.join(", ", known));
            }
        }
    }

    /** cover, image, audio, video and captions name files beside the Markdown file; they must exist inside the library. */
    private static Map<String, Path> attachedFiles(YamlFields fields, Path file, Path contentDir) throws IOException {
        Map<String, Path> attached = new LinkedHashMap<>();
        for (String key : List.of("cover", "image", "audio", "video", "captions")) {
            Optional<String> name = fields.text(key);
            if (name.isEmpty()) {
                continue;
            }
            Path target = file.getParent().resolve(name.get()).normalize();
            if (!target.startsWith(contentDir.toAbsolutePath().normalize()) && !target.startsWith(contentDir.normalize())) {
                throw new SourceFileException(fields.line(key), "'" + key + "' phải là một tệp trong thư mục nội dung, đang là '"
                        + name.get() + "'");
            }
            if (!Files.isRegularFile(target)) {
                throw new SourceFileException(fields.line(key), "'" + key + "' ghi '" + name.get()
                        + "', tệp này không có trong " + LibraryFiles.display(contentDir, file.getParent()) + "/");
            }
            try {
                LibraryFiles.requireInside(contentDir, target);
            } catch (SourceFileException e) {
                throw new SourceFileException(fields.line(key), "'" + key + "' (" + name.get() + ") " + e.reason());
            }
            attached.put(key, target);
        }
        return attached;
    }

    private PieceContent contentOf(PieceKind kind, YamlFields fields, String body) {
        Variants variants = fields.mapping("variants").map(v -> {
            Variants.Facebook facebook = v.mapping("facebook").map(f -> new Variants.Facebook(f.text("text").orElse(null))).orElse(null);
            Variants.Zalo zalo = v.mapping("zalo").map(z -> new Variants.Zalo(z.text("title").orElse(null),
                    z.text("description").orElse(null))).orElse(null);
            return new Variants(facebook, zalo);
        }).orElse(Variants.none());
        String htmlBody = kind == PieceKind.RADIO_SCRIPT || body.isBlank() ? "" : html.markdownToHtml(body);
        PieceForm form = new PieceForm(kind, null, fields.requiredText("title"), fields.text("summary").orElse(""),
                htmlBody, kind == PieceKind.RADIO_SCRIPT ? body : "", fields.text("caption").orElse(""),
                fields.text("altText").orElse(""), fields.textList("topics"), fields.textList("audiences"),
                fields.textList("campaigns"), variants, fields.text("author").orElse(""), null);
        try {
            // the file is the whole truth: no field falls back to the previous revision
            return pieces.contentOf(form, kind, null);
        } catch (Refusal refusal) {
            Refusal.FieldError first = refusal.fieldErrors().isEmpty() ? null : refusal.fieldErrors().get(0);
            String key = first == null ? "title" : first.field().split("\\.")[0];
            throw new SourceFileException(fields.line(key), first == null ? refusal.getMessage()
                    : "'" + first.field() + "': " + first.message());
        }
    }

    private PieceContent withAttached(PieceContent content, Map<String, Path> attached, YamlFields fields) throws IOException {
        PieceContent result = content;
        for (Map.Entry<String, Path> entry : attached.entrySet()) {
            AssetRole role = AssetRole.valueOf(entry.getKey().toUpperCase(java.util.Locale.ROOT));
            Asset asset;
            try (InputStream in = Files.newInputStream(entry.getValue())) {
                asset = assets.store(in, entry.getValue().getFileName().toString());
            } catch (Refusal refusal) {
                throw new SourceFileException(fields.line(entry.getKey()), "'" + entry.getKey() + "': " + refusal.getMessage());
            }
            if (asset.kind() != role.kind()) {
                throw new SourceFileException(fields.line(entry.getKey()), "'" + entry.getKey() + "' ghi một tệp "
                        + asset.mediaType() + ", không dùng làm " + Refusal.text("refusal.role." + role.name(), List.of(), Refusal.VIETNAMESE) + " được");
            }
            result = result.withAsset(role, asset.id());
        }
        if (content.kind() == PieceKind.INFOGRAPHIC && !attached.containsKey("image")) {
            throw new SourceFileException(fields.startLine(), "thiếu 'image': infographic cần tệp ảnh đặt cạnh tệp bài");
        }
        if (content.kind() == PieceKind.VIDEO && !attached.containsKey("video")) {
            throw new SourceFileException(fields.startLine(), "thiếu 'video': tin video cần tệp MP4 hoặc WebM đặt cạnh tệp bài");
        }
        if (content.kind() == PieceKind.INFOGRAPHIC && (content.altText() == null || content.altText().isBlank())) {
            throw new SourceFileException(fields.startLine(), "thiếu 'altText': hãy mô tả ảnh cho người không nhìn thấy ảnh");
        }
        return result;
    }
}
