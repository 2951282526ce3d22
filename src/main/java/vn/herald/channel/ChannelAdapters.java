package vn.herald.channel;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Finds the adapter that speaks for a channel. */
@Singleton
public class ChannelAdapters {

    private final List<ChannelAdapter> adapters;

    ChannelAdapters(List<ChannelAdapter> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    /** The one adapter serving the channel; two would be a build mistake, so that fails loudly. */
    public Optional<ChannelAdapter> forChannel(Channel channel) {
        List<ChannelAdapter> serving = adapters.stream().filter(adapter -> adapter.serves(channel)).toList();
        if (serving.size() > 1) {
            throw new IllegalStateException("two adapters serve channel " + channel.id() + ": "
                    + serving.stream().map(adapter -> adapter.getClass().getName()).toList());
        }
        return serving.stream().findFirst();
    }
}
