package vn.herald.channel.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.herald.Refusal;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.SendResult;
import vn.herald.content.HtmlText;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes to a unit's portal that runs WordPress, through its REST API ({@code /wp-json/wp/v2}): the featured
 * image first ({@code POST /media}, the raw bytes with their file name), then the post ({@code POST /posts}) with
 * its category and featured image. Authenticates with an application password (HTTP Basic). Serves only EPORTAL
 * channels whose file says {@code platform: wordpress}; the built-in portal serves the others.
 */
@Singleton
public class WordPressAdapter implements ChannelAdapter {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String MASKED_AUTHORIZATION = "Basic ***";
    /** Around the interrupted attempt, how old a post with our slug may be and still be ours (clocks differ a little). */
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(10);

    private final JsonMapper json;
    private final HtmlText html;
    private final FeaturedImages images;
    private final ApplicationPasswords passwords;
    private final PortalAddress portal;
    private final Clock clock;
    /** One connection pool for every channel; each call takes its channel's timeouts from it. */
    private final OkHttpClient http = new OkHttpClient.Builder()
            // a silently repeated POST could publish twice: a failed call is classified, never retried by OkHttp
            .retryOnConnectionFailure(false)
            // a redirected POST turns into a GET: the operator must fix the address instead
            .followRedirects(false)
            .followSslRedirects(false)
            .build();

    WordPressAdapter(JsonMapper json, HtmlText html, FeaturedImages images, ApplicationPasswords passwords,
                     PortalAddress portal, Clock clock) {
        this.json = json;
        this.html = html;
        this.images = images;
        this.passwords = passwords;
        this.portal = portal;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EPORTAL;
    }

    @Override
    public boolean serves(Channel channel) {
        return WordPressSettings.isWordPress(channel, json);
    }

    // --- render: what will be sent, frozen at scheduling

    @Override
    public Payload render(Piece piece, Channel channel) {
        WordPressSettings settings;
        try {
            settings = WordPressSettings.of(channel, json);
        } catch (WordPressSettings.BadSettings e) {
            throw Refusal.conflict(e.getMessage());
        }
        Long pictureId = piece.kind() == PieceKind.INFOGRAPHIC ? piece.imageAssetId() : piece.coverAssetId();
        WordPressPost.Image picture = pictureId == null ? null : images.byId(pictureId,
                piece.kind() == PieceKind.INFOGRAPHIC ? piece.altText() : null).orElse(null);
        String excerpt = piece.summary() != null ? piece.summary()
                : piece.kind() == PieceKind.INFOGRAPHIC ? piece.caption() : null;
        WordPressPost post = new WordPressPost(piece.title(), content(piece, picture), excerpt, piece.slug(),
                settings.categoryId(), settings.categoryName(), picture);
        return new Payload(write(post), piece.title());
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        WordPressPost post = read(payload);
        WordPressPost.Image picture = post.featuredImage();
        return new ChannelPreview(post.title(), post.excerpt(), html.sanitise(post.content()),
                picture == null ? null : "/assets/" + picture.sha256(), picture == null ? null : picture.altText(), null,
                null, payload.warnings());
    }

    /** Sanitised HTML whose links and pictures point at Herald's public address, since the site cannot resolve ours. */
    private String content(Piece piece, @Nullable WordPressPost.Image picture) {
        Document document = Jsoup.parseBodyFragment("", portal.base() + "/");
        Element body = document.body();
        switch (piece.kind()) {
            case ARTICLE -> body.append(html.sanitise(piece.body()));
            case INFOGRAPHIC -> {
                if (picture != null) {
                    Element figure = body.appendElement("figure");
                    figure.appendElement("img").attr("src", "/assets/" + picture.sha256())
                            .attr("alt", piece.altText() == null ? "" : piece.altText());
                    if (piece.caption() != null) {
                        figure.appendElement("figcaption").text(piece.caption());
                    }
                }
                body.append(html.sanitise(piece.body()));
            }
            case RADIO_SCRIPT -> {
                for (String paragraph : (piece.script() == null ? "" : piece.script()).split("\\n\\s*\\n")) {
                    if (!paragraph.isBlank()) {
                        body.appendElement("p").text(paragraph.strip());
                    }
                }
            }
        }
        for (Element element : body.select("[src]")) {
            element.attr("src", element.absUrl("src"));
        }
        for (Element element : body.select("a[href]")) {
            String absolute = element.absUrl("href");
            if (!absolute.isEmpty()) {
                element.attr("href", absolute);
            }
        }
        document.outputSettings().prettyPrint(false);
        return html.sanitise(body.html());
    }

    // --- preview: the requests a send would make, for dry-run

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        WordPressPost post = read(delivery.payload());
        WordPressSettings settings = WordPressSettings.of(delivery.channel(), json);
        List<OutgoingRequest> requests = new ArrayList<>();
        Object category = post.categoryId();
        if (post.categoryName() != null) {
            requests.add(new OutgoingRequest("GET", categoriesUrl(settings, post.categoryName()).toString(),
                    Map.of("Authorization", MASKED_AUTHORIZATION, "Accept", "application/json"), ""));
            category = "<id của chuyên mục '" + post.categoryName() + "'>";
        }
        Object media = null;
        if (post.featuredImage() != null) {
            WordPressPost.Image image = post.featuredImage();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", MASKED_AUTHORIZATION);
            headers.put("Content-Type", image.mediaType());
            headers.put("Content-Disposition", contentDisposition(image));
            requests.add(new OutgoingRequest("POST", mediaUrl(settings, image).toString(), headers,
                    "<" + image.sizeBytes() + " byte " + image.mediaType() + ": " + image.fileName() + ">"));
            media = "<id của ảnh vừa tải lên>";
        }
        requests.add(new OutgoingRequest("POST", settings.url("posts"),
                Map.of("Authorization", MASKED_AUTHORIZATION, "Content-Type", JSON.toString()),
                write(postBody(post, category, media))));
        return requests;
    }

    // --- send

    @Override
    public SendResult send(Delivery delivery) {
        WordPressPost post;
        try {
            post = read(delivery.payload());
        } catch (IllegalStateException e) {
            return new SendResult.Permanent(e.getMessage());
        }
        WordPressSettings settings;
        try {
            settings = WordPressSettings.of(delivery.channel(), json);
        } catch (WordPressSettings.BadSettings e) {
            return new SendResult.NeedsAttention(e.getMessage());
        }
        Optional<String> authorization = authorization(settings);
        if (authorization.isEmpty()) {
            return new SendResult.NeedsAttention(missingPassword(settings));
        }
        Site site = new Site(settings, authorization.get());
        try {
            Long category = post.categoryName() != null ? Long.valueOf(site.category(post.categoryName())) : post.categoryId();
            Long media = post.featuredImage() != null ? Long.valueOf(site.upload(post.featuredImage())) : null;
            return site.createPost(post, category, media);
        } catch (Failed failed) {
            return failed.result;
        }
    }

    // --- findExisting: after an interrupted attempt, is the post already there?

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        WordPressPost post = read(delivery.payload());
        WordPressSettings settings = WordPressSettings.of(delivery.channel(), json);
        String authorization = authorization(settings).orElseThrow(() -> new IllegalStateException(missingPassword(settings)));
        HttpUrl url = HttpUrl.get(settings.url("posts")).newBuilder()
                .addQueryParameter("slug", post.slug())
                .addQueryParameter("status", "any")
                .build();
        Request request = new Request.Builder().url(url).get()
                .header("Authorization", authorization).header("Accept", "application/json").build();
        Answer answer;
        try {
            answer = exchange(settings, request);
        } catch (IOException e) {
            throw new UncheckedIOException("WordPress " + settings.site() + " không trả lời khi tìm bài '" + post.slug() + "'", e);
        }
        if (!answer.successful()) {
            if (classify(answer, settings, "tìm bài '" + post.slug() + "'") instanceof SendResult.NeedsAttention attention) {
                // a revoked password or a lost role: nothing more is tried on the channel until a person acts
                throw new ChannelNeedsAttention(attention.reason());
            }
            throw new IllegalStateException("WordPress trả lời HTTP " + answer.code() + " khi tìm bài '" + post.slug() + "'"
                    + answer.error().map(error -> " (" + error + ")").orElse(""));
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

    // --- talking to one site

    /** One send against one site: every step answers a value or ends the send with a classified result. */
    private final class Site {

        private final WordPressSettings settings;
        private final String authorization;

        Site(WordPressSettings settings, String authorization) {
            this.settings = settings;
            this.authorization = authorization;
        }

        /** The id of the category with this name; WordPress searches loosely, so the name must match exactly. */
        long category(String name) {
            Request request = new Request.Builder().url(categoriesUrl(settings, name)).get()
                    .header("Authorization", authorization).header("Accept", "application/json").build();
            Answer answer = beforeThePost(request, "tìm chuyên mục '" + name + "'");
            List<?> categories = answer.list().orElseThrow(() -> new Failed(new SendResult.RetryLater(Optional.empty(),
                    "WordPress trả lời danh sách chuyên mục không đọc được (HTTP " + answer.code() + ")")));
            String wanted = comparable(name);
            for (Object item : categories) {
                if (item instanceof Map<?, ?> category && category.get("id") instanceof Number id
                        && category.get("name") != null && comparable(Jsoup.parse(category.get("name").toString()).text()).equals(wanted)) {
                    return id.longValue();
                }
            }
            throw new Failed(new SendResult.NeedsAttention("Trang WordPress " + settings.site() + " không có chuyên mục '" + name
                    + "': tạo chuyên mục này trên trang, hoặc sửa 'category' trong channels/" + settings.channelId()
                    + ".yml, rồi tiếp tục kênh"));
        }

        /** Uploads the featured image as raw bytes named by Content-Disposition; answers the media id. */
        long upload(WordPressPost.Image image) {
            byte[] bytes;
            try {
                bytes = images.read(image);
            } catch (IOException e) {
                throw new Failed(new SendResult.Permanent("Không đọc được ảnh đại diện của bài: " + e.getMessage()
                        + ". Gắn lại ảnh bìa rồi lên lịch lại."));
            }
            Request request = new Request.Builder().url(mediaUrl(settings, image))
                    .post(RequestBody.create(bytes, MediaType.get(image.mediaType())))
                    .header("Authorization", authorization)
                    .header("Content-Disposition", contentDisposition(image))
                    .header("Accept", "application/json")
                    .build();
            Answer answer = beforeThePost(request, "tải ảnh đại diện lên");
            return answer.map().map(media -> media.get("id")).filter(Number.class::isInstance).map(id -> ((Number) id).longValue())
                    .orElseThrow(() -> new Failed(new SendResult.RetryLater(Optional.empty(),
                            "WordPress trả lời việc tải ảnh lên mà không có mã ảnh (HTTP " + answer.code() + ")")));
        }

        /**
         * Creates the post. From here a lost answer may mean the post exists: those failures are thrown, so the
         * dispatcher looks for the post by its slug before sending again.
         */
        SendResult createPost(WordPressPost post, @Nullable Long category, @Nullable Long media) {
            Request request = new Request.Builder().url(settings.url("posts"))
                    .post(RequestBody.create(write(postBody(post, category, media)), JSON))
                    .header("Authorization", authorization).header("Accept", "application/json").build();
            Answer answer;
            try {
                answer = exchange(settings, request);
            } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
                return unreachable(e);
            } catch (IOException e) {
                throw new UncheckedIOException("WordPress " + settings.site() + " không trả lời khi tạo bài: " + e.getMessage(), e);
            }
            if (answer.successful()) {
                Map<?, ?> created = answer.map().filter(map -> map.get("id") instanceof Number).orElseThrow(() ->
                        new IllegalStateException("WordPress trả lời HTTP " + answer.code() + " khi tạo bài nhưng không đọc được mã bài"));
                return new SendResult.Sent(String.valueOf(((Number) created.get("id")).longValue()), text(created.get("link")));
            }
            if (answer.code() == 500 || answer.code() == 502 || answer.code() == 504) {
                // WordPress (or a plugin after saving) failed, or the gateway lost its answer: the post may exist
                throw new IllegalStateException("WordPress trả lời HTTP " + answer.code() + " khi tạo bài; bài có thể đã được tạo"
                        + answer.error().map(error -> " (" + error + ")").orElse(""));
            }
            return classify(answer, settings, "tạo bài");
        }

        /** A step before the post: nothing a reader sees exists yet, so any failure is simply retried or reported. */
        private Answer beforeThePost(Request request, String action) {
            Answer answer;
            try {
                answer = exchange(settings, request);
            } catch (IOException e) {
                throw new Failed(unreachable(e));
            }
            if (!answer.successful()) {
                throw new Failed(classify(answer, settings, action));
            }
            return answer;
        }

        private SendResult unreachable(IOException e) {
            return new SendResult.RetryLater(Optional.empty(), "Không kết nối được trang WordPress " + settings.site() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** What an unsuccessful answer means for Herald, with a reason a Vietnamese operator can act on. */
    private SendResult classify(Answer answer, WordPressSettings settings, String action) {
        int code = answer.code();
        String error = answer.error().map(detail -> ", " + detail).orElse("");
        String file = "channels/" + settings.channelId() + ".yml";
        if (code == 401) {
            return new SendResult.NeedsAttention("WordPress không chấp nhận đăng nhập của tài khoản '" + settings.username()
                    + "' khi " + action + " (HTTP 401" + error + "): kiểm tra tên người dùng trong " + file
                    + " và mật khẩu ứng dụng trong biến môi trường " + settings.applicationPasswordEnv() + ", rồi tiếp tục kênh");
        }
        if (code == 403) {
            return new SendResult.NeedsAttention("Tài khoản WordPress '" + settings.username() + "' không có quyền " + action
                    + " (HTTP 403" + error + "): cấp vai trò Tác giả (Author) hoặc Biên tập viên (Editor) cho tài khoản, "
                    + "hoặc cho phép REST API trong plugin bảo mật, rồi tiếp tục kênh");
        }
        if (code == 404) {
            return new SendResult.NeedsAttention("Không tìm thấy REST API của WordPress tại " + settings.url("")
                    + " khi " + action + " (HTTP 404" + error + "): kiểm tra 'site' và 'apiPath' trong " + file + ", rồi tiếp tục kênh");
        }
        if (code >= 300 && code < 400) {
            return new SendResult.NeedsAttention("WordPress chuyển hướng sang " + answer.location().orElse("một địa chỉ khác")
                    + " khi " + action + " (HTTP " + code + "): ghi đúng địa chỉ trang vào 'site' trong " + file + ", rồi tiếp tục kênh");
        }
        if (code == 408 || code == 429 || code >= 500) {
            return new SendResult.RetryLater(answer.retryAfter(clock.instant()),
                    "WordPress tạm thời không nhận yêu cầu " + action + " (HTTP " + code + error + ")");
        }
        return new SendResult.Permanent("WordPress từ chối " + action + " (HTTP " + code + error + ")");
    }

    // --- requests

    private HttpUrl categoriesUrl(WordPressSettings settings, String name) {
        return HttpUrl.get(settings.url("categories")).newBuilder()
                .addQueryParameter("search", name)
                .addQueryParameter("per_page", "100")
                .build();
    }

    /** The alt text goes in the query: the body is the picture itself. */
    private HttpUrl mediaUrl(WordPressSettings settings, WordPressPost.Image image) {
        HttpUrl.Builder url = HttpUrl.get(settings.url("media")).newBuilder();
        if (image.altText() != null) {
            url.addQueryParameter("alt_text", image.altText());
        }
        return url.build();
    }

    /** WordPress names the uploaded file after this; an ASCII name keeps every server and plugin happy. */
    private static String contentDisposition(WordPressPost.Image image) {
        String name = image.fileName();
        int dot = name.lastIndexOf('.');
        String stem = Slugs.slugOf(dot > 0 ? name.substring(0, dot) : name);
        String extension = switch (image.mediaType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "image/gif" -> "gif";
            default -> dot > 0 ? Slugs.slugOf(name.substring(dot + 1)) : "bin";
        };
        return "attachment; filename=\"" + stem + "." + extension + "\"";
    }

    private static Map<String, Object> postBody(WordPressPost post, @Nullable Object category, @Nullable Object media) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", post.title());
        body.put("content", post.content());
        if (post.excerpt() != null) {
            body.put("excerpt", post.excerpt());
        }
        body.put("status", "publish");
        body.put("slug", post.slug());
        if (category != null) {
            body.put("categories", List.of(category));
        }
        if (media != null) {
            body.put("featured_media", media);
        }
        return body;
    }

    private Optional<String> authorization(WordPressSettings settings) {
        return passwords.fromVariable(settings.applicationPasswordEnv())
                .map(password -> Credentials.basic(settings.username(), password, StandardCharsets.UTF_8));
    }

    private static String missingPassword(WordPressSettings settings) {
        return "Biến môi trường " + settings.applicationPasswordEnv() + " chưa có mật khẩu ứng dụng WordPress của tài khoản '"
                + settings.username() + "': tạo mật khẩu ứng dụng trong WordPress (Người dùng > Hồ sơ > Mật khẩu ứng dụng), "
                + "đặt nó vào biến môi trường này, khởi động lại Herald rồi tiếp tục kênh";
    }

    private Answer exchange(WordPressSettings settings, Request request) throws IOException {
        OkHttpClient client = http.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .build();
        try (Response response = client.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return new Answer(response.code(), body, response.header("Retry-After"), response.header("Location"), json);
        }
    }

    /** An HTTP answer and what can be read from it; a body that is not the expected JSON reads as empty. */
    private record Answer(int code, String body, @Nullable String retryAfterHeader, @Nullable String locationHeader,
                          JsonMapper json) {

        boolean successful() {
            return code >= 200 && code < 300;
        }

        Optional<Map<?, ?>> map() {
            try {
                return Optional.ofNullable(json.readValue(body, Map.class));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        Optional<List<?>> list() {
            try {
                return Optional.ofNullable(json.readValue(body, Argument.listOf(Object.class)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** WordPress errors read {@code {"code":"rest_invalid_param","message":"...","data":{"status":400}}}. */
        Optional<String> error() {
            return map().filter(error -> error.get("code") != null).map(error -> error.get("code")
                    + (error.get("message") == null ? "" : ": " + Jsoup.parse(error.get("message").toString()).text()));
        }

        Optional<String> location() {
            return Optional.ofNullable(locationHeader);
        }

        /** Retry-After in seconds or as an HTTP date. */
        Optional<Duration> retryAfter(Instant now) {
            if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
                return Optional.empty();
            }
            String value = retryAfterHeader.strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        }
    }

    /** Ends a send early with its classified result. */
    private static final class Failed extends RuntimeException {
        private final SendResult result;

        Failed(SendResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private WordPressPost read(Payload payload) {
        try {
            return json.readValue(payload.body(), WordPressPost.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("không đọc được nội dung đã chốt của bài cho WordPress: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
