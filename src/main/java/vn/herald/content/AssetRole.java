package vn.herald.content;

/**
 * What an uploaded file is for: a piece's cover (also a video's poster), an infographic's image, a radio piece's
 * recording, a figure in the text, a video piece's video or its WebVTT captions.
 */
public enum AssetRole {
    COVER(AssetKind.IMAGE), IMAGE(AssetKind.IMAGE), AUDIO(AssetKind.AUDIO), FIGURE(AssetKind.IMAGE),
    VIDEO(AssetKind.VIDEO), CAPTIONS(AssetKind.CAPTIONS);

    private final AssetKind kind;

    AssetRole(AssetKind kind) {
        this.kind = kind;
    }

    /** The only kind of file this role takes. */
    public AssetKind kind() {
        return kind;
    }
}
