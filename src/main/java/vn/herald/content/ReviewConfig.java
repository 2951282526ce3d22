package vn.herald.content;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Four eyes: who may approve a piece. */
@ConfigurationProperties("herald.review")
public record ReviewConfig(
        // true lets the author of a piece approve it: for a centre where one person writes and approves
        @Bindable(defaultValue = "false") boolean selfApproval) {}
