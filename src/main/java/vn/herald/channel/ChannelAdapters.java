package vn.herald.channel;

import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The adapter of each channel type. */
@Singleton
public class ChannelAdapters {

    private final Map<ChannelType, ChannelAdapter> byType = new EnumMap<>(ChannelType.class);

    ChannelAdapters(List<ChannelAdapter> adapters) {
        for (ChannelAdapter adapter : adapters) {
            ChannelAdapter twice = byType.put(adapter.type(), adapter);
            if (twice != null) {
                throw new IllegalStateException("two adapters for " + adapter.type() + ": " + twice.getClass().getName()
                        + " and " + adapter.getClass().getName());
            }
        }
    }

    public Optional<ChannelAdapter> forType(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
