package vn.herald.channel.youtube;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The frozen payload of a YouTube upload: the files by content hash (a stored file never changes, so the hash freezes
 * it), and the video resource's snippet and status exactly as sent.
 */
@Serdeable
record YouTubeVideo(String videoSha256, String videoType, long videoBytes, @Nullable String captionsSha256,
                    @Nullable String posterSha256, String title, String description, List<String> tags, String categoryId,
                    String privacyStatus, boolean madeForKids, boolean shorts, double seconds) {

    YouTubeVideo {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Where viewers watch it: a Short opens in the Shorts player. */
    String watchUrl(String videoId) {
        return shorts ? "https://www.youtube.com/shorts/" + videoId : "https://www.youtube.com/watch?v=" + videoId;
    }
}
