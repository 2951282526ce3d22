package vn.herald.channel.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.Credentials;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.BadSetting;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.Secrets;
import vn.herald.content.Piece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes to a unit's portal that runs WordPress: glue over {@link WordPressRender} (piece to post),
 * {@link WordPressCalls} (the REST calls) and {@link WordPressErrors} (statuses to results). Authenticates with an
 * application password (HTTP Basic). Serves only EPORTAL channels whose file says {@code platform: wordpress}; the
 * built-in portal serves the others.
 */
@Singleton
public class WordPressAdapter implements ChannelAdapter {

    /** Around the interrupted attempt, how old a post with our slug may be and still be ours (clocks differ a little). */
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(10);

    private final WordPressRender render;
    private final WordPressCalls calls;
    private final Secrets secrets;
    private final JsonMapper json;

    WordPressAdapter(WordPressRender render, WordPressCalls calls, Secrets secrets, JsonMapper json) {
        this.render = render;
        this.calls = calls;
        this.secrets = secrets;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EPORTAL;
    }

    @Override
    public boolean serves(Channel channel) {
        return WordPressSettings.isWordPress(channel, json);
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return ChannelRequirement.takesNoVideo(piece, channel);
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        WordPressSettings settings;
        try {
            settings = WordPressSettings.of(channel, json);
        } catch (BadSetting e) {
            throw Refusal.conflict(RefusalCode.CHANNEL_SETTING_BAD, e.getMessage());
        }
        return render.render(piece, settings);
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        return render.look(payload);
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        WordPressPost post = render.read(delivery.payload());
        return calls.preview(WordPressSettings.of(delivery.channel(), json), post);
    }

    @Override
    public SendResult send(Delivery delivery) {
        WordPressPost post;
        try {
            post = render.read(delivery.payload());
        } catch (IllegalStateException e) {
            return new SendResult.Permanent(e.getMessage());
        }
        WordPressSettings settings;
        try {
            settings = WordPressSettings.of(delivery.channel(), json);
        } catch (BadSetting e) {
            return new SendResult.NeedsAttention(e.getMessage());
        }
        Optional<String> authorization = authorization(settings);
        if (authorization.isEmpty()) {
            return new SendResult.NeedsAttention(WordPressErrors.missingPassword(settings));
        }
        try {
            Long category = post.categoryName() != null
                    ? Long.valueOf(calls.category(settings, authorization.get(), post.categoryName())) : post.categoryId();
            Long media = post.featuredImage() != null
                    ? Long.valueOf(calls.upload(settings, authorization.get(), post.featuredImage())) : null;
            return calls.createPost(settings, authorization.get(), post, category, media);
        } catch (WordPressCalls.Failed failed) {
            return failed.result;
        }
    }

    // --- findExisting: after an interrupted attempt, is the post already there?

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        WordPressPost post = render.read(delivery.payload());
        WordPressSettings settings = WordPressSettings.of(delivery.channel(), json);
        String authorization = authorization(settings).orElseThrow(() ->
                new IllegalStateException(WordPressErrors.missingPassword(settings)));
        PlatformAnswer answer;
        try {
            answer = calls.postsWithSlug(settings, authorization, post.slug());
        } catch (IOException e) {
            throw new UncheckedIOException("WordPress " + settings.site() + " không trả lời khi tìm bài '" + post.slug() + "'", e);
        }
        if (!answer.successful()) {
            // only whether a person must act matters here: the wait a RetryLater would carry is not used
            if (WordPressErrors.classify(answer, settings, "tìm bài '" + post.slug() + "'", delivery.attemptStartedAt())
                    instanceof SendResult.NeedsAttention attention) {
                // a revoked password or a lost role: nothing more is tried on the channel until a person acts
                throw new ChannelNeedsAttention(attention.reason());
            }
            throw new IllegalStateException("WordPress trả lời HTTP " + answer.status() + " khi tìm bài '" + post.slug() + "'"
                    + WordPressErrors.detail(answer).map(error -> " (" + error + ")").orElse(""));
        }
        List<?> found = answer.list().orElseThrow(() ->
                new IllegalStateException("WordPress trả lời danh sách bài không đọc được khi tìm bài '" + post.slug() + "'"));
        Instant notBefore = delivery.attemptStartedAt().minus(RECONCILE_MARGIN);
        for (Object item : found) {
            if (item instanceof Map<?, ?> existing && post.slug().equals(String.valueOf(existing.get("slug")))
                    && existing.get("id") instanceof Number id) {
                Optional<Instant> created = gmt(existing.get("date_gmt"));
                // a post of the same slug made before this attempt is an older publication, not ours
                if (created.isEmpty() || !created.get().isBefore(notBefore)) {
                    return Optional.of(new SendResult.Sent(String.valueOf(id.longValue()), text(existing.get("link"))));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> authorization(WordPressSettings settings) {
        // WordPress shows application passwords in groups separated by spaces and accepts them either way
        return secrets.get(settings.applicationPasswordEnv())
                .map(password -> Credentials.basic(settings.username(), password, StandardCharsets.UTF_8));
    }

    private static Optional<Instant> gmt(@Nullable Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.toString()).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
