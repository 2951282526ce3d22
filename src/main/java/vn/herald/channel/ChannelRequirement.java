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

    /** The words in Vietnamese, as the preview shows them. */
    public String message() {
        return Refusal.text(code.key(), args, Refusal.VIETNAMESE);
    }
}
