package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

@Controller("/api/pieces")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PieceController {

    private static final int MAX_PAGE_SIZE = 200;

    /** Why a piece is rejected or archived. */
    @Serdeable
    record Reason(@Nullable String reason) {}

    /** A review decision names the revision the approver read; {@code reason} is for a rejection. */
    @Serdeable
    record Decision(@Nullable Integer revision, @Nullable String reason) {}

    private final Pieces pieces;

    PieceController(Pieces pieces) {
        this.pieces = pieces;
    }

    @Get
    ItemList<Piece> list(@Nullable @QueryValue PieceKind kind, @Nullable @QueryValue PieceStatus status,
                         @Nullable @QueryValue String topic, @Nullable @QueryValue String campaign,
                         @Nullable @QueryValue String text, @Nullable @QueryValue String unit,
                         @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Page<Piece> found = pieces.list(new Pieces.Filter(unit, kind, status, topic, campaign, text),
                Paging.of(page, size, 50, MAX_PAGE_SIZE));
        return new ItemList<>(found.getContent(), found.getTotalSize());
    }

    @Get("/{id}")
    Piece get(long id) {
        return pieces.get(id);
    }

    @Post
    @Secured("EDITOR")
    HttpResponse<Piece> create(@Body PieceForm form, Authentication user) {
        return HttpResponse.created(pieces.create(form, user.getName()));
    }

    @Put("/{id}")
    @Secured("EDITOR")
    Piece update(long id, @Body PieceForm form, Authentication user) {
        return pieces.update(id, form, user.getName());
    }

    /** The plain text Facebook, Zalo and the loudspeakers get: paragraphs and list items kept. */
    @Get(value = "/{id}/text", produces = MediaType.TEXT_PLAIN + ";charset=utf-8")
    String text(long id) {
        return pieces.plainText(pieces.get(id));
    }

    @Get("/{id}/revisions")
    ItemList<Pieces.Revision> revisions(long id) {
        return ItemList.of(pieces.revisions(id));
    }

    @Get("/{id}/events")
    ItemList<PieceEvent> events(long id) {
        return ItemList.of(pieces.events(id));
    }

    @Post("/{id}/submit")
    @Secured("EDITOR")
    Piece submit(long id, Authentication user) {
        return pieces.submit(id, user.getName());
    }

    /** The revision comes in the body ({@code {"revision": 3}}) or the query ({@code ?revision=3}). */
    @Post("/{id}/approve")
    @Secured("APPROVER")
    Piece approve(long id, @Nullable @QueryValue Integer revision, @Nullable @Body Decision decision, Authentication user) {
        return pieces.approve(id, readRevision(revision, decision), user.getName());
    }

    @Post("/{id}/reject")
    @Secured("APPROVER")
    Piece reject(long id, @Nullable @QueryValue Integer revision, @Nullable @Body Decision decision, Authentication user) {
        return pieces.reject(id, readRevision(revision, decision), decision == null ? null : decision.reason(),
                user.getName());
    }

    @Post("/{id}/archive")
    @Secured({"EDITOR", "APPROVER"})
    Piece archive(long id, @Nullable @Body Reason reason, Authentication user) {
        return pieces.archive(id, reason == null ? null : reason.reason(), user.getName());
    }

    @Post(value = "/{id}/assets", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("EDITOR")
    HttpResponse<Pieces.AttachedAsset> upload(long id, @Part("file") CompletedFileUpload file,
                                              @Nullable @Part("role") String role,
                                              @Nullable @Part("altText") String altText, Authentication user) {
        AssetRole assetRole = parseRole(role);
        try (InputStream in = file.getInputStream()) {
            return HttpResponse.created(pieces.attach(id, assetRole, in, file.getFilename(), altText, user.getName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the unit's media library to attach again, in a role; {@code altText} defaults to the library's. */
    @Serdeable
    record Reuse(@Nullable Long mediaId, @Nullable String role, @Nullable String altText) {}

    @Post("/{id}/media")
    @Secured("EDITOR")
    HttpResponse<Pieces.AttachedAsset> reuse(long id, @Body Reuse reuse, Authentication user) {
        if (reuse.mediaId() == null) {
            throw Refusal.invalid("mediaId", RefusalCode.MEDIA_REQUIRED);
        }
        return HttpResponse.created(pieces.reuse(id, parseRole(reuse.role()), reuse.mediaId(), reuse.altText(), user.getName()));
    }

    private static int readRevision(@Nullable Integer query, @Nullable Decision body) {
        Integer revision = body != null && body.revision() != null ? body.revision() : query;
        if (revision == null) {
            throw Refusal.invalid("revision", RefusalCode.REVISION_REQUIRED);
        }
        return revision;
    }

    private static AssetRole parseRole(@Nullable String role) {
        if (role == null || role.isBlank()) {
            throw Refusal.invalid("role", RefusalCode.ROLE_REQUIRED);
        }
        try {
            return AssetRole.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("role", RefusalCode.ROLE_UNKNOWN, role);
        }
    }
}
