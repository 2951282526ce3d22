package vn.herald.content;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/** How fast a radio script is read aloud: Vietnamese is counted in syllables. */
@ConfigurationProperties("herald.content")
public record ContentConfig(@Bindable(defaultValue = "180") @Min(60) int syllablesPerMinute) {}
