package vn.herald.channel.loudspeaker;

import vn.herald.content.SourceFileException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * A loudspeaker channel file read and checked: its stations, its weekly sessions, how programmes are delivered and
 * how speech is made for pieces without a recording. One parser serves the import (with the line of each key) and
 * the adapter (from the settings stored as JSON).
 */
public record LoudspeakerSettings(DeliveryMode delivery, Path dropFolder, Optional<URI> pushUrl,
                                  Optional<String> pushTokenEnv, List<Station> stations, List<SessionRule> sessions,
                                  Speech speech, Overflow overflow) {

    public enum DeliveryMode { FILE_DROP, HTTP_PUSH }

    /** What happens to an item that does not fit its session. */
    public enum Overflow { NEXT_SESSION, EXPIRE }

    public enum SpeechEngineKind { ESPEAK_NG, HTTP, NONE }

    /**
     * A loudspeaker cluster; its code names its folder or its address on the broadcast server. {@code households}: the
     * households within its reach (from the commune's station list), 0 when the file does not say.
     */
    public record Station(String code, String name, int households) {}

    /** More households than any one cluster of loudspeakers reaches: a typo, not a station. */
    static final int MOST_HOUSEHOLDS = 100_000;

    /** A weekly session: on these days, from this local time, for this many minutes. */
    public record SessionRule(Set<DayOfWeek> days, LocalTime start, int minutes) {}

    /** Text to speech for pieces without a recording. */
    public record Speech(SpeechEngineKind engine, String voice, Optional<URI> url, Optional<String> tokenEnv,
                         int timeoutSeconds) {}

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    // cadence belongs to the editorial calendar, which checks it; it is allowed here so the file may carry it
    private static final Set<String> KNOWN = Set.of("delivery", "dropFolder", "pushUrl", "pushTokenEnv", "stations",
            "sessions", "tts", "overflow", "rateLimitPerMinute", "cadence");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY, "SAT", DayOfWeek.SATURDAY,
            "SUN", DayOfWeek.SUNDAY);

    /**
     * @param settings the file's keys as plain values (type, mode, unit and name already taken out)
     * @param lineOf   the line of a top-level key, for messages ({@code 0} when unknown)
     */
    public static LoudspeakerSettings parse(Map<String, Object> settings, ToIntFunction<String> lineOf) {
        Reader read = new Reader(lineOf);
        for (String key : settings.keySet()) {
            if (!KNOWN.contains(key)) {
                throw read.error(key, "'" + key + "' không phải là khóa của kênh truyền thanh; các khóa hợp lệ: "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        DeliveryMode delivery = read.choice(settings, "delivery", "delivery", DeliveryMode.class, DeliveryMode.FILE_DROP);
        Path dropFolder = read.dropFolder(settings.get("dropFolder"));
        Optional<URI> pushUrl = read.url(settings.get("pushUrl"), "pushUrl", "pushUrl");
        if (delivery == DeliveryMode.HTTP_PUSH && pushUrl.isEmpty()) {
            throw read.error("delivery", "'delivery: http-push' cần 'pushUrl': địa chỉ máy chủ phát sóng nhận chương trình");
        }
        Optional<String> pushTokenEnv = read.env(settings.get("pushTokenEnv"), "pushTokenEnv", "pushTokenEnv");
        List<Station> stations = read.stations(settings.get("stations"));
        List<SessionRule> sessions = read.sessions(settings.get("sessions"));
        Speech speech = read.speech(settings.get("tts"));
        Overflow overflow = read.choice(settings, "overflow", "overflow", Overflow.class, Overflow.NEXT_SESSION);
        return new LoudspeakerSettings(delivery, dropFolder, pushUrl, pushTokenEnv, stations, sessions, speech, overflow);
    }

    /** Walks the plain values; every error names the key path, e.g. {@code sessions[2].start}. */
    private record Reader(ToIntFunction<String> lineOf) {

        SourceFileException error(String topKey, String message) {
            return new SourceFileException(lineOf.applyAsInt(topKey), message);
        }

        <E extends Enum<E>> E choice(Map<?, ?> map, String key, String path, Class<E> type, E fallback) {
            Object value = map.get(key);
            if (value == null) {
                return fallback;
            }
            String name = String.valueOf(value).trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            List<String> allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            throw error(path.split("[.\\[]")[0], "'" + path + "' phải là " + String.join(" hoặc ", allowed)
                    + ", đang là '" + value + "'");
        }

        Path dropFolder(Object value) {
            String text = value == null ? "loudspeaker" : String.valueOf(value).trim();
            Path path = Path.of(text).normalize();
            if (text.isEmpty() || path.isAbsolute() || path.startsWith("..")) {
                throw error("dropFolder", "'dropFolder' phải là một thư mục con của thư mục dữ liệu, ví dụ 'loudspeaker'; đang là '"
                        + text + "'");
            }
            return path;
        }

        Optional<URI> url(Object value, String topKey, String path) {
            if (value == null) {
                return Optional.empty();
            }
            String text = String.valueOf(value).trim();
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException ignored) {
                // reported below with the expected shape
            }
            throw error(topKey, "'" + path + "' phải là địa chỉ http:// hoặc https://, đang là '" + text + "'");
        }

        Optional<String> env(Object value, String topKey, String path) {
            if (value == null) {
                return Optional.empty();
            }
            String text = String.valueOf(value).trim();
            if (!ENV.matcher(text).matches()) {
                throw error(topKey, "'" + path + "' phải là tên một biến môi trường (chữ in hoa, số và '_')");
            }
            return Optional.of(text);
        }

        List<Station> stations(Object value) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw error("stations", "'stations' phải liệt kê ít nhất một cụm loa, mỗi cụm có 'code' và 'name'");
            }
            List<Station> stations = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "stations[" + (i + 1) + "]";
                if (!(list.get(i) instanceof Map<?, ?> item)) {
                    throw error("stations", "'" + path + "' phải có 'code' và 'name'");
                }
                unknownKeys(item, Set.of("code", "name", "households"), "stations", path);
                String code = item.get("code") == null ? "" : String.valueOf(item.get("code")).trim();
                if (!CODE.matcher(code).matches()) {
                    throw error("stations", "'" + path + ".code' phải gồm chữ thường, số và '-', ví dụ 'thon-dong'; đang là '"
                            + code + "'");
                }
                if (!codes.add(code)) {
                    throw error("stations", "'" + path + ".code' trùng với một cụm loa khác: '" + code + "'");
                }
                String name = item.get("name") == null ? code : String.valueOf(item.get("name")).trim();
                stations.add(new Station(code, name, households(item.get("households"), path + ".households")));
            }
            return List.copyOf(stations);
        }

        private int households(Object value, String path) {
            if (value == null) {
                return 0;
            }
            if (value instanceof Number number && number.doubleValue() == number.longValue()
                    && number.longValue() >= 0 && number.longValue() <= MOST_HOUSEHOLDS) {
                return number.intValue();
            }
            throw error("stations", "'" + path + "' phải là số hộ trong vùng phủ của cụm loa, từ 0 đến "
                    + MOST_HOUSEHOLDS + ", đang là '" + value + "'");
        }

        List<SessionRule> sessions(Object value) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw error("sessions", "'sessions' phải liệt kê ít nhất một buổi phát, mỗi buổi có 'days', 'start' và 'minutes'");
            }
            List<SessionRule> rules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "sessions[" + (i + 1) + "]";
                if (!(list.get(i) instanceof Map<?, ?> item)) {
                    throw error("sessions", "'" + path + "' phải có 'days', 'start' và 'minutes'");
                }
                unknownKeys(item, Set.of("days", "start", "minutes"), "sessions", path);
                rules.add(new SessionRule(days(item.get("days"), path + ".days"), start(item.get("start"), path + ".start"),
                        minutes(item.get("minutes"), path + ".minutes")));
            }
            checkNoOverlap(rules);
            return List.copyOf(rules);
        }

        private Set<DayOfWeek> days(Object value, String path) {
            List<?> names = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            if (names.isEmpty()) {
                throw error("sessions", "'" + path + "' phải liệt kê các ngày phát, ví dụ [MON, TUE, WED, THU, FRI, SAT]");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Object name : names) {
                DayOfWeek day = DAYS.get(String.valueOf(name).trim().toUpperCase(Locale.ROOT));
                if (day == null) {
                    throw error("sessions", "'" + path + "' chỉ nhận MON, TUE, WED, THU, FRI, SAT, SUN; có '" + name + "'");
                }
                days.add(day);
            }
            return days;
        }

        private LocalTime start(Object value, String path) {
            String text = value == null ? "" : String.valueOf(value).trim();
            try {
                if (TIME.matcher(text).matches()) {
                    return LocalTime.parse(text.length() == 4 ? "0" + text : text);
                }
            } catch (DateTimeParseException ignored) {
                // reported below with the expected shape
            }
            throw error("sessions", "'" + path + "' phải là giờ bắt đầu dạng HH:mm trong ngoặc kép, ví dụ \"05:30\"; đang là '"
                    + text + "'");
        }

        private int minutes(Object value, String path) {
            if (value instanceof Number number && number.doubleValue() == number.intValue()
                    && number.intValue() >= 1 && number.intValue() <= 720) {
                return number.intValue();
            }
            throw error("sessions", "'" + path + "' phải là số phút từ 1 đến 720, đang là '" + value + "'");
        }

        /** Two sessions on the same day may not overlap: a playlist would have nowhere to play. */
        private void checkNoOverlap(List<SessionRule> rules) {
            for (int a = 0; a < rules.size(); a++) {
                for (int b = a + 1; b < rules.size(); b++) {
                    SessionRule first = rules.get(a);
                    SessionRule second = rules.get(b);
                    for (DayOfWeek day : first.days()) {
                        if (overlaps(first, day, second)) {
                            throw error("sessions", "'sessions[" + (a + 1) + "]' và 'sessions[" + (b + 1)
                                    + "]' chồng lên nhau vào " + day);
                        }
                    }
                }
            }
        }

        private static boolean overlaps(SessionRule first, DayOfWeek day, SessionRule second) {
            long aStart = minuteOfWeek(day, first.start());
            long aEnd = aStart + first.minutes();
            for (DayOfWeek other : second.days()) {
                long bStart = minuteOfWeek(other, second.start());
                long bEnd = bStart + second.minutes();
                long week = 7 * 24 * 60;
                for (long shift : new long[]{-week, 0, week}) {
                    if (aStart < bEnd + shift && bStart + shift < aEnd) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static long minuteOfWeek(DayOfWeek day, LocalTime time) {
            return (day.getValue() - 1) * 24L * 60 + time.getHour() * 60L + time.getMinute();
        }

        Speech speech(Object value) {
            if (value == null) {
                return new Speech(SpeechEngineKind.ESPEAK_NG, "vi", Optional.empty(), Optional.empty(), 60);
            }
            if (!(value instanceof Map<?, ?> tts)) {
                throw error("tts", "'tts' phải có các khóa 'engine', 'voice', 'url', 'tokenEnv', 'timeoutSeconds'");
            }
            unknownKeys(tts, Set.of("engine", "voice", "url", "tokenEnv", "timeoutSeconds"), "tts", "tts");
            SpeechEngineKind engine = choice(tts, "engine", "tts.engine", SpeechEngineKind.class, SpeechEngineKind.ESPEAK_NG);
            String voice = tts.get("voice") == null ? "vi" : String.valueOf(tts.get("voice")).trim();
            Optional<URI> url = url(tts.get("url"), "tts", "tts.url");
            if (engine == SpeechEngineKind.HTTP && url.isEmpty()) {
                throw error("tts", "'tts.engine: http' cần 'tts.url': địa chỉ dịch vụ chuyển văn bản thành giọng nói");
            }
            Object timeout = tts.get("timeoutSeconds");
            int seconds = 60;
            if (timeout != null) {
                if (!(timeout instanceof Number number) || number.intValue() < 1 || number.intValue() > 600) {
                    throw error("tts", "'tts.timeoutSeconds' phải là số giây từ 1 đến 600, đang là '" + timeout + "'");
                }
                seconds = number.intValue();
            }
            return new Speech(engine, voice, url, env(tts.get("tokenEnv"), "tts", "tts.tokenEnv"), seconds);
        }

        private void unknownKeys(Map<?, ?> map, Set<String> allowed, String topKey, String path) {
            for (Object key : map.keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    throw error(topKey, "'" + path + "." + key + "' không phải là khóa hợp lệ; các khóa hợp lệ: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }
    }
}
