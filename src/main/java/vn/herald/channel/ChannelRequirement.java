package vn.herald.channel;

import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.util.Arrays;
import java.util.List;

/**
 * A channel's hard requirement a piece does not meet (Zalo's cover, Facebook's text limit): scheduling on the channel
 * is refused with this code and its text, and the preview shows the same words.
 *
 * @param code stable, for clients and tests, e.g. {@code zalo-cover-required}; its text names the channel and what to do
 * @param args the text's arguments
 */
public record ChannelRequirement(RefusalCode code, List<Object> args) {

    public ChannelRequirement(RefusalCode code, Object... args) {
        this(code, Arrays.asList(args));
    }

    /**
     * Zalo, WordPress and the loudspeakers cannot carry a video: a VIDEO piece is refused there in plain words instead
     * of going out without the video it is about. Empty for every other kind. (Screens play videos; YouTube and TikTok
     * need one, {@code channel-needs-video}.)
     */
    public static List<ChannelRequirement> takesNoVideo(vn.herald.content.Piece piece, Channel channel) {
        return piece.kind() == vn.herald.content.PieceKind.VIDEO
                ? List.of(new ChannelRequirement(RefusalCode.CHANNEL_TAKES_NO_VIDEO, channel.name())) : List.of();
    }

    /** The words in Vietnamese, as the preview shows them. */
    public String message() {
        return Refusal.text(code.key(), args, Refusal.VIETNAMESE);
    }
}
