package vn.herald.channel;

/**
 * A figure read back from a platform (or, for the loudspeakers and the built-in portal, counted by Herald). Per post
 * unless marked as the channel's own.
 */
public enum Metric {
    /** People who saw the post at least once (Facebook {@code post_total_media_view_unique}). */
    UNIQUE_VIEWERS,
    /** Times the post or video was seen or played (YouTube and TikTok views, Zalo article views, portal page views). */
    VIEWS,
    REACTIONS,
    COMMENTS,
    SHARES,
    /** Households within reach of the loudspeaker stations that played the item. */
    HOUSEHOLDS_COVERED,
    /** The channel's followers (Facebook {@code page_follows}, Zalo OA followers, YouTube subscribers, TikTok followers). */
    FOLLOWERS;

    /** Whether the figure describes the channel rather than one of its posts. */
    public boolean ofChannel() {
        return this == FOLLOWERS;
    }
}
