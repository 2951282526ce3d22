package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Per-channel texts that replace what Herald would derive from the piece. */
@Serdeable
public record Variants(@Nullable Facebook facebook, @Nullable Zalo zalo) {

    public static final int ZALO_TITLE_MAX = 150;
    public static final int ZALO_DESCRIPTION_MAX = 300;

    public static Variants none() {
        return new Variants(null, null);
    }

    /** A shorter text for the Facebook Page post. */
    @Serdeable
    public record Facebook(@Nullable String text) {}

    /** Zalo article title (at most 150 characters) and description (at most 300). */
    @Serdeable
    public record Zalo(@Nullable String title, @Nullable String description) {}
}
