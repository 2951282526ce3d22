package vn.herald.channel.zalo;

import vn.herald.support.JsonText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.SendResult;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.Piece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes articles on a Zalo Official Account: uploads the pictures, creates the article, waits for Zalo to
 * give it an id, then (when the channel asks for it) broadcasts it to followers and posts a text with its link to
 * GMF groups. Once Zalo has accepted an article, a failure is thrown rather than answered, so the dispatcher looks
 * for the article before anything is sent again.
 */
@Singleton
class ZaloAdapter implements ChannelAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloAdapter.class);
    private static final String MASKED = "***";
    private static final int STILL_PROCESSING = -214;
    private static final int RATE_LIMITED = -32;
    private static final int SLICE = 10;
    // Herald's and Zalo's clocks may differ by this much
    private static final java.time.Duration RECONCILE_MARGIN = java.time.Duration.ofMinutes(5);

    private final ZaloArticles articles;
    private final ZaloApi api;
    private final Assets assets;
    private final JsonMapper json;
    private final ZaloTokens tokens;
    private final ZaloEngagement engagement;

    ZaloAdapter(ZaloArticles articles, ZaloApi api, Assets assets, JsonMapper json, ZaloTokens tokens,
                ZaloEngagement engagement) {
        this.articles = articles;
        this.api = api;
        this.assets = assets;
        this.json = json;
        this.tokens = tokens;
        this.engagement = engagement;
    }

    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        return engagement.read(channel, posts);
    }

    @Override
    public int postsPerEngagementCall() {
        return ZaloEngagement.POSTS_PER_READ;
    }

    @Override
    public int engagementCallsPerHour(Channel channel) {
        return ZaloEngagement.READS_PER_HOUR;
    }

    @Override
    public ChannelType type() {
        return ChannelType.ZALO_OA;
    }

    @Override
    public void checkSettings(Channel channel) {
        ZaloSettings.of(channel, json);
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        ZaloPayload payload = articles.render(piece, channel, ZaloSettings.of(channel, json));
        return new Payload(JsonText.of(json, payload), payload.title(), payload.warnings());
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return articles.unmet(piece, channel, ZaloSettings.of(channel, json));
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        ZaloPayload article = read(payload);
        String cover = article.cover() == null ? null
                : article.cover().assetSha256() != null ? "/assets/" + article.cover().assetSha256() : article.cover().url();
        return new ChannelPreview(article.title(), article.description(), null, cover, null, article.portalUrl(), null, false,
                payload.warnings());
    }

    @Override
    public Optional<java.time.Instant> credentialExpiresAt(Channel channel) {
        return tokens.accessExpiresAt(channel);
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        ZaloSettings settings = ZaloSettings.of(delivery.channel(), json);
        ZaloPayload payload = read(delivery.payload());
        Map<String, String> headers = Map.of("access_token", MASKED, "Content-Type", "application/json");
        List<OutgoingRequest> requests = new ArrayList<>();
        Map<String, String> urls = new HashMap<>();
        for (String sha : storedImages(payload)) {
            Optional<Asset> asset = assets.findBySha256(sha);
            requests.add(new OutgoingRequest("POST", settings.baseUrl() + "/v2.0/oa/upload/image",
                    Map.of("access_token", MASKED, "Content-Type", "multipart/form-data"),
                    "file=" + asset.map(a -> a.originalName() + " (" + a.mediaType() + ", " + a.sizeBytes() + " bytes)")
                            .orElse("missing asset") + ", sha256 " + sha));
            urls.put(sha, articles.publicUrl(sha));
        }
        requests.add(new OutgoingRequest("POST", settings.baseUrl() + "/v2.0/article/create", headers,
                JsonText.of(json, articleRequest(payload, urls))));
        requests.add(new OutgoingRequest("POST", settings.baseUrl() + "/v2.0/article/verify", headers,
                JsonText.of(json, Map.of("token", "<data.token of article/create>"))));
        String id = "<data.id of article/verify>";
        requests.add(new OutgoingRequest("GET", settings.baseUrl() + "/v2.0/article/getdetail?id=" + id,
                Map.of("access_token", MASKED), ""));
        if (payload.broadcast()) {
            requests.add(new OutgoingRequest("POST", settings.baseUrl() + "/v2.0/oa/message", headers,
                    JsonText.of(json, broadcastRequest(payload, id))));
        }
        for (String group : payload.groupIds()) {
            requests.add(new OutgoingRequest("POST", settings.baseUrl() + "/v3.0/oa/group/message", headers,
                    JsonText.of(json, groupRequest(payload, group, "<data.link of article/getdetail>"))));
        }
        return requests;
    }

    @Override
    public SendResult send(Delivery delivery) {
        Channel channel = delivery.channel();
        ZaloSettings settings;
        try {
            settings = ZaloSettings.of(channel, json);
        } catch (IllegalArgumentException e) {
            return new SendResult.NeedsAttention("Tệp kênh Zalo OA có giá trị sai: " + e.getMessage());
        }
        ZaloPayload payload;
        try {
            payload = read(delivery.payload());
        } catch (IllegalStateException e) {
            return new SendResult.Permanent("Nội dung đã chốt của bài không đọc được: lên lịch lại bài. (" + e.getMessage() + ")");
        }
        if (payload.cover() == null) {
            return new SendResult.Permanent(ZaloArticles.NO_COVER + " rồi duyệt lại bài.");
        }
        try {
            Map<String, String> urls = upload(channel, settings, payload);
            String token = create(channel, settings, payload, urls);
            String id = verify(channel, settings, token);
            String link = linkOf(channel, settings, id);
            followUps(delivery, settings, payload, id, link);
            return link != null ? new SendResult.Sent(id, link)
                    : new SendResult.Sent(id, null, "Bài đã đăng lên Zalo OA nhưng Herald chưa đọc được liên kết của bài; "
                    + "mở trang quản lý OA để xem bài.");
        } catch (ZaloFailure failure) {
            return failure.result();
        }
    }

    /**
     * Looks for the article an interrupted attempt may have made. The title is not enough (two pieces may share one):
     * the article must also carry this payload's description, a distinctive excerpt of its text, and must not have
     * been made before the attempt started (where Zalo gives the date). The dispatcher refuses an id already
     * recorded for another publication.
     */
    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        Channel channel = delivery.channel();
        ZaloSettings settings = ZaloSettings.of(channel, json);
        ZaloPayload payload = read(delivery.payload());
        String description = comparable(payload.description());
        java.time.Instant notBefore = delivery.attemptStartedAt().minus(RECONCILE_MARGIN);
        try {
            for (int page = 0; page < settings.reconcilePages(); page++) {
                ZaloApi.Answer answer = api.get(channel, settings, "/v2.0/article/getslice?offset=" + page * SLICE
                        + "&limit=" + SLICE + "&type=normal");
                if (!answer.ok()) {
                    SendResult refused = ZaloErrors.classify(answer, "article/getslice");
                    throw needsPersonOr(refused, "article/getslice: " + reasonOf(refused));
                }
                List<?> medias = answer.data().get("medias") instanceof List<?> list ? list : List.of();
                for (Object item : medias) {
                    if (item instanceof Map<?, ?> media && payload.title().equals(media.get("title")) && media.get("id") != null
                            && !madeBefore(media, notBefore)) {
                        Optional<SendResult.Sent> ours = ifOurs(channel, settings, String.valueOf(media.get("id")), description, notBefore);
                        if (ours.isPresent()) {
                            return ours;
                        }
                    }
                }
                if (medias.size() < SLICE) {
                    break;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("looking for the article on Zalo OA channel " + channel.id(), e);
        } catch (ZaloFailure e) {
            throw needsPersonOr(e.result(), "looking for the article on Zalo OA channel " + channel.id() + ": " + e.getMessage());
        }
    }

    /** The article of this id when its detail shows this payload's description and a date not before the attempt. */
    private Optional<SendResult.Sent> ifOurs(Channel channel, ZaloSettings settings, String id, String description,
                                            java.time.Instant notBefore) throws IOException {
        ZaloApi.Answer detail = api.get(channel, settings, "/v2.0/article/getdetail?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        if (!detail.ok()) {
            SendResult refused = ZaloErrors.classify(detail, "article/getdetail");
            throw needsPersonOr(refused, "article/getdetail: " + reasonOf(refused));
        }
        if (madeBefore(detail.data(), notBefore) || !description.equals(comparable(detail.text("description")))) {
            return Optional.empty();
        }
        return Optional.of(new SendResult.Sent(id, detail.text("link")));
    }

    /** Whether Zalo dates the article ({@code create_date}, epoch milliseconds) before {@code notBefore}. */
    private static boolean madeBefore(Map<?, ?> article, java.time.Instant notBefore) {
        return article.get("create_date") instanceof Number millis && java.time.Instant.ofEpochMilli(millis.longValue()).isBefore(notBefore);
    }

    /** Text as compared across platforms: one Unicode form, runs of white space as one space. */
    private static String comparable(@Nullable String text) {
        return text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Uploads every stored picture; answers the URL Zalo should show for each. Nothing is published yet. */
    private Map<String, String> upload(Channel channel, ZaloSettings settings, ZaloPayload payload) {
        Map<String, String> urls = new HashMap<>();
        for (String sha : storedImages(payload)) {
            Asset asset = assets.findBySha256(sha).filter(a -> Files.isReadable(assets.fileOf(a))).orElseThrow(() ->
                    new ZaloFailure(new SendResult.Permanent("Ảnh " + sha + " của bài không còn trong kho của Herald: "
                            + "đính kèm lại ảnh rồi lên lịch lại.")));
            ZaloApi.Answer answer;
            try {
                answer = api.upload(channel, settings, "/v2.0/oa/upload/image", assets.fileOf(asset),
                        asset.originalName() == null ? sha : asset.originalName(), asset.mediaType());
            } catch (IOException e) {
                throw ZaloFailure.retryLater("Tải ảnh lên Zalo không thành công (" + describe(e) + "): sẽ thử lại.");
            }
            if (!answer.ok()) {
                throw new ZaloFailure(ZaloErrors.classify(answer, "oa/upload/image"));
            }
            if (answer.text("attachment_id") == null) {
                throw ZaloFailure.retryLater("Zalo nhận ảnh nhưng không trả attachment_id: sẽ thử lại.");
            }
            // Zalo's article takes picture URLs; when the upload answer carries none, Zalo fetches Herald's public copy
            urls.put(sha, Optional.ofNullable(answer.text("url")).orElse(articles.publicUrl(sha)));
        }
        return urls;
    }

    private String create(Channel channel, ZaloSettings settings, ZaloPayload payload, Map<String, String> urls) {
        ZaloApi.Answer answer;
        try {
            answer = api.postJson(channel, settings, "/v2.0/article/create", articleRequest(payload, urls));
        } catch (IOException e) {
            // Zalo may have created the article: the dispatcher reconciles before anything is sent again
            throw new UncheckedIOException("article/create on Zalo OA channel " + channel.id() + " got no readable answer", e);
        }
        if (!answer.ok()) {
            throw new ZaloFailure(ZaloErrors.classify(answer, "article/create"));
        }
        String token = answer.text("token");
        if (token == null) {
            throw new IllegalStateException("article/create on Zalo OA channel " + channel.id() + " answered success without data.token");
        }
        return token;
    }

    /**
     * Polls until Zalo gives the article's id; -214 (and a rate limit) mean "not yet". Past the bound the article
     * was accepted but its fate is unknown: that is thrown, so the dispatcher reconciles rather than creates again.
     */
    private String verify(Channel channel, ZaloSettings settings, String token) {
        for (int poll = 1; poll <= settings.verifyAttempts(); poll++) {
            ZaloApi.Answer answer;
            try {
                answer = api.postJson(channel, settings, "/v2.0/article/verify", Map.of("token", token));
            } catch (IOException e) {
                throw new UncheckedIOException("article/verify on Zalo OA channel " + channel.id() + " failed after the article was accepted", e);
            } catch (ZaloFailure e) {
                throw needsPersonOr(e.result(), "article/verify on Zalo OA channel " + channel.id()
                        + " failed after the article was accepted: " + e.getMessage());
            }
            if (answer.ok() && answer.text("id") != null) {
                return answer.text("id");
            }
            if (!answer.ok() && answer.error() != STILL_PROCESSING && answer.error() != RATE_LIMITED) {
                SendResult refused = ZaloErrors.classify(answer, "article/verify");
                if (refused instanceof SendResult.Permanent) {
                    // a definite no: Zalo did not publish the article (e.g. a picture it could not fetch)
                    throw new ZaloFailure(refused);
                }
                // a token or permission trouble says nothing about the article, which may still appear
                throw needsPersonOr(refused, "article/verify on Zalo OA channel " + channel.id()
                        + " failed after the article was accepted: " + reasonOf(refused));
            }
            pause(settings, poll);
        }
        throw new IllegalStateException("Zalo OA channel " + channel.id() + ": the article was accepted but had no id after "
                + settings.verifyAttempts() + " checks; it will be looked for before any new attempt");
    }

    private void pause(ZaloSettings settings, int poll) {
        if (poll == settings.verifyAttempts() || settings.verifyInterval().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.verifyInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Zalo to process an accepted article");
        }
    }

    /** The article's public address; the post exists whatever happens here, so a failure only loses the link. */
    @Nullable
    private String linkOf(Channel channel, ZaloSettings settings, String id) {
        try {
            ZaloApi.Answer answer = api.get(channel, settings, "/v2.0/article/getdetail?id="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8));
            if (answer.ok()) {
                return answer.text("link");
            }
            LOG.warn("Zalo OA channel {}: article/getdetail for {} answered error {}", channel.id(), id, answer.error());
        } catch (IOException | ZaloFailure e) {
            LOG.warn("Zalo OA channel {}: no link for article {}: {}", channel.id(), id, e.getMessage());
        }
        return null;
    }

    /**
     * Broadcast and group messages come after the article is published: their failure must not make the article
     * be sent again, so it is logged for the operator instead of changing the result.
     */
    private void followUps(Delivery delivery, ZaloSettings settings, ZaloPayload payload, String id, @Nullable String link) {
        Channel channel = delivery.channel();
        if (payload.broadcast()) {
            followUp(channel, settings, "/v2.0/oa/message", broadcastRequest(payload, id), delivery, "oa/message");
        }
        String shownLink = link != null ? link : payload.portalUrl();
        for (String group : payload.groupIds()) {
            followUp(channel, settings, "/v3.0/oa/group/message", groupRequest(payload, group, shownLink), delivery,
                    "oa/group/message " + group);
        }
    }

    private void followUp(Channel channel, ZaloSettings settings, String path, Object body, Delivery delivery, String step) {
        try {
            ZaloApi.Answer answer = api.postJson(channel, settings, path, body);
            if (!answer.ok()) {
                LOG.warn("Publication {} on Zalo OA channel {}: published, but {}", delivery.publicationId(), channel.id(),
                        reasonOf(ZaloErrors.classify(answer, step)));
            }
        } catch (IOException | ZaloFailure e) {
            LOG.warn("Publication {} on Zalo OA channel {}: published, but {} failed: {}", delivery.publicationId(),
                    channel.id(), step, e.getMessage());
        }
    }

    private static Map<String, Object> articleRequest(ZaloPayload payload, Map<String, String> urls) {
        Map<String, Object> cover = new LinkedHashMap<>();
        cover.put("cover_type", "photo");
        cover.put("photo_url", payload.cover() == null ? "<chưa có ảnh bìa: Zalo sẽ từ chối bài>" : urlOf(payload.cover(), urls));
        cover.put("status", "show");
        List<Map<String, Object>> body = new ArrayList<>();
        for (ZaloPayload.Block block : payload.body()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", block.type());
            if (block.image() != null) {
                item.put("url", urlOf(block.image(), urls));
                if (block.caption() != null) {
                    item.put("caption", block.caption());
                }
            } else {
                item.put("content", block.content());
            }
            body.add(item);
        }
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("type", "normal");
        article.put("title", payload.title());
        article.put("author", payload.author());
        article.put("description", payload.description());
        article.put("cover", cover);
        article.put("body", body);
        article.put("status", "show");
        article.put("comment", "show");
        return article;
    }

    private static Map<String, Object> broadcastRequest(ZaloPayload payload, String articleId) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("media_type", "article");
        element.put("attachment_id", articleId);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("template_type", "media");
        template.put("elements", List.of(element));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("type", "template");
        attachment.put("payload", template);
        return ordered("recipient", Map.of("target", payload.broadcastTarget()), "message", Map.of("attachment", attachment));
    }

    private static Map<String, Object> groupRequest(ZaloPayload payload, String groupId, @Nullable String link) {
        String text = payload.groupText() == null ? payload.title() : payload.groupText();
        return ordered("recipient", Map.of("group_id", groupId),
                "message", Map.of("text", link == null ? text : text + "\n\n" + link));
    }

    /** Keys in the documented order, so that previews read like the reference. */
    private static Map<String, Object> ordered(String firstKey, Object first, String secondKey, Object second) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(firstKey, first);
        map.put(secondKey, second);
        return map;
    }

    private static String urlOf(ZaloPayload.Image image, Map<String, String> urls) {
        return image.assetSha256() != null ? urls.get(image.assetSha256()) : image.url();
    }

    private static Set<String> storedImages(ZaloPayload payload) {
        Set<String> shas = new LinkedHashSet<>();
        if (payload.cover() != null && payload.cover().assetSha256() != null) {
            shas.add(payload.cover().assetSha256());
        }
        payload.body().stream().map(ZaloPayload.Block::image)
                .filter(image -> image != null && image.assetSha256() != null)
                .forEach(image -> shas.add(image.assetSha256()));
        return shas;
    }

    /**
     * Where the outcome is unknown (a lookup, or a step after Zalo accepted the article): a trouble that needs a
     * person (a refused refresh, a lost permission) pauses the channel; any other is thrown for a later look.
     */
    private static RuntimeException needsPersonOr(SendResult result, String otherwise) {
        return result instanceof SendResult.NeedsAttention attention
                ? new ChannelNeedsAttention(attention.reason()) : new IllegalStateException(otherwise);
    }

    private static String reasonOf(SendResult result) {
        return new ZaloFailure(result).getMessage();
    }

    private static String describe(IOException e) {
        return e instanceof ZaloApi.Unreadable ? e.getMessage() : e.getClass().getSimpleName();
    }

    private ZaloPayload read(Payload payload) {
        try {
            return json.readValue(payload.body(), ZaloPayload.class);
        } catch (IOException e) {
            throw new IllegalStateException("the frozen Zalo payload cannot be read: " + e.getMessage(), e);
        }
    }

}
