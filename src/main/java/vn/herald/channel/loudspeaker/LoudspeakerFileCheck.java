package vn.herald.channel.loudspeaker;

import jakarta.inject.Singleton;
import vn.herald.channel.ChannelFileCheck;
import vn.herald.channel.ChannelType;
import vn.herald.content.YamlFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a loudspeaker channel file's stations, sessions, delivery and speech when it is imported. */
@Singleton
class LoudspeakerFileCheck implements ChannelFileCheck {

    @Override
    public void check(ChannelType type, YamlFields fields) {
        if (type != ChannelType.LOUDSPEAKER) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>(fields.plain());
        settings.keySet().removeAll(List.of("type", "mode", "unit", "name"));
        LoudspeakerSettings.parse(settings, fields::line);
    }
}
