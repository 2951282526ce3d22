package vn.herald.channel.youtube;

import io.micronaut.json.JsonMapper;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.SettingsReader;
import vn.herald.channel.platform.Timeouts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a YOUTUBE channel file, with Google's real addresses as defaults. Secrets are never here: only the
 * names of the environment variables holding the OAuth client and the refresh token.
 */
record YouTubeSettings(
        String channelId,
        String clientIdEnv,
        String clientSecretEnv,
        String refreshTokenEnv,
        String privacyStatus,
        boolean madeForKids,
        String categoryId,
        List<String> tags,
        String apiUrl,
        String uploadUrl,
        String oauthUrl,
        int chunkBytes,
        int maxVideoSeconds,
        int uploadTries,
        String captionsName,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    static final String DEFAULT_API_URL = "https://www.googleapis.com/youtube/v3";
    static final String DEFAULT_UPLOAD_URL = "https://www.googleapis.com/upload/youtube/v3";
    static final String DEFAULT_OAUTH_URL = "https://oauth2.googleapis.com/token";
    /** Google's resumable protocol takes chunks in multiples of 256 KiB (the last chunk excepted). */
    static final int CHUNK_UNIT = 256 * 1024;
    /** 25: News & Politics, what a commune's information centre posts. */
    static final String DEFAULT_CATEGORY = "25";
    private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");

    static YouTubeSettings of(Channel channel, JsonMapper json) {
        return ChannelSettings.bind(channel, json, YouTubeSettings::from);
    }

    /** The settings as the channel file writes them; the import checks the file with this too. */
    static YouTubeSettings from(String channelId, Map<?, ?> raw) {
        SettingsReader read = new SettingsReader(channelId, raw);
        String privacy = read.text("privacyStatus", "public").toLowerCase(Locale.ROOT);
        if (!PRIVACY.contains(privacy)) {
            throw new BadSetting(channelId, "privacyStatus", "'privacyStatus' phải là public, unlisted hoặc private, đang là '"
                    + privacy + "'");
        }
        String category = read.text("categoryId", DEFAULT_CATEGORY);
        if (!category.matches("[0-9]{1,4}")) {
            throw new BadSetting(channelId, "categoryId", "'categoryId' phải là mã số thể loại của YouTube (ví dụ 25: Tin tức và "
                    + "chính trị), đang là '" + category + "'");
        }
        int chunkKib = read.number("chunkKib", 8 * 1024, 256, 1024 * 1024);
        if (chunkKib % 256 != 0) {
            throw new BadSetting(channelId, "chunkKib", "'chunkKib' phải là bội số của 256 (YouTube nhận từng phần cỡ bội số "
                    + "của 256 KiB), đang là '" + chunkKib + "'");
        }
        return new YouTubeSettings(channelId,
                read.text("clientIdEnv", "HERALD_YOUTUBE_CLIENT_ID"),
                read.text("clientSecretEnv", "HERALD_YOUTUBE_CLIENT_SECRET"),
                read.text("refreshTokenEnv", "HERALD_YOUTUBE_REFRESH_TOKEN"),
                privacy,
                read.flag("madeForKids", false),
                category,
                tags(read, "tags"),
                url(read, "apiUrl", DEFAULT_API_URL),
                url(read, "uploadUrl", DEFAULT_UPLOAD_URL),
                url(read, "oauthUrl", DEFAULT_OAUTH_URL),
                chunkKib * 1024,
                read.number("maxVideoSeconds", 15 * 60, 1, 12 * 3600),
                read.number("uploadTries", 5, 1, 20),
                read.text("captionsName", "Tiếng Việt"),
                Duration.ofSeconds(read.number("connectTimeoutSeconds", 10, 1, 600)),
                Duration.ofSeconds(read.number("readTimeoutSeconds", 60, 1, 3600)),
                Duration.ofSeconds(read.number("callTimeoutSeconds", 600, 1, 24 * 3600)));
    }

    Timeouts timeouts() {
        return new Timeouts(connectTimeout, readTimeout, callTimeout);
    }

    private static List<String> tags(SettingsReader read, String key) {
        Object value = read.raw().get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new BadSetting(read.channelId(), key, "'" + key + "' phải là một danh sách thẻ, ví dụ [Hòa An, tin xã]");
        }
        List<String> tags = new ArrayList<>();
        for (Object item : items) {
            String tag = item == null ? "" : item.toString().strip();
            if (tag.isEmpty() || tag.contains("<") || tag.contains(">") || tag.contains(",")) {
                throw new BadSetting(read.channelId(), key, "thẻ '" + tag + "' trong '" + key + "' không được rỗng và không chứa "
                        + "dấu <, > hay dấu phẩy");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    private static String url(SettingsReader read, String key, String fallback) {
        String url = read.text(key, fallback);
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not http(s)");
            }
        } catch (URISyntaxException e) {
            throw new BadSetting(read.channelId(), key, "'" + key + "' phải là một địa chỉ http(s), ví dụ " + fallback);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
