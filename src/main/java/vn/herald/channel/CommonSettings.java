package vn.herald.channel;

import io.micronaut.json.JsonMapper;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings every channel file may have, whatever its type: the send limit, for a portal the platform it runs on
 * (none: Herald's built-in portal; {@code wordpress}: a WordPress site), and the editorial cadence. The calendar
 * checks the cadence's values at import (it owns their meaning); here they are only read.
 */
public record CommonSettings(int rateLimitPerMinute, Optional<String> platform, Optional<Cadence> cadence) {

    /** {@code cadence: {perWeek: 2, autofill: true}}; a missing perWeek leaves the channel type's default. */
    public record Cadence(Optional<Integer> perWeek, boolean autofill) {}

    public static final String RATE_LIMIT = "rateLimitPerMinute";
    public static final String PLATFORM = "platform";
    public static final String CADENCE = "cadence";
    public static final int DEFAULT_RATE_LIMIT = 60;
    public static final String WORDPRESS = "wordpress";
    private static final int MAX_RATE_LIMIT = Integer.MAX_VALUE;

    public static CommonSettings of(Channel channel, JsonMapper json) {
        return ChannelSettings.bind(channel, json, (id, raw) -> from(id, channel.type(), raw));
    }

    public static CommonSettings from(String channelId, ChannelType type, Map<?, ?> raw) {
        Object rate = raw.get(RATE_LIMIT);
        int perMinute = DEFAULT_RATE_LIMIT;
        if (rate != null) {
            if (!(rate instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 1 || n.longValue() > MAX_RATE_LIMIT) {
                throw new BadSetting(channelId, RATE_LIMIT, "'" + RATE_LIMIT + "' phải là số nguyên từ 1 trở lên (số lần gửi "
                        + "tối đa mỗi phút), đang là '" + rate + "'");
            }
            perMinute = n.intValue();
        }
        Optional<String> platform = Optional.ofNullable(raw.get(PLATFORM)).map(Object::toString).map(String::strip)
                .filter(text -> !text.isEmpty()).map(text -> text.toLowerCase(Locale.ROOT));
        // no adapter serves a portal on another platform: refused here rather than left unserved
        if (type == ChannelType.EPORTAL && platform.isPresent() && !WORDPRESS.equals(platform.get())) {
            throw new BadSetting(channelId, PLATFORM, "'" + PLATFORM + "' chỉ nhận giá trị wordpress, hoặc bỏ khóa này để "
                    + "dùng cổng thông tin có sẵn của Herald; đang là '" + platform.get() + "'");
        }
        return new CommonSettings(perMinute, platform, Optional.ofNullable(raw.get(CADENCE)).map(CommonSettings::cadence));
    }

    private static Cadence cadence(Object value) {
        if (!(value instanceof Map<?, ?> cadence)) {
            return new Cadence(Optional.empty(), false);
        }
        Optional<Integer> perWeek = cadence.get("perWeek") instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
        return new Cadence(perWeek, Boolean.TRUE.equals(cadence.get("autofill")));
    }

    /** Herald's own portal: an EPORTAL file without a platform. */
    public boolean builtInPortal(ChannelType type) {
        return type == ChannelType.EPORTAL && platform.isEmpty();
    }

    public boolean wordPress(ChannelType type) {
        return type == ChannelType.EPORTAL && platform.filter(WORDPRESS::equals).isPresent();
    }
}
