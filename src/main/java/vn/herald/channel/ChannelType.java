package vn.herald.channel;

import vn.herald.content.PieceKind;

/** The kinds of channel Herald publishes to. */
public enum ChannelType {
    EPORTAL, FACEBOOK_PAGE, ZALO_OA, LOUDSPEAKER, SCREEN, YOUTUBE, TIKTOK;

    /**
     * Which kinds of piece a channel of this type carries: the one rule campaigns and the gap filler plan by. Radio
     * scripts are written for the ear and go to the loudspeakers; articles and infographics to the channels people
     * read; a video to the portal, Facebook, the screens, YouTube and TikTok. YouTube and TikTok carry any piece that
     * goes out as a video: whether it has one is the adapter's hard requirement ({@code channel-needs-video},
     * {@link ChannelAdapter#unmet}), which planners also ask, so a piece without a video is skipped, never planned.
     */
    public boolean carries(PieceKind kind) {
        return switch (this) {
            case LOUDSPEAKER -> kind == PieceKind.RADIO_SCRIPT;
            case YOUTUBE, TIKTOK -> true;
            case ZALO_OA -> kind == PieceKind.ARTICLE || kind == PieceKind.INFOGRAPHIC;
            case EPORTAL, FACEBOOK_PAGE, SCREEN -> kind != PieceKind.RADIO_SCRIPT;
        };
    }
}
