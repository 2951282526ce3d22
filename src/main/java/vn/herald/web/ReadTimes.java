package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.content.ContentConfig;
import vn.herald.content.ReadTime;

import java.util.HashMap;
import java.util.Map;

/** A radio script's read time, by the content service's rule and speed (HERALD_CONTENT_SYLLABLES_PER_MINUTE). */
@Singleton
class ReadTimes {

    private final ContentConfig config;

    ReadTimes(ContentConfig config) {
        this.config = config;
    }

    Map<String, Object> of(@Nullable String script) {
        Map<String, Object> model = new HashMap<>();
        model.put("syllables", ReadTime.syllables(script == null ? "" : script));
        model.put("duration", Times.minutes(ReadTime.estimate(script == null ? "" : script, config.syllablesPerMinute())));
        model.put("perMinute", config.syllablesPerMinute());
        return model;
    }
}
