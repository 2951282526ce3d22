package vn.herald.content;

/** What an editor writes once and Herald publishes everywhere. */
public enum PieceKind {
    ARTICLE("articles"), INFOGRAPHIC("infographics"), RADIO_SCRIPT("radio"), VIDEO("videos");

    private final String folder;

    PieceKind(String folder) {
        this.folder = folder;
    }

    /** The folder of the content library that holds this kind. */
    public String folder() {
        return folder;
    }
}
