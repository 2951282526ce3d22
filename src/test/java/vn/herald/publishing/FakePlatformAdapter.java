package vn.herald.publishing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.facebook.FacebookPageAdapter;
import vn.herald.content.Piece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's test adapter: speaks {@link FakePlatform} for channels of type FACEBOOK_PAGE in the tests. */
@Singleton
@Requires(property = "herald.test.fake-platform", value = "true")
@Replaces(FacebookPageAdapter.class)
public class FakePlatformAdapter implements ChannelAdapter {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final JsonMapper json;

    /** {@code readTimeout}: 2 s makes a hanging fake a quick timeout; a test whose fake answers slowly on purpose raises it. */
    FakePlatformAdapter(JsonMapper json,
                        @Value("${herald.test.fake-platform-read-timeout:2s}") Duration readTimeout) {
        this.json = json;
        this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(readTimeout).callTimeout(readTimeout.plusSeconds(3)).build();
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK_PAGE;
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        return new Payload(piece.title() + " (revision " + piece.revision() + ")", piece.title());
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        return List.of(new OutgoingRequest("POST", baseUrl(delivery.channel()) + "/posts",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer secret-token"), body(delivery)));
    }

    @Override
    public SendResult send(Delivery delivery) {
        Request request = new Request.Builder().url(baseUrl(delivery.channel()) + "/posts")
                .post(RequestBody.create(body(delivery), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (response.isSuccessful()) {
                Map<?, ?> answer = json.readValue(text, Map.class);
                return new SendResult.Sent((String) answer.get("id"), (String) answer.get("url"));
            }
            return switch (response.code()) {
                case 429 -> new SendResult.RetryLater(Optional.ofNullable(response.header("Retry-After"))
                        .map(s -> Duration.ofSeconds(Long.parseLong(s))), "rate limited");
                case 401 -> new SendResult.NeedsAttention("token expired");
                case 400 -> new SendResult.Permanent(text);
                default -> new SendResult.RetryLater(Optional.empty(), "HTTP " + response.code());
            };
        } catch (IOException e) {
            // the request may have reached the platform: the dispatcher reconciles before sending again
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        Request request = new Request.Builder().url(baseUrl(delivery.channel()) + "/posts").get().build();
        try (Response response = http.newCall(request).execute()) {
            Map<?, ?> answer = json.readValue(response.body().string(), Map.class);
            return ((List<?>) answer.get("data")).stream().map(Map.class::cast)
                    .filter(post -> String.valueOf(delivery.publicationId()).equals(post.get("ref")))
                    .findFirst()
                    .map(post -> new SendResult.Sent((String) post.get("id"), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String body(Delivery delivery) {
        try {
            return json.writeValueAsString(Map.of("ref", String.valueOf(delivery.publicationId()), "text",
                    delivery.payload().body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String baseUrl(Channel channel) {
        try {
            return (String) json.readValue(channel.settings(), Map.class).get("baseUrl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
