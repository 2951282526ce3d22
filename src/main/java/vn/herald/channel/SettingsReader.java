package vn.herald.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A channel file's own keys, read with the channel's words for what is wrong: each refusal is a {@link BadSetting}
 * naming the key, so the import reports file, line and key in Vietnamese.
 */
public record SettingsReader(String channelId, Map<?, ?> raw) {

    public boolean has(String key) {
        return raw.get(key) != null;
    }

    /** The text of a key, stripped; empty when missing or blank. */
    public Optional<String> text(String key) {
        Object value = raw.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    /** One of {@code allowed}, in upper case whatever case the file wrote. */
    public Optional<String> choice(String key, List<String> allowed) {
        Optional<String> value = text(key).map(v -> v.toUpperCase(Locale.ROOT));
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw wrong(key, "một trong " + String.join(", ", allowed) + ", đang là '" + raw.get(key) + "'");
        }
        return value;
    }

    /** A whole number within [min, max]; {@code max} of {@link Integer#MAX_VALUE} means no upper bound. */
    public int number(String key, int fallback, int min, int max) {
        Object value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= min && n.longValue() <= max) {
            return n.intValue();
        }
        throw wrong(key, "số nguyên từ " + min + (max == Integer.MAX_VALUE ? " trở lên" : " đến " + max)
                + ", đang là '" + value + "'");
    }

    public boolean flag(String key, boolean fallback) {
        Object value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw wrong(key, "true hoặc false, đang là '" + value + "'");
    }

    /** A list of texts, none blank; {@code example} shows a person what one looks like. */
    public List<String> list(String key, String example) {
        Object value = raw.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw wrong(key, "một danh sách, ví dụ " + example);
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

    /** Pairs of key: value, kept in the file's order. */
    public Map<String, Object> mapping(String key, String example) {
        Object value = raw.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrong(key, "các cặp khóa: giá trị, ví dụ " + example);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** The refusal of a key's value: "'key' phải là {expected}". */
    public BadSetting wrong(String key, String expected) {
        return new BadSetting(channelId, key, "'" + key + "' phải là " + expected);
    }
}
