package vn.herald.content;

/** What an uploaded asset is for, and how large it may be. */
public enum AssetKind {
    IMAGE(10L * 1024 * 1024),
    AUDIO(50L * 1024 * 1024);

    private final long maxBytes;

    AssetKind(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
