package vn.herald.channel.facebook;

import io.micronaut.json.JsonMapper;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.SettingsReader;
import vn.herald.channel.platform.Timeouts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Facebook Page channel file says, with the documented defaults. Everything that the platform may change
 * (version, limits, base URL) lives here rather than in code.
 */
record FacebookSettings(
        String channelId,
        String pageId,
        String graphVersion,
        String baseUrl,
        String accessTokenEnv,
        int maxMessageChars,
        int maxImages,
        int usageSlowDownPercent,
        Duration usageCooldown,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    static final String DEFAULT_GRAPH_VERSION = "v25.0";
    static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    static final String DEFAULT_TOKEN_ENV = "HERALD_FACEBOOK_PAGE_TOKEN";
    /** Reported by several publishing tools, not in Meta's reference: hence a setting. */
    static final int DEFAULT_MAX_MESSAGE_CHARS = 63_206;

    private static final Pattern PAGE_ID = Pattern.compile("[0-9]{1,30}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,3}");

    /** Reads the channel's settings; a wrong value is refused with the file, the key and what is expected. */
    static FacebookSettings of(Channel channel, JsonMapper json) {
        return ChannelSettings.bind(channel, json, FacebookSettings::from);
    }

    /** The settings as the channel file writes them; the import checks the file with this too. */
    static FacebookSettings from(String channelId, Map<?, ?> raw) {
        SettingsReader settings = new SettingsReader(channelId, raw);
        String pageId = settings.text("pageId", null);
        if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
            throw new BadSetting(channelId, "pageId", "'pageId' phải là mã số của Trang Facebook (chỉ gồm chữ số, ví dụ \"104857392012345\")");
        }
        String version = settings.text("graphVersion", DEFAULT_GRAPH_VERSION);
        if (!VERSION.matcher(version).matches()) {
            throw new BadSetting(channelId, "graphVersion", "'graphVersion' phải có dạng v25.0, đang là '" + version + "'");
        }
        String baseUrl = settings.text("baseUrl", DEFAULT_BASE_URL);
        try {
            URI uri = new URI(baseUrl);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(baseUrl, "not http(s)");
            }
        } catch (URISyntaxException e) {
            throw new BadSetting(channelId, "baseUrl", "'baseUrl' phải là một địa chỉ http(s), ví dụ " + DEFAULT_BASE_URL);
        }
        return new FacebookSettings(channelId, pageId, version,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                settings.text("accessTokenEnv", DEFAULT_TOKEN_ENV),
                settings.number("maxMessageChars", DEFAULT_MAX_MESSAGE_CHARS, 100, Integer.MAX_VALUE),
                settings.number("maxImages", 10, 1, 50),
                settings.number("usageSlowDownPercent", 80, 1, 100),
                Duration.ofMinutes(settings.number("usageCooldownMinutes", 10, 1, 24 * 60)),
                Duration.ofSeconds(settings.number("connectTimeoutSeconds", 10, 1, 600)),
                Duration.ofSeconds(settings.number("readTimeoutSeconds", 30, 1, 600)),
                Duration.ofSeconds(settings.number("callTimeoutSeconds", 120, 1, 3600)));
    }

    /** {@code https://graph.facebook.com/v25.0/} followed by the path. */
    String url(String path) {
        return baseUrl + "/" + graphVersion + "/" + path;
    }

    Timeouts timeouts() {
        return new Timeouts(connectTimeout, readTimeout, callTimeout);
    }
}
