package vn.herald.channel.wordpress;

import vn.herald.support.JsonText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jsoup.Jsoup;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.content.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The WordPress REST API calls ({@code /wp-json/wp/v2}): the category by name, the featured image ({@code POST /media},
 * the raw bytes with their file name), the post ({@code POST /posts}), and a post looked up by its slug. Every step
 * before the post answers a value or ends the send with a classified result ({@link Failed}).
 */
@Singleton
class WordPressCalls {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String MASKED_AUTHORIZATION = "Basic ***";

    private final PlatformHttp http;
    private final JsonMapper json;
    private final FeaturedImages images;
    private final Clock clock;

    WordPressCalls(PlatformHttp http, JsonMapper json, FeaturedImages images, Clock clock) {
        this.http = http;
        this.json = json;
        this.images = images;
        this.clock = clock;
    }

    /** Ends a send early with its classified result. */
    static final class Failed extends RuntimeException {
        final transient SendResult result;

        Failed(SendResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** The requests a send would make, for dry-run: the ids a step would answer are placeholders. */
    List<OutgoingRequest> preview(WordPressSettings settings, WordPressPost post) {
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
                JsonText.of(json, postBody(post, category, media))));
        return requests;
    }

    /** The id of the category with this name; WordPress searches loosely, so the name must match exactly. */
    long category(WordPressSettings settings, String authorization, String name) {
        Request request = new Request.Builder().url(categoriesUrl(settings, name)).get()
                .header("Authorization", authorization).header("Accept", "application/json").build();
        PlatformAnswer answer = beforeThePost(settings, request, "tìm chuyên mục '" + name + "'");
        List<?> categories = answer.list().orElseThrow(() -> new Failed(new SendResult.RetryLater(Optional.empty(),
                "WordPress trả lời danh sách chuyên mục không đọc được (HTTP " + answer.status() + ")")));
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
    long upload(WordPressSettings settings, String authorization, WordPressPost.Image image) {
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
        PlatformAnswer answer = beforeThePost(settings, request, "tải ảnh đại diện lên");
        return answer.object().map(media -> media.get("id")).filter(Number.class::isInstance).map(id -> ((Number) id).longValue())
                .orElseThrow(() -> new Failed(new SendResult.RetryLater(Optional.empty(),
                        "WordPress trả lời việc tải ảnh lên mà không có mã ảnh (HTTP " + answer.status() + ")")));
    }

    /**
     * Creates the post. From here a lost answer may mean the post exists: those failures are thrown, so the
     * dispatcher looks for the post by its slug before sending again. The create answer carries the post's
     * public address ({@code link}).
     */
    SendResult createPost(WordPressSettings settings, String authorization, WordPressPost post, @Nullable Long category,
                          @Nullable Long media) {
        Request request = new Request.Builder().url(settings.url("posts"))
                .post(RequestBody.create(JsonText.of(json, postBody(post, category, media)), JSON))
                .header("Authorization", authorization).header("Accept", "application/json").build();
        PlatformAnswer answer;
        try {
            answer = http.exchange(settings.timeouts(), request);
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            return unreachable(settings, e);
        } catch (IOException e) {
            throw new UncheckedIOException("WordPress " + settings.site() + " không trả lời khi tạo bài: " + e.getMessage(), e);
        }
        if (answer.successful()) {
            Map<?, ?> created = answer.object().filter(map -> map.get("id") instanceof Number).orElseThrow(() ->
                    new IllegalStateException("WordPress trả lời HTTP " + answer.status() + " khi tạo bài nhưng không đọc được mã bài"));
            String id = String.valueOf(((Number) created.get("id")).longValue());
            Object link = created.get("link");
            return link != null && !link.toString().isBlank() ? new SendResult.Sent(id, link.toString())
                    : new SendResult.Sent(id, null, "Bài đã đăng lên trang WordPress nhưng câu trả lời không có địa chỉ "
                    + "của bài; tìm bài trên trang theo tiêu đề.");
        }
        if (answer.status() == 500 || answer.status() == 502 || answer.status() == 504) {
            // WordPress (or a plugin after saving) failed, or the gateway lost its answer: the post may exist
            throw new IllegalStateException("WordPress trả lời HTTP " + answer.status() + " khi tạo bài; bài có thể đã được tạo"
                    + WordPressErrors.detail(answer).map(error -> " (" + error + ")").orElse(""));
        }
        return WordPressErrors.classify(answer, settings, "tạo bài", clock.instant());
    }

    /** The posts with this slug, drafts and trash included. */
    PlatformAnswer postsWithSlug(WordPressSettings settings, String authorization, String slug) throws IOException {
        HttpUrl url = HttpUrl.get(settings.url("posts")).newBuilder()
                .addQueryParameter("slug", slug)
                .addQueryParameter("status", "any")
                .build();
        return http.exchange(settings.timeouts(), new Request.Builder().url(url).get()
                .header("Authorization", authorization).header("Accept", "application/json").build());
    }

    /** A step before the post: nothing a reader sees exists yet, so any failure is simply retried or reported. */
    private PlatformAnswer beforeThePost(WordPressSettings settings, Request request, String action) {
        PlatformAnswer answer;
        try {
            answer = http.exchange(settings.timeouts(), request);
        } catch (IOException e) {
            throw new Failed(unreachable(settings, e));
        }
        if (!answer.successful()) {
            throw new Failed(WordPressErrors.classify(answer, settings, action, clock.instant()));
        }
        return answer;
    }

    private static SendResult unreachable(WordPressSettings settings, IOException e) {
        return new SendResult.RetryLater(Optional.empty(), "Không kết nối được trang WordPress " + settings.site() + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    private static HttpUrl categoriesUrl(WordPressSettings settings, String name) {
        return HttpUrl.get(settings.url("categories")).newBuilder()
                .addQueryParameter("search", name)
                .addQueryParameter("per_page", "100")
                .build();
    }

    /** The alt text goes in the query: the body is the picture itself. */
    private static HttpUrl mediaUrl(WordPressSettings settings, WordPressPost.Image image) {
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

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

}
