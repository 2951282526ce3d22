package vn.herald.channel.eportal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.content.PieceKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece exactly as the built-in portal shows it, frozen when its publication is scheduled. {@code bodyHtml} is
 * sanitised HTML whose figures already point at the portal's public file address; {@code script} is a radio
 * piece's plain text.
 */
@Serdeable
public record PortalPage(
        long pieceId,
        String unitCode,
        String slug,
        PieceKind kind,
        String title,
        @Nullable String summary,
        @Nullable String bodyHtml,
        @Nullable String script,
        @Nullable String author,
        List<String> topics,
        @Nullable File cover,
        @Nullable File image,
        @Nullable String altText,
        @Nullable String caption,
        @Nullable File audio,
        List<String> figures,
        @Nullable Integer readSeconds,
        @Nullable File video,
        @Nullable File captions) {

    /** A stored image, recording, video or captions file the page shows, with what a feed enclosure needs. */
    @Serdeable
    public record File(String sha256, String mediaType, long sizeBytes) {}

    public PortalPage {
        topics = topics == null ? List.of() : List.copyOf(topics);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** Every stored file the page shows: only these are served from the portal's public address. */
    public List<String> fileKeys() {
        List<String> keys = new ArrayList<>(figures);
        for (File file : new File[] {cover, image, audio, video, captions}) {
            if (file != null) {
                keys.add(file.sha256());
            }
        }
        return keys.stream().distinct().toList();
    }
}
