package vn.herald.content;

/** What an uploaded asset is, and how large it may be; a video's limit is configured ({@link VideoConfig}). */
public enum AssetKind {
    IMAGE(10L * 1024 * 1024),
    AUDIO(50L * 1024 * 1024),
    VIDEO(0),
    CAPTIONS(1024L * 1024);

    private final long maxBytes;

    AssetKind(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The fixed limit; {@link Assets} asks {@link VideoConfig} for {@link #VIDEO}. */
    public long maxBytes() {
        return maxBytes;
    }
}
