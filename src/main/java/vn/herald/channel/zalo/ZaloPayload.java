package vn.herald.channel.zalo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What a Zalo publication will send, frozen when it is scheduled. Images are named by the SHA-256 of a stored
 * asset (uploaded at send time) or by a public URL. {@code warnings} tell the editor what was changed to fit
 * Zalo's limits; they are part of the payload so that they show wherever the publication does.
 */
@Serdeable
record ZaloPayload(
        String title,
        String author,
        String description,
        @Nullable Image cover,
        List<Block> body,
        @Nullable String portalUrl,
        boolean broadcast,
        Map<String, Object> broadcastTarget,
        List<String> groupIds,
        @Nullable String groupText,
        List<String> warnings) {

    /** Empty lists and maps are left out of the stored JSON, so they come back as null: read them as empty. */
    ZaloPayload {
        body = body == null ? List.of() : body;
        broadcastTarget = broadcastTarget == null ? Map.of() : broadcastTarget;
        groupIds = groupIds == null ? List.of() : groupIds;
        warnings = warnings == null ? List.of() : warnings;
    }

    /** A picture: a stored asset of Herald ({@code assetSha256}) or a picture already on the web ({@code url}). */
    @Serdeable
    record Image(@Nullable String assetSha256, @Nullable String url) {}

    /** One paragraph of text, or one picture with its caption. */
    @Serdeable
    record Block(String type, @Nullable String content, @Nullable Image image, @Nullable String caption) {

        static Block text(String content) {
            return new Block("text", content, null, null);
        }

        static Block picture(Image image, @Nullable String caption) {
            return new Block("image", null, image, caption);
        }
    }
}
