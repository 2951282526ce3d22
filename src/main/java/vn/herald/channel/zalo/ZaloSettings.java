package vn.herald.channel.zalo;

import io.micronaut.json.JsonMapper;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.SettingsReader;
import vn.herald.channel.platform.Timeouts;

import java.time.Duration;
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
        SettingsReader read = new SettingsReader(channelId, raw);
        return new ZaloSettings(
                trimSlash(read.text("baseUrl").orElse(DEFAULT_BASE_URL)),
                trimSlash(read.text("oauthUrl").orElse(DEFAULT_OAUTH_URL)),
                read.text("appIdEnv").orElse("HERALD_ZALO_APP_ID"),
                read.text("appSecretEnv").orElse("HERALD_ZALO_APP_SECRET"),
                read.text("refreshTokenEnv").orElse("HERALD_ZALO_REFRESH_TOKEN"),
                read.text("tokenKeyEnv").orElse("HERALD_ZALO_TOKEN_KEY"),
                read.text("author"),
                read.text("defaultCoverUrl"),
                read.number("titleMax", 150, 1, Integer.MAX_VALUE),
                read.number("descriptionMax", 300, 1, Integer.MAX_VALUE),
                read.number("authorMax", 50, 1, Integer.MAX_VALUE),
                read.number("verifyAttempts", 20, 1, Integer.MAX_VALUE),
                Duration.ofMillis(read.number("verifyIntervalMillis", 3000, 0, Integer.MAX_VALUE)),
                Duration.ofMillis(read.number("timeoutMillis", 30_000, 100, Integer.MAX_VALUE)),
                Duration.ofMinutes(read.number("refreshAheadMinutes", 60, 0, Integer.MAX_VALUE)),
                read.number("reconcilePages", 3, 1, Integer.MAX_VALUE),
                read.flag("broadcast", false),
                read.mapping("broadcastTarget", "{gender: 0, cities: \"4\"}"),
                read.list("groupIds", "[\"1234567890\"]"));
    }

    /** Every Zalo call gets {@code timeout} to connect and between reads, and twice that in all. */
    Timeouts timeouts() {
        return Timeouts.of(timeout);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Typed access to the plain values of a channel file, with errors that name the file and the key. */
}
