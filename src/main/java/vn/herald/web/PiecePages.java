package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.ChannelPreviews;
import vn.herald.channel.Channels;
import vn.herald.channel.PreviewSound;
import vn.herald.channel.Priority;
import vn.herald.channel.video.VideoMaking;
import vn.herald.channel.video.VideoShape;
import vn.herald.content.AssetRole;
import vn.herald.content.Assets;
import vn.herald.content.MediaLibrary;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceContent;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.plan.TaskLinks;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writing, reading and reviewing one piece: the forms per kind, previews per channel, revisions and audit trail. */
@Controller("/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class PiecePages {

    /** An approver's decision on the revision shown to them; a rejection says why. */
    @Serdeable
    record ReviewFields(@Nullable String revision, @Nullable String reason, @Nullable String csrfToken) {

        int readRevision() {
            try {
                return Integer.parseInt(revision == null ? "" : revision.strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("revision", RefusalCode.REVISION_REQUIRED);
            }
        }
    }

    /** One kept revision against the one before it. */
    record RevisionView(int revision, String changedBy, String at, List<String> changedFields, List<TextDiff.Line> text) {}

    private final Pieces pieces;
    private final ChannelPreviews previews;
    private final Channels channels;
    private final Publishing publishing;
    private final HtmlText html;
    private final ReadTimes readTimes;
    private final Times times;
    private final PageForms forms;
    private final Trails trails;
    private final PublicationRows rows;
    private final MediaLibrary media;
    private final Assets assets;
    private final VideoMaking videos;
    private final TaskModel tasks;
    private final TaskLinks links;

    PiecePages(Pieces pieces, ChannelPreviews previews, Channels channels, Publishing publishing, HtmlText html,
               ReadTimes readTimes, Times times, PageForms forms, Trails trails, PublicationRows rows,
               MediaLibrary media, Assets assets, VideoMaking videos, TaskModel tasks, TaskLinks links) {
        this.videos = videos;
        this.tasks = tasks;
        this.links = links;
        this.trails = trails;
        this.rows = rows;
        this.pieces = pieces;
        this.previews = previews;
        this.channels = channels;
        this.publishing = publishing;
        this.html = html;
        this.readTimes = readTimes;
        this.times = times;
        this.forms = forms;
        this.media = media;
        this.assets = assets;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@Nullable @QueryValue PieceStatus status, @Nullable @QueryValue String text,
                                           Authentication user) {
        Page<Piece> found = pieces.list(new Pieces.Filter(null, null, status, null, null, text), Pageable.from(0, 100));
        Map<String, Object> model = vn.herald.web.Page.model(user, "pieces");
        model.put("pieces", found.getContent());
        model.put("total", found.getTotalSize());
        model.put("status", status);
        model.put("text", text == null ? "" : text);
        model.put("statuses", PieceStatus.values());
        model.put("times", times);
        return vn.herald.web.Page.view("pieces", model);
    }

    @Get("/new")
    @Secured("EDITOR")
    ModelAndView<Map<String, Object>> create(@Nullable @QueryValue PieceKind kind, Authentication user) {
        PieceKind chosen = kind == null ? PieceKind.ARTICLE : kind;
        return form(user, null, PieceFields.blank(chosen), chosen, null);
    }

    @Post
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@Body PieceFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            Piece piece = pieces.create(fields.toForm(kindOf(fields.kind())), user.getName());
            if (fields.task() == null || fields.task().isBlank()) {
                return HttpResponse.seeOther(URI.create("/pieces/" + piece.id() + "?ok=saved"));
            }
            try {
                links.linkPiece(piece.id(), fields.task(), user.getName());
                return HttpResponse.seeOther(URI.create("/pieces/" + piece.id() + "?ok=saved"));
            } catch (Refusal refusal) {
                // the piece is kept; the page says why the task was not named, where it can be named again
                return HttpResponse.seeOther(URI.create("/pieces/" + piece.id() + "?ok=saved&" + PageForms.ERROR_PARAMETER + "="
                        + java.net.URLEncoder.encode(PageForms.message(refusal), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }, refusal -> HttpResponse.badRequest(form(user, null, fields, knownKind(fields.kind()), refusal)));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(long id, @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        return page(user, id, ok, loi, Map.of(), Map.of());
    }

    /**
     * The piece's page; after a refused form, {@code typed} holds what the person typed in it (by field name) and
     * {@code fieldErrors} the message next to each wrong field. The schedule form posts to PublicationPages, which
     * draws this page again on a refusal.
     */
    ModelAndView<Map<String, Object>> page(Authentication user, long id, @Nullable String ok, @Nullable String error,
                                           Map<String, ?> typed, Map<String, String> fieldErrors) {
        Piece piece = pieces.get(id);
        Map<String, Object> model = vn.herald.web.Page.model(user, "pieces");
        model.put("typed", typed);
        model.put("fieldErrors", fieldErrors);
        model.put("piece", piece);
        model.put("bodyHtml", piece.body() == null ? "" : html.sanitise(piece.body()));
        model.put("readTime", piece.readSeconds() == null ? null : Times.minutes(Duration.ofSeconds(piece.readSeconds())));
        model.put("updated", times.show(piece.updatedAt()));
        model.put("ok", ok);
        model.put("error", error);
        model.put("previews", previews.of(piece));
        model.put("roles", rolesFor(piece.kind()));
        model.put("cover", piece.coverAssetId() == null ? null : assets.find(piece.coverAssetId())
                .map(asset -> MediaLibrary.FILE_PATH + asset.sha256()).orElse(null));
        model.put("video", file(piece.videoAssetId()));
        model.put("captions", file(piece.captionsAssetId()));
        List<VideoMaking.View> made = piece.kind() == PieceKind.VIDEO ? List.of() : videos.list(id).videos();
        model.put("madeVideos", made.stream().filter(VideoMaking.View::current).map(MadeVideoRow::of).toList());
        model.put("olderVideos", made.stream().anyMatch(v -> !v.current()));
        model.put("library", media.list(piece.unitCode(), null, null));
        model.put("channels", channels.ofUnit(piece.unitCode()).stream().filter(c -> !channels.fileRemoved(c)).toList());
        model.put("priorities", Priority.values());
        model.put("plannedAt", typed.containsKey("plannedAt") ? typed.get("plannedAt") : times.input(nextHour()));
        model.put("revisions", revisions(id));
        model.put("events", trails.ofPiece(pieces.events(id)));
        model.put("publications", rows.of(publishing.list(new Publishing.Filter(null, null, id, null, null),
                Pageable.from(0, 50)).getContent()));
        model.put("times", times);
        tasks.put(model, piece.unitCode(), links.ofPiece(id).orElse(null), "/pieces/" + id + "/task");
        return vn.herald.web.Page.view("piece", model);
    }

    /** A video made from the piece as its page shows it: length as m:ss, size in MB, the reason's bundle key. */
    record MadeVideoRow(VideoShape shape, String status, @Nullable String reasonKey, @Nullable String videoUrl,
                        @Nullable String captionsUrl, String length, String size) {

        static MadeVideoRow of(VideoMaking.View video) {
            return new MadeVideoRow(video.shape(), video.status().name(),
                    video.reason() == null ? null : "video.reason." + video.reason(), video.videoUrl(), video.captionsUrl(),
                    video.seconds() == null ? "" : Times.minutes(Duration.ofMillis(Math.round(video.seconds() * 1000))),
                    video.sizeBytes() == null ? "" : String.format(Locale.ROOT, "%.1f MB", video.sizeBytes() / 1_048_576.0));
        }
    }

    /** One click makes the piece's video in both shapes, in the background; the page then shows it being made. */
    @Post("/{id}/videos")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> makeVideos(long id, @Body LoginPage.TokenFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            videos.request(id, List.of());
            return HttpResponse.seeOther(URI.create("/pieces/" + id + "?ok=video#videos-h"));
        }, "/pieces/" + id);
    }

    /** The editors' own address of a stored file, for the page's preview. */
    private @Nullable String file(@Nullable Long assetId) {
        return assetId == null ? null : assets.find(assetId).map(asset -> MediaLibrary.FILE_PATH + asset.sha256()).orElse(null);
    }

    @Get("/{id}/edit")
    @Secured("EDITOR")
    ModelAndView<Map<String, Object>> edit(long id, Authentication user) {
        Piece piece = pieces.get(id);
        return form(user, piece, PieceFields.of(piece), piece.kind(), null);
    }

    @Post("/{id}")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(long id, @Body PieceFields fields, Authentication user) {
        Piece piece = pieces.get(id);
        return forms.handle(user, fields.csrfToken(), () -> {
            pieces.update(id, fields.toForm(piece.kind()), user.getName());
            return HttpResponse.seeOther(URI.create("/pieces/" + id + "?ok=saved"));
        }, refusal -> HttpResponse.badRequest(form(user, piece, fields, piece.kind(), refusal)));
    }

    /**
     * An uploaded file in the role the editor chose: the cover, an infographic's image, a figure put at the end of the
     * text, or a radio recording. A new cover replaces the one before.
     */
    @Post(value = "/{id}/upload", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("EDITOR")
    HttpResponse<?> upload(long id, @Part("file") CompletedFileUpload file, @Nullable @Part("role") String role,
                           @Nullable @Part("altText") String altText, @Nullable @Part("csrfToken") String token,
                           Authentication user) {
        return forms.handle(user, token, () -> {
            AssetRole chosen = roleOf(pieces.get(id), role);
            try (InputStream in = file.getInputStream()) {
                Pieces.AttachedAsset attached = pieces.attach(id, chosen, in, file.getFilename(), altText, user.getName());
                return attached(id, chosen, attached, altText, user);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "/pieces/" + id);
    }

    /** A file the unit's media library keeps, attached in a role without uploading it again. */
    @Serdeable
    record ReuseFields(@Nullable String mediaId, @Nullable String role, @Nullable String altText, @Nullable String csrfToken) {}

    @Post("/{id}/reuse")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reuse(long id, @Body ReuseFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            AssetRole chosen = roleOf(pieces.get(id), fields.role());
            long mediaId;
            try {
                mediaId = Long.parseLong(fields.mediaId() == null ? "" : fields.mediaId().strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("mediaId", RefusalCode.MEDIA_REQUIRED);
            }
            Pieces.AttachedAsset attached = pieces.reuse(id, chosen, mediaId, fields.altText(), user.getName());
            String alt = fields.altText() != null && !fields.altText().isBlank() ? fields.altText()
                    : media.get(mediaId).altText();
            return attached(id, chosen, attached, alt, user);
        }, "/pieces/" + id);
    }

    /** What a loudspeaker channel would play for the piece: its recording, or the speech made from its text. */
    @Get("/{id}/listen/{channelId}")
    @Produces(MediaType.ALL)
    HttpResponse<SystemFile> listen(long id, String channelId) {
        PreviewSound sound = previews.sound(id, channelId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                RefusalCode.NO_SOUND));
        return HttpResponse.ok(new SystemFile(sound.file().toFile(), MediaType.of(sound.mediaType())))
                .header("Cache-Control", "private, no-cache");
    }

    private HttpResponse<?> attached(long id, AssetRole role, Pieces.AttachedAsset attached, @Nullable String altText,
                                     Authentication user) {
        if (role == AssetRole.FIGURE) {
            appendFigure(attached, altText, user);
        }
        return HttpResponse.seeOther(URI.create("/pieces/" + id + "?ok=" + (role == AssetRole.COVER ? "cover" : "uploaded")));
    }

    /** The roles a file may take in a piece of this kind, the first being the usual one. */
    static List<AssetRole> rolesFor(PieceKind kind) {
        return switch (kind) {
            case ARTICLE -> List.of(AssetRole.FIGURE, AssetRole.COVER);
            case INFOGRAPHIC -> List.of(AssetRole.IMAGE, AssetRole.COVER);
            case RADIO_SCRIPT -> List.of(AssetRole.AUDIO, AssetRole.COVER);
            // the cover is the video's poster
            case VIDEO -> List.of(AssetRole.VIDEO, AssetRole.CAPTIONS, AssetRole.COVER);
        };
    }

    private static AssetRole roleOf(Piece piece, @Nullable String role) {
        List<AssetRole> allowed = rolesFor(piece.kind());
        if (role == null || role.isBlank()) {
            return allowed.get(0);
        }
        return allowed.stream().filter(r -> r.name().equalsIgnoreCase(role.strip())).findFirst()
                .orElseThrow(() -> Refusal.invalid("role", RefusalCode.ROLE_UNFIT));
    }

    private void appendFigure(Pieces.AttachedAsset attached, @Nullable String altText, Authentication user) {
        Piece piece = attached.piece();
        org.jsoup.nodes.Element figure = new org.jsoup.nodes.Element("figure");
        figure.appendElement("img").attr("src", attached.asset().url()).attr("alt", altText == null ? "" : altText.strip());
        String body = (piece.body() == null ? "" : piece.body()) + figure.outerHtml();
        pieces.update(piece.id(), new PieceForm(null, null, null, null, body, null, null, null, null, null, null, null,
                null, piece.revision()), user.getName());
    }

    @Post("/{id}/submit")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(long id, @Body LoginPage.TokenFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            pieces.submit(id, user.getName());
            return HttpResponse.seeOther(URI.create("/pieces/" + id + "?ok=submitted"));
        }, "/pieces/" + id);
    }

    @Post("/{id}/approve")
    @Secured("APPROVER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> approve(long id, @Body ReviewFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            pieces.approve(id, fields.readRevision(), user.getName());
            return HttpResponse.seeOther(URI.create("/review?ok=approved"));
        }, "/pieces/" + id);
    }

    @Post("/{id}/reject")
    @Secured("APPROVER")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reject(long id, @Body ReviewFields fields, Authentication user) {
        return forms.handle(user, fields.csrfToken(), () -> {
            pieces.reject(id, fields.readRevision(), fields.reason(), user.getName());
            return HttpResponse.seeOther(URI.create("/review?ok=rejected"));
        }, refusal -> HttpResponse.badRequest(page(user, id, null, PageForms.message(refusal),
                Map.of("reason", fields.reason() == null ? "" : fields.reason()), PageForms.fieldErrors(refusal))));
    }

    /** The read time of a radio script as it is typed (htmx), by the same syllable rule the content service keeps. */
    @Post("/read-time")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    ModelAndView<Map<String, Object>> readTime(@Body PieceFields fields, Authentication user) {
        forms.check(user, fields.csrfToken());
        return new ModelAndView<>("fragments/read-time", readTimes.of(fields.script()));
    }

    private ModelAndView<Map<String, Object>> form(Authentication user, @Nullable Piece piece, PieceFields fields,
                                                   PieceKind kind, @Nullable Refusal refusal) {
        Map<String, Object> model = vn.herald.web.Page.model(user, "write");
        model.put("piece", piece);
        model.put("fields", fields);
        model.put("kind", kind.name());
        model.put("kinds", PieceKind.values());
        model.put("errors", refusal == null ? List.of() : refusal.fieldErrors());
        model.put("fieldErrors", refusal == null ? Map.of() : PageForms.fieldErrors(refusal));
        model.put("error", refusal == null ? null : refusal.getMessage());
        model.put("readTime", readTimes.of(fields.script()));
        model.put("action", piece == null ? "/pieces" : "/pieces/" + piece.id());
        if (piece == null) {
            tasks.put(model, times.unitCode(), null, null);
        }
        return vn.herald.web.Page.view("write", model);
    }

    private List<RevisionView> revisions(long id) {
        List<Pieces.Revision> kept = pieces.revisions(id);
        List<RevisionView> views = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (int n = kept.size() - 1; n >= 0; n--) {
            PieceContent now = kept.get(n).content();
            PieceContent before = n == 0 ? null : kept.get(n - 1).content();
            String textNow = textOf(now);
            String textBefore = before == null ? "" : textOf(before);
            views.add(new RevisionView(kept.get(n).revision(), trails.actor(kept.get(n).changedBy(), names),
                    times.show(kept.get(n).createdAt()),
                    changedFields(before, now), TextDiff.lines(textBefore, textNow)));
        }
        return views;
    }

    private String textOf(PieceContent content) {
        return content.kind() == PieceKind.RADIO_SCRIPT ? (content.script() == null ? "" : content.script())
                : html.toPlainText(content.body());
    }

    private static List<String> changedFields(@Nullable PieceContent before, PieceContent now) {
        List<String> changed = new ArrayList<>();
        if (before == null) {
            return changed;
        }
        if (!now.title().equals(before.title())) {
            changed.add("title");
        }
        if (!java.util.Objects.equals(now.summary(), before.summary())) {
            changed.add("summary");
        }
        if (!java.util.Objects.equals(now.body(), before.body()) || !java.util.Objects.equals(now.script(), before.script())) {
            changed.add("text");
        }
        if (!java.util.Objects.equals(now.altText(), before.altText()) || !java.util.Objects.equals(now.caption(), before.caption())) {
            changed.add("image");
        }
        if (!java.util.Objects.equals(now.coverAssetId(), before.coverAssetId())
                || !java.util.Objects.equals(now.imageAssetId(), before.imageAssetId())
                || !java.util.Objects.equals(now.audioAssetId(), before.audioAssetId())) {
            changed.add("files");
        }
        if (!now.topics().equals(before.topics()) || !now.audiences().equals(before.audiences())
                || !now.campaigns().equals(before.campaigns())) {
            changed.add("labels");
        }
        if (!now.variants().equals(before.variants())) {
            changed.add("variants");
        }
        return changed;
    }

    private java.time.Instant nextHour() {
        return times.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }

    private static PieceKind knownKind(@Nullable String kind) {
        try {
            return kindOf(kind);
        } catch (Refusal unknown) {
            return PieceKind.ARTICLE;
        }
    }

    private static PieceKind kindOf(@Nullable String kind) {
        try {
            return kind == null ? PieceKind.ARTICLE : PieceKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("kind", RefusalCode.PIECE_KIND_UNKNOWN, kind);
        }
    }
}
