package vn.herald.channel.screen;

import vn.herald.channel.BadSetting;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A screen channel file read and checked: when the hall is open, how long a slide stays, how often the kiosk asks for
 * changes, how long a piece stays in the loop and an emergency on top of it, and how many headlines the ticker runs.
 * The same parser serves the import and the adapter.
 */
public record ScreenSettings(List<OpenHours> openingHours, int slideSeconds, int pollSeconds, int showDays,
                             int emergencyMinutes, int tickerSize) {

    /** On these days, from open to close (local time of the unit); no rule at all means always open. */
    public record OpenHours(Set<DayOfWeek> days, LocalTime open, LocalTime close) {}

    private static final Set<String> KNOWN = Set.of("openingHours", "slideSeconds", "pollSeconds", "showDays",
            "emergencyMinutes", "tickerSize", "rateLimitPerMinute", "cadence");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    public static ScreenSettings parse(String channelId, Map<?, ?> raw) {
        for (Object key : raw.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                throw new BadSetting(channelId, String.valueOf(key), "'" + key + "' không phải là khóa của kênh màn hình; "
                        + "các khóa hợp lệ: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        return new ScreenSettings(hours(channelId, raw.get("openingHours")),
                number(channelId, raw, "slideSeconds", 12, 1, 600, "số giây mỗi trang chiếu"),
                // a change reaches the hall within a minute: the kiosk never asks less often
                number(channelId, raw, "pollSeconds", 30, 1, 60, "số giây giữa hai lần màn hình hỏi nội dung mới"),
                number(channelId, raw, "showDays", 7, 1, 365, "số ngày một tin, bài ở lại trên màn hình"),
                number(channelId, raw, "emergencyMinutes", 60, 1, 1440, "số phút một tin khẩn cấp chiếm màn hình"),
                number(channelId, raw, "tickerSize", 8, 0, 30, "số tiêu đề chạy ở dòng chữ cuối màn hình"));
    }

    /** Whether the hall is open at this local time. */
    public boolean openAt(ZonedDateTime local) {
        if (openingHours.isEmpty()) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return openingHours.stream().anyMatch(rule -> rule.days().contains(local.getDayOfWeek())
                && !time.isBefore(rule.open()) && time.isBefore(rule.close()));
    }

    /** The next minute, within a week, at which the screen opens or closes; empty when it never changes. */
    public Optional<ZonedDateTime> nextChange(ZonedDateTime local) {
        if (openingHours.isEmpty()) {
            return Optional.empty();
        }
        boolean open = openAt(local);
        ZonedDateTime at = local.withSecond(0).withNano(0).plusMinutes(1);
        for (int minute = 0; minute < 7 * 24 * 60; minute++, at = at.plusMinutes(1)) {
            if (openAt(at) != open) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    private static int number(String channelId, Map<?, ?> raw, String key, int fallback, int min, int max, String what) {
        Object value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < min || n.longValue() > max) {
            throw new BadSetting(channelId, key, "'" + key + "' (" + what + ") phải là số nguyên từ " + min + " đến " + max
                    + ", đang là '" + value + "'");
        }
        return n.intValue();
    }

    private static List<OpenHours> hours(String channelId, Object value) {
        if (value == null) {
            return List.of();
        }
        String key = "openingHours";
        if (!(value instanceof List<?> rules)) {
            throw new BadSetting(channelId, key, "'" + key + "' phải là một danh sách, mỗi mục có days, open và close");
        }
        List<OpenHours> hours = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = key + "[" + (i + 1) + "]";
            if (!(rules.get(i) instanceof Map<?, ?> rule)) {
                throw new BadSetting(channelId, key, "'" + at + "' phải có days, open và close");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            if (!(rule.get("days") instanceof List<?> named) || named.isEmpty()) {
                throw new BadSetting(channelId, key, "'" + at + ".days' phải là danh sách ngày, ví dụ [MON, TUE, WED]");
            }
            for (Object day : named) {
                DayOfWeek found = DAYS.get(String.valueOf(day).strip().toUpperCase(Locale.ROOT));
                if (found == null) {
                    throw new BadSetting(channelId, key, "'" + at + ".days': '" + day + "' không phải là ngày; dùng MON, "
                            + "TUE, WED, THU, FRI, SAT, SUN");
                }
                days.add(found);
            }
            LocalTime open = time(channelId, key, at + ".open", rule.get("open"));
            LocalTime close = time(channelId, key, at + ".close", rule.get("close"));
            if (!close.isAfter(open)) {
                throw new BadSetting(channelId, key, "'" + at + "': giờ đóng cửa (" + close + ") phải sau giờ mở cửa ("
                        + open + ")");
            }
            hours.add(new OpenHours(days, open, close));
        }
        return List.copyOf(hours);
    }

    private static LocalTime time(String channelId, String key, String at, Object value) {
        try {
            return LocalTime.parse(String.valueOf(value).strip().length() == 4 ? "0" + String.valueOf(value).strip()
                    : String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new BadSetting(channelId, key, "'" + at + "' phải là giờ dạng HH:mm, ví dụ \"07:30\"; đang là '"
                    + value + "'");
        }
    }
}
