package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph API calls a Page channel makes: text and link posts on {@code /{page-id}/feed}, one picture on
 * {@code /{page-id}/photos}, several pictures as unpublished uploads attached to one feed post, the post's address,
 * and the Page's feed read back. Every answer's usage headers are noted, whatever the answer.
 */
@Singleton
class GraphCalls {

    private static final Logger LOG = LoggerFactory.getLogger(GraphCalls.class);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    private static final String MASKED_AUTHORIZATION = "Bearer ***";

    private final PlatformHttp http;
    private final JsonMapper json;
    private final ImageFiles images;
    private final Clock clock;
    private final PageUsage usage;

    GraphCalls(PlatformHttp http, JsonMapper json, ImageFiles images, Clock clock) {
        this.http = http;
        this.json = json;
        this.images = images;
        this.clock = clock;
        this.usage = new PageUsage(json);
    }

    /** A form field, or a file when {@code image} is set. */
    record Field(String name, String value, FacebookPost.@Nullable PostImage image) {
        static Field text(String name, String value) {
            return new Field(name, value, null);
        }
    }

    /** One Graph API call: POST of form fields (multipart when a file goes with them). */
    record Call(String path, List<Field> fields) {
        boolean multipart() {
            return fields.stream().anyMatch(field -> field.image() != null);
        }
    }

    record Uploaded(@Nullable String id, @Nullable SendResult failure) {}

    static Call feed(FacebookSettings settings, FacebookPost post, List<String> mediaIds) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.text("message", post.message()));
        if (post.link() != null) {
            fields.add(Field.text("link", post.link()));
        }
        for (int i = 0; i < mediaIds.size(); i++) {
            fields.add(Field.text("attached_media[" + i + "]", "{\"media_fbid\":\"" + mediaIds.get(i) + "\"}"));
        }
        return new Call(settings.pageId() + "/feed", fields);
    }

    static Call photo(FacebookSettings settings, FacebookPost.PostImage image, @Nullable String caption, boolean published) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("source", image.fileName(), image));
        if (caption != null) {
            fields.add(Field.text("caption", caption));
        }
        if (image.altText() != null) {
            fields.add(Field.text("alt_text_custom", image.altText()));
        }
        fields.add(Field.text("published", String.valueOf(published)));
        return new Call(settings.pageId() + "/photos", fields);
    }

    /** The request as people read it: the form fields as a JSON object, a file by its name, type, size and hash. */
    OutgoingRequest describe(FacebookSettings settings, Call call) {
        Map<String, String> body = new LinkedHashMap<>();
        for (Field field : call.fields()) {
            body.put(field.name(), field.image() == null ? field.value()
                    : "<file " + field.image().fileName() + ", " + field.image().mediaType() + ", "
                    + field.image().sizeBytes() + " bytes, sha256 " + field.image().sha256() + ">");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", MASKED_AUTHORIZATION);
        headers.put("Content-Type", call.multipart() ? "multipart/form-data" : FORM.toString());
        try {
            return new OutgoingRequest("POST", settings.url(call.path()), headers, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long the channel should still rest because Facebook's usage headers said so. */
    Optional<Duration> rest(FacebookSettings settings) {
        return usage.rest(settings.channelId(), clock.instant());
    }

    /**
     * An unpublished upload is invisible to readers, so any trouble here, even a lost answer, is safe to retry: it
     * never needs reconciling. Orphaned uploads stay hidden on the Page.
     */
    Uploaded upload(FacebookSettings settings, String token, FacebookPost.PostImage image) {
        Request request;
        try {
            request = request(settings, token, photo(settings, image, null, false));
        } catch (IOException e) {
            return new Uploaded(null, new SendResult.RetryLater(Optional.empty(), "Không đọc được ảnh "
                    + image.fileName() + " trong kho: " + e.getMessage()));
        }
        PlatformAnswer answer;
        try {
            answer = call(settings, request);
        } catch (IOException e) {
            return new Uploaded(null, new SendResult.RetryLater(Optional.empty(), "Tải ảnh " + image.fileName()
                    + " lên Facebook bị gián đoạn (" + e + "): sẽ thử lại sau."));
        }
        if (successful(answer) && text(answer, "id").isPresent()) {
            return new Uploaded(text(answer, "id").get(), null);
        }
        if (answer.status() / 100 == 2 && GraphErrors.error(answer).isEmpty()) {
            return new Uploaded(null, new SendResult.RetryLater(Optional.empty(), "Facebook trả lời việc tải ảnh "
                    + image.fileName() + " không đọc được (" + answer.bodyExcerpt() + "): sẽ thử lại sau."));
        }
        return new Uploaded(null, failure(settings, answer));
    }

    /** The call that makes the post visible: a lost or unreadable answer may hide a post, so it throws. */
    SendResult publish(FacebookSettings settings, String token, Call call) {
        Request request;
        try {
            request = request(settings, token, call);
        } catch (IOException e) {
            return new SendResult.RetryLater(Optional.empty(), "Không đọc được ảnh trong kho: " + e.getMessage());
        }
        PlatformAnswer answer;
        try {
            answer = call(settings, request);
        } catch (ConnectException | UnknownHostException e) {
            // the request never left: nothing can have been posted
            return new SendResult.RetryLater(Optional.empty(), "Không kết nối được tới Facebook (" + e + "): sẽ thử lại sau.");
        } catch (IOException e) {
            throw new UncheckedIOException("Facebook did not answer " + call.path() + "; the post may exist", e);
        }
        if (successful(answer)) {
            Optional<String> id = text(answer, "post_id").or(() -> text(answer, "id"));
            if (id.isEmpty()) {
                throw new IllegalStateException("Facebook answered " + call.path() + " with HTTP " + answer.status()
                        + " but no id (" + answer.bodyExcerpt() + "); the post may exist");
            }
            String permalink = permalink(settings, token, id.get());
            return permalink != null ? new SendResult.Sent(id.get(), permalink)
                    : new SendResult.Sent(id.get(), null, "Bài đã đăng lên Trang Facebook nhưng Herald chưa đọc được địa chỉ "
                    + "của bài; mở Trang để xem bài.");
        }
        if (answer.status() / 100 == 2 && GraphErrors.error(answer).isEmpty()) {
            // a success status with a body we cannot read: the post was probably made, so look before sending again
            throw new IllegalStateException("Facebook answered " + call.path() + " with HTTP " + answer.status()
                    + " and an unreadable body (" + answer.bodyExcerpt() + "); the post may exist");
        }
        return failure(settings, answer);
    }

    SendResult failure(FacebookSettings settings, PlatformAnswer answer) {
        return GraphErrors.classify(answer, settings, rest(settings));
    }

    /** The address where readers see the post; a post without it is still published, so trouble here is only logged. */
    @Nullable
    private String permalink(FacebookSettings settings, String token, String postId) {
        HttpUrl url = HttpUrl.get(settings.url(postId)).newBuilder().addQueryParameter("fields", "permalink_url").build();
        try {
            PlatformAnswer answer = call(settings, authorized(new Request.Builder().url(url).get(), token).build());
            if (successful(answer)) {
                return text(answer, "permalink_url").orElse(null);
            }
            LOG.warn("Facebook channel {}: post {} is published but its address could not be read: HTTP {}",
                    settings.channelId(), postId, answer.status());
        } catch (IOException e) {
            LOG.warn("Facebook channel {}: post {} is published but its address could not be read: {}",
                    settings.channelId(), postId, e.toString());
        }
        return null;
    }

    /** One page of the Page's feed between two instants, with each post's text and address. */
    PlatformAnswer feedPage(FacebookSettings settings, String token, Instant since, Instant until, @Nullable String after)
            throws IOException {
        HttpUrl.Builder url = HttpUrl.get(settings.url(settings.pageId() + "/feed")).newBuilder()
                .addQueryParameter("fields", "id,message,created_time,permalink_url")
                .addQueryParameter("since", String.valueOf(since.getEpochSecond()))
                .addQueryParameter("until", String.valueOf(until.getEpochSecond()))
                .addQueryParameter("limit", "100");
        if (after != null) {
            url.addQueryParameter("after", after);
        }
        return call(settings, authorized(new Request.Builder().url(url.build()).get(), token).build());
    }

    /** A read of the Graph API (engagement figures): a GET with the token in its header, usage noted like any call. */
    PlatformAnswer read(FacebookSettings settings, String token, HttpUrl url) throws IOException {
        return call(settings, authorized(new Request.Builder().url(url).get(), token).build());
    }

    /** A 2xx answer with a JSON object that is not an error: Facebook may answer 200 with an error. */
    static boolean successful(PlatformAnswer answer) {
        return answer.successful() && answer.object().map(body -> !body.containsKey("error")).orElse(false);
    }

    /** A plain value of the answer's JSON object. */
    static Optional<String> text(PlatformAnswer answer, String key) {
        Object value = answer.object().map(body -> body.get(key)).orElse(null);
        return value == null || value instanceof Map || value instanceof Iterable ? Optional.empty()
                : Optional.of(value.toString()).filter(text -> !text.isBlank());
    }

    private Request request(FacebookSettings settings, String token, Call call) throws IOException {
        RequestBody body;
        if (call.multipart()) {
            MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
            for (Field field : call.fields()) {
                if (field.image() != null) {
                    multipart.addFormDataPart(field.name(), field.image().fileName(), RequestBody.create(
                            images.read(field.image()), MediaType.get(field.image().mediaType())));
                } else {
                    multipart.addFormDataPart(field.name(), field.value());
                }
            }
            body = multipart.build();
        } else {
            FormBody.Builder form = new FormBody.Builder();
            call.fields().forEach(field -> form.add(field.name(), field.value()));
            body = form.build();
        }
        return authorized(new Request.Builder().url(settings.url(call.path())).post(body), token).build();
    }

    /** The token goes in a header, so it never appears in a URL that could be logged. */
    private static Request.Builder authorized(Request.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    /** Executes a call and notes the usage its headers report, whatever the answer. */
    private PlatformAnswer call(FacebookSettings settings, Request request) throws IOException {
        PlatformAnswer answer = http.exchange(settings.timeouts(), request);
        usage.record(settings, name -> answer.header(name).orElse(null), GraphErrors.throttled(answer), clock.instant());
        return answer;
    }
}
