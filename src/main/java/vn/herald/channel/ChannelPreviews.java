package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.content.Piece;

import java.util.List;

/** Renders a piece for every channel the way its adapter would freeze it, and shows the result; nothing is sent. */
@Singleton
public class ChannelPreviews {

    /** One channel's preview, or why the piece cannot go there as it is. */
    public record Shown(Channel channel, @Nullable ChannelPreview preview, @Nullable String problem) {}

    private final Channels channels;
    private final ChannelAdapters adapters;

    ChannelPreviews(Channels channels, ChannelAdapters adapters) {
        this.channels = channels;
        this.adapters = adapters;
    }

    public List<Shown> of(Piece piece) {
        return channels.ofUnit(piece.unitCode()).stream().filter(channel -> !channels.fileRemoved(channel))
                .map(channel -> show(piece, channel)).toList();
    }

    private Shown show(Piece piece, Channel channel) {
        return adapters.forChannel(channel).map(adapter -> {
            try {
                Payload payload = adapter.render(piece, channel);
                return new Shown(channel, adapter.look(payload, channel), null);
            } catch (Refusal refusal) {
                return new Shown(channel, null, refusal.getMessage());
            }
        }).orElseGet(() -> new Shown(channel, null, "no adapter speaks for " + channel.type()));
    }
}
