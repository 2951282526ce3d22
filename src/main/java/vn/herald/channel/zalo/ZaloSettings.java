package vn.herald.channel.zalo;

import io.micronaut.json.JsonMapper;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.platform.Timeouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of a ZALO_OA channel file, with the real platform as default for every address. Secrets are never
 * here: only the names of the environment variables that hold them.
 */
record ZaloSettings(
        String baseUrl,
        String oauthUrl,
        String appIdEnv,
        String appSecretEnv,
        String refreshTokenEnv,
        String tokenKeyEnv,
        Optional<String> author,
        Optional<String> defaultCoverUrl,
        int titleMax,
        int descriptionMax,
        int authorMax,
        int verifyAttempts,
        Duration verifyInterval,
        Duration timeout,
        Duration refreshAhead,
        int reconcilePages,
        boolean broadcast,
        Map<String, Object> broadcastTarget,
        List<String> groupIds) {

    static final String DEFAULT_BASE_URL = "https://openapi.zalo.me";
    static final String DEFAULT_OAUTH_URL = "https://oauth.zaloapp.com";

    /** Reads the channel's settings; a wrong value is an error naming the key and the channel file. */
    static ZaloSettings of(Channel channel, JsonMapper json) {
        return ChannelSettings.bind(channel, json, ZaloSettings::from);
    }

    /** The settings as the channel file writes them; the import checks the file with this too. */
    static ZaloSettings from(String channelId, Map<?, ?> raw) {
        Reader read = new Reader(channelId, raw);
        return new ZaloSettings(
                trimSlash(read.text("baseUrl").orElse(DEFAULT_BASE_URL)),
                trimSlash(read.text("oauthUrl").orElse(DEFAULT_OAUTH_URL)),
                read.text("appIdEnv").orElse("HERALD_ZALO_APP_ID"),
                read.text("appSecretEnv").orElse("HERALD_ZALO_APP_SECRET"),
                read.text("refreshTokenEnv").orElse("HERALD_ZALO_REFRESH_TOKEN"),
                read.text("tokenKeyEnv").orElse("HERALD_ZALO_TOKEN_KEY"),
                read.text("author"),
                read.text("defaultCoverUrl"),
                read.number("titleMax", 150, 1),
                read.number("descriptionMax", 300, 1),
                read.number("authorMax", 50, 1),
                read.number("verifyAttempts", 20, 1),
                Duration.ofMillis(read.number("verifyIntervalMillis", 3000, 0)),
                Duration.ofMillis(read.number("timeoutMillis", 30_000, 100)),
                Duration.ofMinutes(read.number("refreshAheadMinutes", 60, 0)),
                read.number("reconcilePages", 3, 1),
                read.bool("broadcast"),
                read.mapping("broadcastTarget"),
                read.list("groupIds"));
    }

    /** Every Zalo call gets {@code timeout} to connect and between reads, and twice that in all. */
    Timeouts timeouts() {
        return Timeouts.of(timeout);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Typed access to the plain values of a channel file, with errors that name the file and the key. */
    private record Reader(String channelId, Map<?, ?> raw) {

        Optional<String> text(String key) {
            Object value = raw.get(key);
            if (value == null) {
                return Optional.empty();
            }
            String text = String.valueOf(value).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        int number(String key, int fallback, int min) {
            Object value = raw.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Number n) || n.longValue() < min || n.longValue() > Integer.MAX_VALUE) {
                throw wrong(key, "một số nguyên từ " + min + " trở lên, đang là '" + value + "'");
            }
            return n.intValue();
        }

        boolean bool(String key) {
            Object value = raw.get(key);
            if (value == null) {
                return false;
            }
            if (!(value instanceof Boolean b)) {
                throw wrong(key, "true hoặc false, đang là '" + value + "'");
            }
            return b;
        }

        Map<String, Object> mapping(String key) {
            Object value = raw.get(key);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw wrong(key, "các cặp khóa: giá trị, ví dụ {gender: 0, cities: \"4\"}");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }

        List<String> list(String key) {
            Object value = raw.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                throw wrong(key, "một danh sách, ví dụ [\"1234567890\"]");
            }
            List<String> texts = new ArrayList<>();
            for (Object item : items) {
                if (item == null || String.valueOf(item).isBlank()) {
                    throw wrong(key, "một danh sách không có mục trống");
                }
                texts.add(String.valueOf(item).strip());
            }
            return List.copyOf(texts);
        }

        private BadSetting wrong(String key, String expected) {
            return new BadSetting(channelId, key, "'" + key + "' phải là " + expected);
        }
    }
}
