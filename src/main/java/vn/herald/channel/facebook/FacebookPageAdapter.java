package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.Refusal;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.PortalLinks;
import vn.herald.channel.SendResult;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;

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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts to a Facebook Page through the Graph API: text and link posts on {@code /{page-id}/feed}, one picture on
 * {@code /{page-id}/photos}, several pictures as unpublished uploads attached to one feed post.
 * <p>
 * An article that also goes to the built-in portal is posted as a link to its portal page (Facebook shows the
 * page's picture in the link preview); otherwise its cover and figures go with it as pictures.
 */
@Singleton
public class FacebookPageAdapter implements ChannelAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FacebookPageAdapter.class);
    /** Pictures of a piece are served by the portal at /assets/{sha256}. */
    private static final Pattern ASSET_SRC = Pattern.compile("/assets/([0-9a-f]{64})(?:[?#].*)?$");
    /** What Facebook takes for photos (platform-apis.md); WebP is not among them. */
    private static final Set<String> ACCEPTED_IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff");
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    private static final String MASKED_AUTHORIZATION = "Bearer ***";
    /** Around the attempt, how far the Page's feed is read back for a post it may have made (clocks differ a little). */
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(10);
    private static final int RECONCILE_PAGES = 5;

    private final JsonMapper json;
    private final HtmlText html;
    private final ImageFiles images;
    private final AccessTokens tokens;
    private final PortalLinks portalLinks;
    private final Clock clock;
    private final PageUsage usage;
    /** One connection pool for every channel; each call takes its channel's timeouts from it. */
    private final OkHttpClient http = new OkHttpClient.Builder()
            // a silently repeated POST could post twice: a failed call is classified, never retried by OkHttp
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();

    FacebookPageAdapter(JsonMapper json, HtmlText html, ImageFiles images, AccessTokens tokens, PortalLinks portalLinks,
                        Clock clock) {
        this.json = json;
        this.html = html;
        this.images = images;
        this.tokens = tokens;
        this.portalLinks = portalLinks;
        this.clock = clock;
        this.usage = new PageUsage(json);
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK_PAGE;
    }

    // --- render: what will be sent, frozen at scheduling

    @Override
    public Payload render(Piece piece, Channel channel) {
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(channel, json);
        } catch (FacebookSettings.BadSettings e) {
            throw Refusal.conflict(e.getMessage());
        }
        Optional<String> link = portalLinks.pageOf(piece);
        String text = text(piece);
        boolean linkPost = link.isPresent() && piece.kind() == PieceKind.ARTICLE;
        List<FacebookPost.PostImage> pictures = linkPost ? List.of() : pictures(piece, settings);
        FacebookPost post;
        if (pictures.isEmpty()) {
            post = new FacebookPost(PostText.fit(text, settings.maxMessageChars()), link.orElse(null), List.of());
        } else {
            // a photo post has no link field: the portal address goes at the end of its caption
            String trailer = link.map(url -> "Xem thêm: " + url).orElse("");
            post = new FacebookPost(PostText.fitWithTrailer(text, trailer, settings.maxMessageChars()), null, pictures);
        }
        return new Payload(write(post), PostText.summary(post.message()));
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        FacebookPost post = read(payload);
        FacebookPost.PostImage first = post.images().isEmpty() ? null : post.images().get(0);
        return new ChannelPreview(payload.summary(), post.message(), null, first == null ? null : "/assets/" + first.sha256(),
                first == null ? null : first.altText(), post.link(), null, payload.warnings());
    }

    private String text(Piece piece) {
        if (piece.variants() != null && piece.variants().facebook() != null && piece.variants().facebook().text() != null
                && !piece.variants().facebook().text().isBlank()) {
            return PostText.join(piece.variants().facebook().text());
        }
        return switch (piece.kind()) {
            case ARTICLE -> PostText.join(piece.title(), piece.summary(), html.toPlainText(piece.body()));
            case INFOGRAPHIC -> PostText.join(piece.title(), piece.caption(), html.toPlainText(piece.body()));
            case RADIO_SCRIPT -> PostText.join(piece.title(), piece.script());
        };
    }

    /** The infographic's picture, the cover, then the figures of the text, each once, at most maxImages. */
    private List<FacebookPost.PostImage> pictures(Piece piece, FacebookSettings settings) {
        Map<String, FacebookPost.PostImage> found = new LinkedHashMap<>();
        if (piece.kind() == PieceKind.INFOGRAPHIC && piece.imageAssetId() != null) {
            images.byId(piece.imageAssetId(), piece.altText()).ifPresent(image -> {
                if (!ACCEPTED_IMAGES.contains(image.mediaType())) {
                    throw Refusal.conflict("Ảnh của infographic '" + piece.title() + "' là " + image.mediaType()
                            + ", Facebook không nhận loại ảnh này: hãy tải lên bản PNG hoặc JPEG.");
                }
                found.put(image.sha256(), image);
            });
        }
        if (piece.coverAssetId() != null) {
            images.byId(piece.coverAssetId(), null).ifPresent(image -> found.putIfAbsent(image.sha256(), image));
        }
        if (piece.body() != null && !piece.body().isBlank()) {
            for (Element img : Jsoup.parseBodyFragment(piece.body()).select("img[src]")) {
                Matcher asset = ASSET_SRC.matcher(img.attr("src"));
                if (asset.find()) {
                    images.bySha256(asset.group(1), img.attr("alt"))
                            .ifPresent(image -> found.putIfAbsent(image.sha256(), image));
                }
            }
        }
        // cover and figures in a type Facebook refuses are left out: the post still makes sense without them
        return found.values().stream().filter(image -> ACCEPTED_IMAGES.contains(image.mediaType()))
                .limit(settings.maxImages()).toList();
    }

    // --- the requests, described once for dry-run and for sending

    /** A form field, or a file when {@code image} is set. */
    private record Field(String name, String value, FacebookPost.@Nullable PostImage image) {
        static Field text(String name, String value) {
            return new Field(name, value, null);
        }
    }

    /** One Graph API call: POST of form fields (multipart when a file goes with them). */
    private record Call(String path, List<Field> fields) {
        boolean multipart() {
            return fields.stream().anyMatch(field -> field.image() != null);
        }
    }

    private static Call feed(FacebookSettings settings, FacebookPost post, List<String> mediaIds) {
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

    private static Call photo(FacebookSettings settings, FacebookPost.PostImage image, @Nullable String caption,
                              boolean published) {
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

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        FacebookSettings settings = FacebookSettings.of(delivery.channel(), json);
        FacebookPost post = read(delivery.payload());
        List<Call> calls = new ArrayList<>();
        if (post.images().isEmpty()) {
            calls.add(feed(settings, post, List.of()));
        } else if (post.images().size() == 1) {
            calls.add(photo(settings, post.images().get(0), post.message(), true));
        } else {
            List<String> placeholders = new ArrayList<>();
            for (FacebookPost.PostImage image : post.images()) {
                calls.add(photo(settings, image, null, false));
                placeholders.add("<id from upload " + (placeholders.size() + 1) + ">");
            }
            calls.add(feed(settings, post, placeholders));
        }
        return calls.stream().map(call -> describe(settings, call)).toList();
    }

    /** The request as people read it: the form fields as a JSON object, a file by its name, type, size and hash. */
    private OutgoingRequest describe(FacebookSettings settings, Call call) {
        Map<String, String> body = new LinkedHashMap<>();
        for (Field field : call.fields()) {
            body.put(field.name(), field.image() == null ? field.value()
                    : "<file " + field.image().fileName() + ", " + field.image().mediaType() + ", "
                    + field.image().sizeBytes() + " bytes, sha256 " + field.image().sha256() + ">");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", MASKED_AUTHORIZATION);
        headers.put("Content-Type", call.multipart() ? "multipart/form-data" : FORM.toString());
        return new OutgoingRequest("POST", settings.url(call.path()), headers, write(body));
    }

    // --- send

    @Override
    public SendResult send(Delivery delivery) {
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(delivery.channel(), json);
        } catch (FacebookSettings.BadSettings e) {
            return new SendResult.NeedsAttention(e.getMessage());
        }
        Optional<String> token = tokens.fromVariable(settings.accessTokenEnv());
        if (token.isEmpty()) {
            return new SendResult.NeedsAttention(missingToken(settings));
        }
        Optional<Duration> rest = usage.rest(settings.channelId(), clock.instant());
        if (rest.isPresent()) {
            return new SendResult.RetryLater(rest, "Trang Facebook của kênh " + settings.channelId()
                    + " đã dùng gần hết hạn mức gọi API: tạm nghỉ để Facebook không chặn kênh.");
        }
        FacebookPost post;
        try {
            post = read(delivery.payload());
        } catch (IllegalStateException e) {
            // nothing was sent, and this payload never will be
            return new SendResult.Permanent("Nội dung đã chuẩn bị cho Facebook không đọc được (" + e.getMessage()
                    + "): hãy lên lịch lại bài.");
        }
        OkHttpClient client = clientFor(settings);
        if (post.images().size() <= 1) {
            Call call = post.images().isEmpty() ? feed(settings, post, List.of())
                    : photo(settings, post.images().get(0), post.message(), true);
            return publish(client, settings, token.get(), call);
        }
        List<String> mediaIds = new ArrayList<>();
        for (FacebookPost.PostImage image : post.images()) {
            Uploaded uploaded = upload(client, settings, token.get(), image);
            if (uploaded.failure() != null) {
                return uploaded.failure();
            }
            mediaIds.add(uploaded.id());
        }
        return publish(client, settings, token.get(), feed(settings, post, mediaIds));
    }

    private record Uploaded(@Nullable String id, @Nullable SendResult failure) {}

    /**
     * An unpublished upload is invisible to readers, so any trouble here, even a lost answer, is safe to retry: it
     * never needs reconciling. Orphaned uploads stay hidden on the Page.
     */
    private Uploaded upload(OkHttpClient client, FacebookSettings settings, String token, FacebookPost.PostImage image) {
        Request request;
        try {
            request = request(settings, token, photo(settings, image, null, false));
        } catch (IOException e) {
            return new Uploaded(null, new SendResult.RetryLater(Optional.empty(), "Không đọc được ảnh "
                    + image.fileName() + " trong kho: " + e.getMessage()));
        }
        GraphAnswer answer;
        try {
            answer = call(client, settings, request);
        } catch (IOException e) {
            return new Uploaded(null, new SendResult.RetryLater(Optional.empty(), "Tải ảnh " + image.fileName()
                    + " lên Facebook bị gián đoạn (" + e + "): sẽ thử lại sau."));
        }
        if (answer.successful() && answer.text("id").isPresent()) {
            return new Uploaded(answer.text("id").get(), null);
        }
        if (answer.status() / 100 == 2 && answer.error().isEmpty()) {
            return new Uploaded(null, new SendResult.RetryLater(Optional.empty(), "Facebook trả lời việc tải ảnh "
                    + image.fileName() + " không đọc được (" + answer.bodyExcerpt() + "): sẽ thử lại sau."));
        }
        return new Uploaded(null, failure(settings, answer));
    }

    /** The call that makes the post visible: a lost or unreadable answer may hide a post, so it throws. */
    private SendResult publish(OkHttpClient client, FacebookSettings settings, String token, Call call) {
        Request request;
        try {
            request = request(settings, token, call);
        } catch (IOException e) {
            return new SendResult.RetryLater(Optional.empty(), "Không đọc được ảnh trong kho: " + e.getMessage());
        }
        GraphAnswer answer;
        try {
            answer = call(client, settings, request);
        } catch (ConnectException | UnknownHostException e) {
            // the request never left: nothing can have been posted
            return new SendResult.RetryLater(Optional.empty(), "Không kết nối được tới Facebook (" + e + "): sẽ thử lại sau.");
        } catch (IOException e) {
            throw new UncheckedIOException("Facebook did not answer " + call.path() + "; the post may exist", e);
        }
        if (answer.successful()) {
            Optional<String> id = answer.text("post_id").or(() -> answer.text("id"));
            if (id.isEmpty()) {
                throw new IllegalStateException("Facebook answered " + call.path() + " with HTTP " + answer.status()
                        + " but no id (" + answer.bodyExcerpt() + "); the post may exist");
            }
            return new SendResult.Sent(id.get(), permalink(client, settings, token, id.get()));
        }
        if (answer.status() / 100 == 2 && answer.error().isEmpty()) {
            // a success status with a body we cannot read: the post was probably made, so look before sending again
            throw new IllegalStateException("Facebook answered " + call.path() + " with HTTP " + answer.status()
                    + " and an unreadable body (" + answer.bodyExcerpt() + "); the post may exist");
        }
        return failure(settings, answer);
    }

    private SendResult failure(FacebookSettings settings, GraphAnswer answer) {
        return GraphErrors.classify(answer, settings, usage.rest(settings.channelId(), clock.instant()));
    }

    /** The address where readers see the post; a post without it is still published, so trouble here is only logged. */
    @Nullable
    private String permalink(OkHttpClient client, FacebookSettings settings, String token, String postId) {
        HttpUrl url = HttpUrl.get(settings.url(postId)).newBuilder().addQueryParameter("fields", "permalink_url").build();
        try {
            GraphAnswer answer = call(client, settings, authorized(new Request.Builder().url(url).get(), token).build());
            if (answer.successful()) {
                return answer.text("permalink_url").orElse(null);
            }
            LOG.warn("Facebook channel {}: post {} is published but its address could not be read: HTTP {}",
                    settings.channelId(), postId, answer.status());
        } catch (IOException e) {
            LOG.warn("Facebook channel {}: post {} is published but its address could not be read: {}",
                    settings.channelId(), postId, e.toString());
        }
        return null;
    }

    // --- findExisting

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(delivery.channel(), json);
        } catch (FacebookSettings.BadSettings e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Optional<String> token = tokens.fromVariable(settings.accessTokenEnv());
        if (token.isEmpty()) {
            // without a token nothing can be read, nor sent: the send that follows pauses the channel with the reason
            return Optional.empty();
        }
        String expected = PostText.comparable(read(delivery.payload()).message());
        Instant since = delivery.attemptStartedAt().minus(RECONCILE_MARGIN);
        Instant until = delivery.attemptStartedAt().plus(settings.callTimeout()).plus(RECONCILE_MARGIN);
        OkHttpClient client = clientFor(settings);
        String after = null;
        for (int page = 0; page < RECONCILE_PAGES; page++) {
            HttpUrl.Builder url = HttpUrl.get(settings.url(settings.pageId() + "/feed")).newBuilder()
                    .addQueryParameter("fields", "id,message,created_time,permalink_url")
                    .addQueryParameter("since", String.valueOf(since.getEpochSecond()))
                    .addQueryParameter("until", String.valueOf(until.getEpochSecond()))
                    .addQueryParameter("limit", "100");
            if (after != null) {
                url.addQueryParameter("after", after);
            }
            GraphAnswer answer;
            try {
                answer = call(client, settings, authorized(new Request.Builder().url(url.build()).get(), token.get()).build());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the feed of Facebook channel " + settings.channelId(), e);
            }
            if (!answer.successful() || !(answer.json().get("data") instanceof List<?> posts)) {
                if ((answer.error().isPresent() || answer.status() / 100 != 2)
                        && failure(settings, answer) instanceof SendResult.NeedsAttention attention) {
                    // a dead token or a lost permission: nothing more is tried on the channel until a person acts
                    throw new ChannelNeedsAttention(attention.reason());
                }
                String why = answer.error().isPresent() || answer.status() / 100 != 2
                        ? reasonOf(failure(settings, answer)) : "unreadable answer: " + answer.bodyExcerpt();
                throw new IllegalStateException("could not read the feed of Facebook channel " + settings.channelId() + ": " + why);
            }
            for (Object item : posts) {
                if (item instanceof Map<?, ?> found && found.get("id") != null
                        && expected.equals(PostText.comparable(found.get("message") == null ? "" : found.get("message").toString()))) {
                    Object permalink = found.get("permalink_url");
                    return Optional.of(new SendResult.Sent(found.get("id").toString(), permalink == null ? null : permalink.toString()));
                }
            }
            after = nextCursor(answer.json());
            if (after == null) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The cursor of the next page, only when Facebook says there is one (its own next URL carries the token). */
    @Nullable
    private static String nextCursor(Map<?, ?> answer) {
        if (answer.get("paging") instanceof Map<?, ?> paging && paging.get("next") != null
                && paging.get("cursors") instanceof Map<?, ?> cursors && cursors.get("after") != null) {
            return cursors.get("after").toString();
        }
        return null;
    }

    private static String reasonOf(SendResult result) {
        if (result instanceof SendResult.RetryLater later) {
            return later.reason();
        }
        if (result instanceof SendResult.NeedsAttention attention) {
            return attention.reason();
        }
        return result instanceof SendResult.Permanent permanent ? permanent.reason() : result.toString();
    }

    // --- HTTP

    private OkHttpClient clientFor(FacebookSettings settings) {
        return http.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .build();
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
    private GraphAnswer call(OkHttpClient client, FacebookSettings settings, Request request) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            GraphAnswer answer = GraphAnswer.of(response.code(), response::header, body, json);
            usage.record(settings, response::header, GraphErrors.throttled(answer), clock.instant());
            return answer;
        }
    }

    private static String missingToken(FacebookSettings settings) {
        return "Chưa có mã truy cập Trang Facebook cho kênh " + settings.channelId() + ": biến môi trường "
                + settings.accessTokenEnv() + " chưa được đặt trên máy chủ. Hãy đặt mã truy cập Trang (quyền "
                + "pages_manage_posts) vào biến này, khởi động lại Herald rồi cho kênh hoạt động lại.";
    }

    private FacebookPost read(Payload payload) {
        try {
            return json.readValue(payload.body(), FacebookPost.class);
        } catch (IOException e) {
            throw new IllegalStateException("the payload is not a Facebook post: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
