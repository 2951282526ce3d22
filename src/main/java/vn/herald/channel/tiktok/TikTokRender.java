package vn.herald.channel.tiktok;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.Payload;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.video.PieceVideo;
import vn.herald.channel.video.PieceVideos;
import vn.herald.channel.video.VideoShape;
import vn.herald.content.Piece;
import vn.herald.support.JsonText;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A piece as a TikTok post: its video, and a caption of at most 2200 characters ending with its hashtags. */
@Singleton
class TikTokRender {

    /** TikTok's limit on {@code post_info.title}, counted in UTF-16 units. */
    static final int CAPTION_MAX = 2200;

    private final PieceVideos videos;
    private final PortalAddress portal;
    private final JsonMapper json;

    TikTokRender(PieceVideos videos, PortalAddress portal, JsonMapper json) {
        this.videos = videos;
        this.portal = portal;
        this.json = json;
    }

    List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return video(piece).isPresent() ? List.of()
                : List.of(new ChannelRequirement(RefusalCode.CHANNEL_NEEDS_VIDEO, channel.name()));
    }

    /** The frozen post; a piece without a video is refused as scheduling refuses it, so previews show the reason. */
    Payload render(Piece piece, Channel channel, TikTokSettings settings) {
        PieceVideo video = video(piece).orElseThrow(() -> Refusal.conflict(RefusalCode.CHANNEL_NEEDS_VIDEO, channel.name()));
        List<String> warnings = new ArrayList<>();
        if (video.shape() != VideoShape.VERTICAL) {
            warnings.add("Video nằm ngang (" + video.width() + "×" + video.height() + "): TikTok hiển thị đẹp nhất video dọc "
                    + "9:16, video ngang sẽ có viền đen.");
        }
        String title = caption(piece, settings, warnings);
        int cover = (int) Math.min(settings.coverTimestampMillis(), Math.max(0, (long) (video.seconds() * 1000) - 1));
        TikTokPayload payload = new TikTokPayload(video.video().sha256(), video.video().sizeBytes(), video.seconds(),
                video.width(), video.height(), video.poster() == null ? null : video.poster().sha256(), title,
                settings.audited() ? settings.privacyLevel() : TikTokSettings.SELF_ONLY, cover,
                portal.base() + "/assets/" + video.video().sha256());
        if (!settings.audited() && !settings.privacyLevel().equals(TikTokSettings.SELF_ONLY)) {
            warnings.add("Ứng dụng TikTok chưa được duyệt (audit): video sẽ đăng ở chế độ «Chỉ mình tôi», người khác chưa xem được.");
        }
        return new Payload(JsonText.of(json, payload), firstLine(title), warnings);
    }

    TikTokPayload read(Payload payload) {
        try {
            return json.readValue(payload.body(), TikTokPayload.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the frozen TikTok post cannot be read: " + e.getMessage(), e);
        }
    }

    ChannelPreview look(Payload payload) {
        TikTokPayload post = read(payload);
        return new ChannelPreview(firstLine(post.title()), post.title(), null,
                post.posterSha256() == null ? null : "/assets/" + post.posterSha256(), null, "/assets/" + post.videoSha256(),
                Duration.ofMillis(Math.round(post.seconds() * 1000)), false, payload.warnings());
    }

    private Optional<PieceVideo> video(Piece piece) {
        return videos.of(piece, VideoShape.VERTICAL);
    }

    /**
     * Title, summary, then the channel's and the piece's hashtags, in at most {@link #CAPTION_MAX} characters: the words
     * come first, and hashtags that no longer fit are left out, with a warning.
     */
    private static String caption(Piece piece, TikTokSettings settings, List<String> warnings) {
        StringBuilder text = new StringBuilder(piece.title().strip());
        if (piece.summary() != null && !piece.summary().isBlank()) {
            text.append("\n\n").append(piece.summary().strip());
        }
        String body = text.toString();
        if (body.length() > CAPTION_MAX) {
            warnings.add("Chú thích dài " + body.length() + " ký tự, TikTok nhận tối đa " + CAPTION_MAX + ": đã rút gọn.");
            body = cut(body, CAPTION_MAX);
        }
        Set<String> tags = new LinkedHashSet<>();
        settings.hashtags().forEach(tag -> tags.add(hashtag(tag)));
        piece.topics().forEach(topic -> tags.add(hashtag(topic)));
        tags.remove("#");
        StringBuilder kept = new StringBuilder();
        int room = CAPTION_MAX - body.length() - 2;
        int dropped = 0;
        for (String tag : tags) {
            int needed = kept.isEmpty() ? tag.length() : tag.length() + 1;
            if (kept.length() + needed <= room) {
                kept.append(kept.isEmpty() ? "" : " ").append(tag);
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            warnings.add("Đã bỏ " + dropped + " thẻ # cuối vì chú thích TikTok dài tối đa " + CAPTION_MAX + " ký tự.");
        }
        return kept.isEmpty() ? body : body + "\n\n" + kept;
    }

    /** A hashtag TikTok links: letters and digits only (Vietnamese letters kept), no spaces. */
    static String hashtag(String words) {
        StringBuilder tag = new StringBuilder("#");
        for (String word : words.strip().replaceFirst("^#", "").split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                tag.appendCodePoint(Character.toUpperCase(word.codePointAt(0))).append(word.substring(word.offsetByCodePoints(0, 1)));
            }
        }
        return tag.toString();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, Math.max(0, max - 1));
        if (!head.isEmpty() && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        int space = head.lastIndexOf(' ');
        if (space > head.length() * 4 / 5) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
