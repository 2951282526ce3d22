package vn.herald.channel.youtube;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.Payload;
import vn.herald.channel.PortalLinks;
import vn.herald.channel.video.PieceVideo;
import vn.herald.channel.video.PieceVideos;
import vn.herald.channel.video.VideoShape;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.support.JsonText;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A piece as a YouTube upload, frozen at scheduling, within YouTube's documented limits: a title of at most 100
 * characters, a description of at most 5000 bytes, tags of at most 500 characters in all, and neither {@code <} nor
 * {@code >} in the title or description (YouTube refuses them as invalid metadata).
 */
@Singleton
class YouTubeRender {

    static final int TITLE_MAX = 100;
    static final int DESCRIPTION_MAX_BYTES = 5000;
    static final int TAGS_MAX = 500;
    /** YouTube shows a vertical video of up to three minutes as a Short; it decides by shape and length alone. */
    static final double SHORTS_MAX_SECONDS = 180;
    static final String SHORTS_TAG = "#Shorts";

    private final JsonMapper json;
    private final HtmlText html;
    private final PieceVideos videos;
    private final PortalLinks portalLinks;

    YouTubeRender(JsonMapper json, HtmlText html, PieceVideos videos, PortalLinks portalLinks) {
        this.json = json;
        this.html = html;
        this.videos = videos;
        this.portalLinks = portalLinks;
    }

    List<ChannelRequirement> unmet(Piece piece, YouTubeSettings settings, Channel channel) {
        Optional<PieceVideo> video = videos.of(piece, VideoShape.LANDSCAPE);
        if (video.isEmpty()) {
            return List.of(new ChannelRequirement(RefusalCode.CHANNEL_NEEDS_VIDEO, channel.name()));
        }
        long seconds = Math.round(Math.ceil(video.get().seconds()));
        if (seconds > settings.maxVideoSeconds()) {
            return List.of(new ChannelRequirement(RefusalCode.YOUTUBE_VIDEO_TOO_LONG, channel.name(), seconds,
                    settings.maxVideoSeconds()));
        }
        return List.of();
    }

    Payload render(Piece piece, YouTubeSettings settings, Channel channel) {
        PieceVideo video = videos.of(piece, VideoShape.LANDSCAPE).orElseThrow(() ->
                Refusal.conflict(RefusalCode.CHANNEL_NEEDS_VIDEO, channel.name()));
        boolean shorts = video.shape() == VideoShape.VERTICAL && video.seconds() <= SHORTS_MAX_SECONDS;
        List<String> warnings = new ArrayList<>();
        String title = title(piece.title(), shorts, warnings);
        String description = description(piece, shorts, warnings);
        List<String> tags = tags(settings.tags(), piece.topics(), warnings);
        YouTubeVideo upload = new YouTubeVideo(video.video().sha256(), video.video().mediaType(), video.video().sizeBytes(),
                video.captions() == null ? null : video.captions().sha256(),
                video.poster() == null ? null : video.poster().sha256(), title, description, tags, settings.categoryId(),
                settings.privacyStatus(), settings.madeForKids(), shorts, video.seconds());
        return new Payload(JsonText.of(json, upload), title, warnings);
    }

    ChannelPreview look(Payload payload) {
        YouTubeVideo video = read(payload);
        return new ChannelPreview(video.title(), video.description(), null,
                video.posterSha256() == null ? null : "/assets/" + video.posterSha256(), video.title(), null,
                Duration.ofMillis(Math.round(video.seconds() * 1000)), false, payload.warnings());
    }

    YouTubeVideo read(Payload payload) {
        try {
            return json.readValue(payload.body(), YouTubeVideo.class);
        } catch (IOException e) {
            throw new IllegalStateException("the payload is not a YouTube upload: " + e.getMessage(), e);
        }
    }

    private static String title(String pieceTitle, boolean shorts, List<String> warnings) {
        String clean = safe(pieceTitle).replaceAll("\\s+", " ").strip();
        int room = shorts ? TITLE_MAX - SHORTS_TAG.length() - 1 : TITLE_MAX;
        String fitted = clean;
        if (clean.codePointCount(0, clean.length()) > room) {
            fitted = cut(clean, room - 1) + "…";
            warnings.add("Tiêu đề dài quá " + TITLE_MAX + " ký tự YouTube cho phép nên đã được cắt bớt: “" + fitted + "”.");
        }
        return shorts ? fitted + " " + SHORTS_TAG : fitted;
    }

    private String description(Piece piece, boolean shorts, List<String> warnings) {
        List<String> parts = new ArrayList<>();
        if (piece.summary() != null && !piece.summary().isBlank()) {
            parts.add(piece.summary().strip());
        }
        String body = html.toPlainText(piece.body()).strip();
        if (!body.isEmpty()) {
            parts.add(body);
        }
        String text = safe(String.join("\n\n", parts));
        StringBuilder trailer = new StringBuilder();
        portalLinks.pageOf(piece).ifPresent(link -> trailer.append("\n\nXem thêm: ").append(link));
        if (shorts) {
            trailer.append("\n\n").append(SHORTS_TAG);
        }
        int room = DESCRIPTION_MAX_BYTES - bytes(trailer.toString());
        if (bytes(text) > room) {
            text = fitBytes(text, room - bytes("…")).strip() + "…";
            warnings.add("Phần mô tả dài quá " + DESCRIPTION_MAX_BYTES + " byte YouTube cho phép nên đã được cắt bớt; "
                    + "đường dẫn tới cổng thông tin vẫn được giữ.");
        }
        return (text + trailer).strip();
    }

    /** The channel's own tags first, then the piece's topics, each once, while the total stays within YouTube's 500. */
    private static List<String> tags(List<String> channelTags, List<String> topics, List<String> warnings) {
        List<String> candidates = new ArrayList<>(channelTags);
        if (topics != null) {
            topics.stream().map(topic -> safe(topic).replace(",", " ").strip()).filter(topic -> !topic.isEmpty())
                    .forEach(candidates::add);
        }
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (String tag : candidates) {
            if (kept.stream().anyMatch(tag::equalsIgnoreCase)) {
                continue;
            }
            // YouTube counts the commas between tags, and the quotes around a tag with a space
            int cost = tag.length() + (tag.contains(" ") ? 2 : 0) + (kept.isEmpty() ? 0 : 1);
            if (used + cost > TAGS_MAX) {
                warnings.add("Không gắn thẻ “" + tag + "”: tổng độ dài các thẻ vượt quá " + TAGS_MAX + " ký tự YouTube cho phép.");
                continue;
            }
            kept.add(tag);
            used += cost;
        }
        return kept;
    }

    /** Angle brackets are refused by YouTube in titles and descriptions; look-alike marks keep the meaning. */
    private static String safe(String text) {
        return text == null ? "" : text.replace('<', '‹').replace('>', '›');
    }

    private static String cut(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints)).strip();
    }

    /** The longest start of the text, whole characters only, within this many UTF-8 bytes. */
    private static String fitBytes(String text, int budget) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
