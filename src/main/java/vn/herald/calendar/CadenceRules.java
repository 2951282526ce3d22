package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.CommonSettings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cadence rules of a unit: one per channel of the unit whose number per week is above 0, from the channel file's
 * {@code cadence} key or else the default of the channel's type. A channel whose file was removed has no rule.
 */
@Singleton
public class CadenceRules {

    static final String KEY = "cadence";
    static final String PER_WEEK = "perWeek";
    static final String AUTOFILL = "autofill";
    static final int MAX_PER_WEEK = 100;
    private static final Set<String> KEYS = Set.of(PER_WEEK, AUTOFILL);

    private final Channels channels;
    private final CalendarConfig config;
    private final JsonMapper json;

    CadenceRules(Channels channels, CalendarConfig config, JsonMapper json) {
        this.channels = channels;
        this.config = config;
        this.json = json;
    }

    /** The unit's rules, portal channels first (a post elsewhere may link to the portal page), then by channel id. */
    public List<CadenceRule> of(String unitCode) {
        List<CadenceRule> rules = new ArrayList<>();
        for (Channel channel : channels.ofUnit(unitCode)) {
            if (channels.fileRemoved(channel)) {
                continue;
            }
            CadenceRule rule = ruleOf(channel);
            if (rule.perWeek() > 0) {
                rules.add(rule);
            }
        }
        rules.sort(Comparator.comparing((CadenceRule r) -> r.channelType() != ChannelType.EPORTAL)
                .thenComparing(CadenceRule::channelId));
        return rules;
    }

    private CadenceRule ruleOf(Channel channel) {
        // checked when the file was imported (CadenceFileCheck), so what is read here holds
        Optional<CommonSettings.Cadence> cadence = CommonSettings.of(channel, json).cadence();
        int perWeek = cadence.flatMap(CommonSettings.Cadence::perWeek).orElse(config.perWeek(channel.type()));
        boolean autofill = cadence.map(CommonSettings.Cadence::autofill).orElse(false);
        return new CadenceRule(channel.unitCode(), channel.id(), channel.name(), channel.type(), perWeek, autofill,
                cadence.isPresent(), channel.createdAt());
    }

    /**
     * What is wrong with a {@code cadence} value as plain YAML values, with the key at fault, or null; also checked
     * when the channel file is imported.
     */
    @Nullable
    static Problem problemOf(@Nullable Object value) {
        if (!(value instanceof Map<?, ?> cadence)) {
            return new Problem(KEY, "'" + KEY + "' phải có dạng {perWeek: 2, autofill: true}");
        }
        for (Object key : cadence.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                return new Problem(String.valueOf(key), "'" + KEY + "." + key + "' không phải là khóa hợp lệ; các khóa hợp lệ: "
                        + AUTOFILL + ", " + PER_WEEK);
            }
        }
        Object perWeek = cadence.get(PER_WEEK);
        if (perWeek == null) {
            return new Problem(KEY, "thiếu '" + KEY + "." + PER_WEEK + "': số bài tối thiểu mỗi tuần (0 là không có quy định)");
        }
        if (!(perWeek instanceof Long number) || number < 0 || number > MAX_PER_WEEK) {
            return new Problem(PER_WEEK, "'" + KEY + "." + PER_WEEK + "' phải là số nguyên từ 0 đến " + MAX_PER_WEEK
                    + ", đang là '" + perWeek + "'");
        }
        Object autofill = cadence.get(AUTOFILL);
        if (autofill != null && !(autofill instanceof Boolean)) {
            return new Problem(AUTOFILL, "'" + KEY + "." + AUTOFILL + "' phải là true hoặc false, đang là '" + autofill + "'");
        }
        return null;
    }

    /** A broken {@code cadence} value: the key to point at (the nested one when it exists) and what is wrong. */
    record Problem(String key, String message) {}
}
