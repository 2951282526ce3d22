package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Variants;

import java.util.Arrays;
import java.util.List;

/** The writing form as the browser posts it; labels are typed comma-separated. */
@Serdeable
record PieceFields(@Nullable String kind, @Nullable String title, @Nullable String summary, @Nullable String body,
                   @Nullable String script, @Nullable String caption, @Nullable String altText,
                   @Nullable String topics, @Nullable String audiences, @Nullable String campaigns,
                   @Nullable String facebookText, @Nullable String zaloTitle, @Nullable String zaloDescription,
                   @Nullable String author, @Nullable String revision, @Nullable String task,
                   @Nullable String csrfToken) {

    static PieceFields blank(PieceKind kind) {
        return new PieceFields(kind.name(), "", "", "", "", "", "", "", "", "", "", "", "", "", null, null, null);
    }

    static PieceFields of(Piece piece) {
        Variants v = piece.variants();
        return new PieceFields(piece.kind().name(), piece.title(), piece.summary(), piece.body(), piece.script(),
                piece.caption(), piece.altText(), String.join(", ", piece.topics()), String.join(", ", piece.audiences()),
                String.join(", ", piece.campaigns()), v.facebook() == null ? "" : v.facebook().text(),
                v.zalo() == null ? "" : v.zalo().title(), v.zalo() == null ? "" : v.zalo().description(), piece.author(),
                String.valueOf(piece.revision()), null, null);
    }

    /** The content service's own form: it sanitises the article HTML and checks every limit. */
    PieceForm toForm(PieceKind pieceKind) {
        return new PieceForm(pieceKind, null, title == null ? "" : title, summary,
                pieceKind == PieceKind.RADIO_SCRIPT ? null : body,
                pieceKind == PieceKind.RADIO_SCRIPT ? script : null,
                pieceKind == PieceKind.INFOGRAPHIC ? caption : null,
                pieceKind == PieceKind.INFOGRAPHIC ? altText : null,
                labels(topics), labels(audiences), labels(campaigns),
                new Variants(new Variants.Facebook(facebookText), new Variants.Zalo(zaloTitle, zaloDescription)),
                author, revisionNumber());
    }

    @Nullable
    Integer revisionNumber() {
        try {
            return revision == null || revision.isBlank() ? null : Integer.valueOf(revision.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> labels(@Nullable String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
