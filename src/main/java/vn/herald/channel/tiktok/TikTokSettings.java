package vn.herald.channel.tiktok;

import io.micronaut.json.JsonMapper;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.SettingsReader;
import vn.herald.channel.platform.Timeouts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of a TIKTOK channel file, with TikTok's own address as default. Secrets are never here: only the names of
 * the environment variables that hold them.
 *
 * @param privacyLevel     the viewers Herald asks for; used only when the creator offers it (creator_info)
 * @param privacyFallback  what to use when the creator does not offer {@code privacyLevel}; empty means a person decides
 *                         (the channel pauses with the reason)
 * @param audited          whether TikTok has audited the client; an unaudited client may only post SELF_ONLY
 */
record TikTokSettings(
        String baseUrl,
        String clientKeyEnv,
        String clientSecretEnv,
        String refreshTokenEnv,
        String tokenKeyEnv,
        UploadMode uploadMode,
        String privacyLevel,
        Optional<String> privacyFallback,
        boolean audited,
        boolean disableComment,
        boolean disableDuet,
        boolean disableStitch,
        List<String> hashtags,
        long chunkBytes,
        int coverTimestampMillis,
        int statusPolls,
        Duration statusPollInterval,
        int initsPerMinute,
        Duration timeout,
        Duration refreshAhead) {

    static final String DEFAULT_BASE_URL = "https://open.tiktokapis.com";
    static final String SELF_ONLY = "SELF_ONLY";
    static final List<String> PRIVACY_LEVELS = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR",
            SELF_ONLY);
    /** TikTok allows six video/init calls per minute for one user's access token. */
    static final int MAX_INITS_PER_MINUTE = 6;

    /** How the video reaches TikTok: Herald sends the bytes, or TikTok fetches the portal's public copy. */
    enum UploadMode { FILE_UPLOAD, PULL_FROM_URL }

    static TikTokSettings of(Channel channel, JsonMapper json) {
        return ChannelSettings.bind(channel, json, TikTokSettings::from);
    }

    private static final Set<String> KNOWN = Set.of("baseUrl", "clientKeyEnv", "clientSecretEnv", "refreshTokenEnv",
            "tokenKeyEnv", "uploadMode", "privacyLevel", "privacyFallback", "audited", "disableComment", "disableDuet",
            "disableStitch", "hashtags", "chunkMegabytes", "coverTimestampMillis", "statusPolls", "statusPollIntervalMillis",
            "initsPerMinute", "timeoutMillis", "refreshAheadMinutes", "rateLimitPerMinute", "cadence", "platform");

    static TikTokSettings from(String channelId, Map<?, ?> raw) {
        for (Object key : raw.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                // a misspelt key would silently fall back to its default (say, public posting)
                throw new BadSetting(channelId, String.valueOf(key), "'" + key + "' không phải là khóa của kênh TikTok; "
                        + "các khóa hợp lệ: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        SettingsReader read = new SettingsReader(channelId, raw);
        String privacy = read.choice("privacyLevel", PRIVACY_LEVELS).orElse("PUBLIC_TO_EVERYONE");
        return new TikTokSettings(
                trimSlash(read.text("baseUrl").orElse(DEFAULT_BASE_URL)),
                read.text("clientKeyEnv").orElse("HERALD_TIKTOK_CLIENT_KEY"),
                read.text("clientSecretEnv").orElse("HERALD_TIKTOK_CLIENT_SECRET"),
                read.text("refreshTokenEnv").orElse("HERALD_TIKTOK_REFRESH_TOKEN"),
                read.text("tokenKeyEnv").orElse("HERALD_TIKTOK_TOKEN_KEY"),
                UploadMode.valueOf(read.choice("uploadMode", List.of("FILE_UPLOAD", "PULL_FROM_URL")).orElse("FILE_UPLOAD")),
                privacy,
                read.choice("privacyFallback", PRIVACY_LEVELS),
                read.flag("audited", false),
                read.flag("disableComment", false),
                read.flag("disableDuet", false),
                read.flag("disableStitch", false),
                read.list("hashtags", "[\"XaHoaAn\", \"ChuyenDoiSo\"]"),
                read.number("chunkMegabytes", 10, 5, 64) * 1024L * 1024L,
                read.number("coverTimestampMillis", 1000, 0, Integer.MAX_VALUE),
                read.number("statusPolls", 10, 1, 1000),
                Duration.ofMillis(read.number("statusPollIntervalMillis", 3000, 0, 600_000)),
                read.number("initsPerMinute", MAX_INITS_PER_MINUTE, 1, MAX_INITS_PER_MINUTE),
                Duration.ofMillis(read.number("timeoutMillis", 60_000, 100, 3_600_000)),
                Duration.ofMinutes(read.number("refreshAheadMinutes", 10, 0, 1440)));
    }

    /** Every TikTok call gets {@code timeout} to connect and between reads, and twice that in all. */
    Timeouts timeouts() {
        return Timeouts.of(timeout);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Typed access to the plain values of a channel file, with errors that name the key. */
}
