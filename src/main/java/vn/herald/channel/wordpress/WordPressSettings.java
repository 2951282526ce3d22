package vn.herald.channel.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.CommonSettings;
import vn.herald.channel.SettingsReader;
import vn.herald.channel.platform.Timeouts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a WordPress portal's channel file says: the site, the REST path, the user and the environment variable with
 * its application password, the category, and timeouts.
 */
record WordPressSettings(
        String channelId,
        String site,
        String apiPath,
        String username,
        String applicationPasswordEnv,
        @Nullable Long categoryId,
        @Nullable String categoryName,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    static final String PLATFORM = "wordpress";
    static final String DEFAULT_API_PATH = "/wp-json/wp/v2";
    static final String DEFAULT_PASSWORD_ENV = "HERALD_WORDPRESS_APP_PASSWORD";

    private static final Pattern API_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /** Whether the channel file says {@code platform: wordpress}; anything unreadable is not ours. */
    static boolean isWordPress(Channel channel, JsonMapper json) {
        try {
            return CommonSettings.of(channel, json).wordPress(channel.type());
        } catch (BadSetting e) {
            return false;
        }
    }

    /** Reads the channel's settings; a wrong value is refused naming the file, the key and what is expected. */
    static WordPressSettings of(Channel channel, JsonMapper json) {
        return ChannelSettings.bind(channel, json, WordPressSettings::of);
    }

    /** The settings as the channel file writes them (also checked when the file is imported). */
    static WordPressSettings of(String channelId, Map<?, ?> raw) {
        SettingsReader settings = new SettingsReader(channelId, raw);
        String site = settings.text("site", null);
        if (site == null) {
            throw new BadSetting(channelId, "site", "thiếu 'site': địa chỉ trang WordPress, ví dụ https://congthongtin.xahoaan.gov.vn");
        }
        try {
            URI uri = new URI(site);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(site, "not a plain http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new BadSetting(channelId, "site", "'site' phải là một địa chỉ http(s) không có ? hay #, ví dụ https://congthongtin.xahoaan.gov.vn");
        }
        String apiPath = settings.text("apiPath", DEFAULT_API_PATH);
        if (!API_PATH.matcher(apiPath).matches()) {
            throw new BadSetting(channelId, "apiPath", "'apiPath' phải là một đường dẫn như " + DEFAULT_API_PATH + ", đang là '" + apiPath + "'");
        }
        String username = settings.text("username", null);
        if (username == null) {
            throw new BadSetting(channelId, "username", "thiếu 'username': tên đăng nhập WordPress của tài khoản có mật khẩu ứng dụng");
        }
        Long categoryId = settings.has("categoryId") ? (long) settings.number("categoryId", 0, 1, Integer.MAX_VALUE) : null;
        String categoryName = settings.text("category", null);
        if (categoryId != null && categoryName != null) {
            throw new BadSetting(channelId, "category", "chỉ ghi một trong hai: 'categoryId' (mã số) hoặc 'category' (tên chuyên mục)");
        }
        return new WordPressSettings(channelId, stripSlash(site), stripSlash(apiPath), username,
                settings.text("applicationPasswordEnv", DEFAULT_PASSWORD_ENV), categoryId, categoryName,
                Duration.ofSeconds(settings.number("connectTimeoutSeconds", 10, 1, 600)),
                Duration.ofSeconds(settings.number("readTimeoutSeconds", 30, 1, 600)),
                Duration.ofSeconds(settings.number("callTimeoutSeconds", 120, 1, 3600)));
    }

    /** The REST address of a route, e.g. {@code posts} becomes https://site/wp-json/wp/v2/posts. */
    String url(String route) {
        return site + apiPath + "/" + route;
    }

    Timeouts timeouts() {
        return new Timeouts(connectTimeout, readTimeout, callTimeout);
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
