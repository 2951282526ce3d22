package vn.herald.channel;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/**
 * The one place a channel's stored settings are parsed. Each channel type binds them to its own settings record
 * ({@code FacebookSettings}, {@code ZaloSettings}, ...) with the same binder the import used to check the file, so a
 * value that passed the import reads the same way later; nobody else reads the stored JSON.
 */
public final class ChannelSettings {

    /** Binds a channel file's plain values to a settings record, or throws {@link BadSetting} naming the key. */
    @FunctionalInterface
    public interface Binder<T> {
        T bind(String channelId, Map<?, ?> raw);
    }

    private ChannelSettings() {
    }

    public static <T> T bind(Channel channel, JsonMapper json, Binder<T> binder) {
        return binder.bind(channel.id(), stored(channel, json));
    }

    private static Map<?, ?> stored(Channel channel, JsonMapper json) {
        try {
            Map<?, ?> raw = json.readValue(channel.settings(), Map.class);
            return raw == null ? Map.of() : raw;
        } catch (IOException | RuntimeException e) {
            throw new BadSetting(channel.id(), "type", "không đọc được cấu hình đã lưu của kênh: nhập lại tệp kênh");
        }
    }
}
