package vn.herald.channel.video;

/** The frame a video is made for: upright for phones (TikTok, Shorts), wide for screens and YouTube. */
public enum VideoShape {
    VERTICAL(1080, 1920), LANDSCAPE(1920, 1080);

    private final int width;
    private final int height;

    VideoShape(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The shape of a frame of this size: a square counts as wide. */
    public static VideoShape of(int width, int height) {
        return height > width ? VERTICAL : LANDSCAPE;
    }
}
