package vn.herald.content;

import java.util.Set;

/** The file formats Herald accepts as uploads, with the media type it serves them under. */
public enum AssetType {
    PNG("image/png", AssetKind.IMAGE),
    JPEG("image/jpeg", AssetKind.IMAGE),
    WEBP("image/webp", AssetKind.IMAGE),
    MP3("audio/mpeg", AssetKind.AUDIO),
    // Tika calls WAV audio/vnd.wave, and older tools say audio/x-wav or audio/wave.
    WAV("audio/wav", AssetKind.AUDIO, "audio/vnd.wave", "audio/x-wav", "audio/wave"),
    // Tika names an Ogg stream after its codec when it can see it; video/ogg stays out.
    OGG("audio/ogg", AssetKind.AUDIO, "application/ogg", "audio/vorbis", "audio/opus"),
    MP4("video/mp4", AssetKind.VIDEO, "video/quicktime", "video/x-m4v"),
    // Tika sees a WebM's EBML header as Matroska when the DocType lies past its window; ffprobe decides the codecs.
    WEBM("video/webm", AssetKind.VIDEO, "video/x-matroska", "audio/webm", "application/x-matroska"),
    VTT("text/vtt", AssetKind.CAPTIONS);

    private final String mediaType;
    private final AssetKind kind;
    private final Set<String> detectedAs;

    AssetType(String mediaType, AssetKind kind, String... otherNames) {
        this.mediaType = mediaType;
        this.kind = kind;
        this.detectedAs = Set.of(otherNames);
    }

    public String mediaType() {
        return mediaType;
    }

    public AssetKind kind() {
        return kind;
    }

    /** The type a stored asset was kept as, from the media type it is served under. */
    public static AssetType ofMediaType(String mediaType) {
        for (AssetType type : values()) {
            if (type.mediaType.equals(mediaType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("no asset type is served as " + mediaType);
    }

    boolean isNamed(String detectedType) {
        return mediaType.equals(detectedType) || detectedAs.contains(detectedType);
    }
}
