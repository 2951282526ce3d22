package vn.herald.channel.tiktok;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.Pause;
import vn.herald.channel.platform.UploadSessions;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.support.JsonText;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts a piece's video on a TikTok account with the Content Posting API (Direct Post): creator_info, video/init,
 * the upload (or TikTok's pull from the portal), then status/fetch until TikTok publishes or gives up.
 * <p>
 * The {@code publish_id} is recorded ({@link UploadSessions}) the moment video/init answers, before a byte is sent,
 * so every later attempt, and the dispatcher's reconciliation after a crash, asks TikTok about that post before
 * anything new is made: a video is posted once.
 */
@Singleton
class TikTokAdapter implements ChannelAdapter {

    private final TikTokRender render;
    private final TikTokApi api;
    private final UploadSessions uploads;
    private final InitWindow window;
    private final Pause pause;
    private final Assets assets;
    private final JsonMapper json;
    private final TikTokEngagement engagement;

    TikTokAdapter(TikTokRender render, TikTokApi api, UploadSessions uploads, InitWindow window, Pause pause,
                  Assets assets, JsonMapper json, TikTokEngagement engagement) {
        this.render = render;
        this.api = api;
        this.uploads = uploads;
        this.window = window;
        this.pause = pause;
        this.assets = assets;
        this.json = json;
        this.engagement = engagement;
    }

    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        return engagement.read(channel, posts);
    }

    @Override
    public int postsPerEngagementCall() {
        return TikTokEngagement.VIDEOS_PER_READ;
    }

    @Override
    public int engagementCallsPerHour(Channel channel) {
        return TikTokEngagement.READS_PER_HOUR;
    }

    /** Where a post in the making stands, as far as sending again is concerned. */
    private enum Stage { COMPLETE, FAILED, PROCESSING, ABANDONED }

    @Override
    public ChannelType type() {
        return ChannelType.TIKTOK;
    }

    @Override
    public void checkSettings(Channel channel) {
        TikTokSettings.of(channel, json);
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return render.unmet(piece, channel);
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        try {
            return render.render(piece, channel, TikTokSettings.of(channel, json));
        } catch (BadSetting e) {
            throw Refusal.conflict(RefusalCode.CHANNEL_SETTING_BAD, e.getMessage());
        }
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        return render.look(payload);
    }

    @Override
    public List<String> notes(Channel channel) {
        TikTokSettings settings;
        try {
            settings = TikTokSettings.of(channel, json);
        } catch (BadSetting e) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        if (!settings.audited()) {
            notes.add("Ứng dụng TikTok của kênh chưa được TikTok duyệt (audit): mọi video Herald đăng lên chỉ ở chế độ "
                    + "«Chỉ mình tôi», người khác không xem được. Tài khoản phải để riêng tư khi đăng, và mỗi ngày chỉ tối đa "
                    + "5 tài khoản dùng ứng dụng. Sau khi được duyệt, đặt audited: true trong tệp kênh.");
        }
        if (settings.uploadMode() == TikTokSettings.UploadMode.PULL_FROM_URL) {
            notes.add("TikTok tự tải video từ địa chỉ công khai của cổng thông tin: tên miền này phải được xác minh trong "
                    + "trang nhà phát triển TikTok, nếu không TikTok từ chối (url_ownership_unverified).");
        }
        return notes;
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        TikTokSettings settings = TikTokSettings.of(delivery.channel(), json);
        TikTokPayload post = render.read(delivery.payload());
        String bearer = "Bearer <access token>";
        Map<String, String> jsonHeaders = Map.of("Authorization", bearer, "Content-Type", "application/json; charset=UTF-8");
        List<OutgoingRequest> requests = new ArrayList<>();
        requests.add(new OutgoingRequest("POST", settings.baseUrl() + TikTokTokens.OAUTH_PATH,
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "client_key=***&client_secret=***&grant_type=refresh_token&refresh_token=*** (only when the stored access "
                        + "token is about to expire)"));
        requests.add(new OutgoingRequest("POST", settings.baseUrl() + TikTokApi.CREATOR_INFO, jsonHeaders, ""));
        ChunkPlan plan = settings.uploadMode() == TikTokSettings.UploadMode.FILE_UPLOAD
                ? ChunkPlan.of(post.videoBytes(), settings.chunkBytes()) : null;
        TikTokApi.Creator assumed = new TikTokApi.Creator(null, List.of(post.privacyLevel()), false, false, false, 0);
        requests.add(new OutgoingRequest("POST", settings.baseUrl() + TikTokApi.VIDEO_INIT, jsonHeaders,
                JsonText.of(json, initBody(settings, post, post.privacyLevel(), assumed, plan))));
        if (plan != null) {
            for (ChunkPlan.Chunk chunk : plan.chunks()) {
                requests.add(new OutgoingRequest("PUT", "<data.upload_url of video/init>", Map.of("Content-Type", "video/mp4",
                        "Content-Length", String.valueOf(chunk.length()), "Content-Range", chunk.contentRange(plan.size())),
                        "<bytes " + chunk.first() + "-" + chunk.last() + " of the video, sha256 " + post.videoSha256() + ">"));
            }
        }
        requests.add(new OutgoingRequest("POST", settings.baseUrl() + TikTokApi.STATUS_FETCH, jsonHeaders,
                JsonText.of(json, Map.of("publish_id", "<data.publish_id of video/init>"))));
        return requests;
    }

    @Override
    public SendResult send(Delivery delivery) {
        Channel channel = delivery.channel();
        TikTokSettings settings;
        try {
            settings = TikTokSettings.of(channel, json);
        } catch (BadSetting e) {
            return new SendResult.NeedsAttention("Tệp kênh TikTok có giá trị sai: " + e.getMessage());
        }
        TikTokPayload post;
        try {
            post = render.read(delivery.payload());
        } catch (IllegalStateException e) {
            return new SendResult.Permanent("Nội dung đã chốt cho TikTok không đọc được: lên lịch lại bài.");
        }
        try {
            Optional<UploadSessions.Upload> open = openUpload(delivery);
            if (open.isPresent()) {
                String publishId = open.get().reference();
                TikTokApi.Status status = status(channel, settings, publishId);
                switch (stage(status, post)) {
                    case COMPLETE -> {
                        uploads.end(delivery.publicationId());
                        return sent(channel, settings, publishId, status);
                    }
                    case FAILED -> {
                        uploads.end(delivery.publicationId());
                        return TikTokErrors.failed(status.failReason());
                    }
                    case PROCESSING -> {
                        return poll(delivery, settings, publishId, post);
                    }
                    case ABANDONED -> uploads.end(delivery.publicationId());
                }
            }
            return post(delivery, settings, post);
        } catch (TikTokFailure failure) {
            return failure.result();
        }
    }

    /**
     * Looks for the post an interrupted attempt made: only the publish_id recorded for this publication can say, since
     * the video.publish scope lists no videos. Published: found. Still processing: not found, and the send that follows
     * polls the same publish_id. Failed or abandoned mid-upload: not found, and a new post is right.
     */
    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        Optional<UploadSessions.Upload> open = openUpload(delivery);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Channel channel = delivery.channel();
        TikTokSettings settings = TikTokSettings.of(channel, json);
        TikTokPayload post = render.read(delivery.payload());
        String publishId = open.get().reference();
        try {
            TikTokApi.Status status = status(channel, settings, publishId);
            return switch (stage(status, post)) {
                case COMPLETE -> {
                    uploads.end(delivery.publicationId());
                    yield Optional.of(sent(channel, settings, publishId, status));
                }
                case FAILED, ABANDONED -> {
                    uploads.end(delivery.publicationId());
                    yield Optional.empty();
                }
                case PROCESSING -> Optional.empty();
            };
        } catch (TikTokFailure failure) {
            if (failure.result() instanceof SendResult.NeedsAttention attention) {
                throw new ChannelNeedsAttention(attention.reason());
            }
            throw new IllegalStateException("looking for publish_id " + publishId + " on TikTok channel " + channel.id()
                    + ": " + failure.getMessage());
        }
    }

    private Optional<UploadSessions.Upload> openUpload(Delivery delivery) {
        return uploads.find(delivery.publicationId()).filter(u -> u.channelId().equals(delivery.channel().id()));
    }

    /** A new post: creator_info, video/init (publish_id recorded at once), the upload, then the status. */
    private SendResult post(Delivery delivery, TikTokSettings settings, TikTokPayload post) {
        Channel channel = delivery.channel();
        Asset video = assets.findBySha256(post.videoSha256()).filter(a -> Files.isReadable(assets.fileOf(a)))
                .orElse(null);
        if (video == null) {
            return new SendResult.Permanent("Tệp video của bài không còn trong kho của Herald: tải video lên lại rồi lên "
                    + "lịch lại.");
        }
        TikTokApi.Creator creator = creator(channel, settings);
        String privacy = privacy(settings, creator, post);
        if (creator.maxSeconds() > 0 && post.seconds() > creator.maxSeconds()) {
            return new SendResult.Permanent("Video dài " + Math.round(post.seconds()) + " giây, tài khoản TikTok này chỉ được "
                    + "đăng video dài tối đa " + creator.maxSeconds() + " giây: cắt ngắn video rồi lên lịch lại.");
        }
        Optional<java.time.Duration> wait = window.reserve(channel.id(), settings.initsPerMinute());
        if (wait.isPresent()) {
            return new SendResult.RetryLater(wait, "TikTok cho mỗi tài khoản tối đa " + settings.initsPerMinute()
                    + " lần bắt đầu đăng video mỗi phút: chờ " + Math.max(1, wait.get().toSeconds()) + " giây rồi gửi.");
        }
        Path file = assets.fileOf(video);
        ChunkPlan plan;
        try {
            plan = settings.uploadMode() == TikTokSettings.UploadMode.FILE_UPLOAD ? ChunkPlan.of(Files.size(file),
                    settings.chunkBytes()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TikTokApi.Answer init;
        try {
            init = api.postJson(channel, settings, TikTokApi.VIDEO_INIT, initBody(settings, post, privacy, creator, plan));
        } catch (IOException e) {
            // with FILE_UPLOAD nothing is posted before the bytes arrive; with PULL_FROM_URL see docs/channels/tiktok.md
            return new SendResult.RetryLater(Optional.empty(), "Không nhận được trả lời của TikTok khi bắt đầu đăng video ("
                    + e.getClass().getSimpleName() + "): sẽ thử lại.");
        }
        if (!init.ok() || init.text("publish_id") == null) {
            return init.ok() ? new SendResult.RetryLater(Optional.empty(), "TikTok không trả publish_id: sẽ thử lại.")
                    : TikTokErrors.classify(init, "video/init", settings);
        }
        String publishId = init.text("publish_id");
        uploads.begin(delivery.publicationId(), channel.id(), publishId);
        if (plan != null) {
            String uploadUrl = init.text("upload_url");
            if (uploadUrl == null) {
                uploads.end(delivery.publicationId());
                return new SendResult.RetryLater(Optional.empty(), "TikTok không trả địa chỉ tải video (upload_url): sẽ thử lại.");
            }
            List<ChunkPlan.Chunk> chunks = plan.chunks();
            for (int i = 0; i < chunks.size(); i++) {
                int answered;
                try {
                    answered = api.putChunk(settings, uploadUrl, file, chunks.get(i), plan.size());
                } catch (IOException e) {
                    return cut(i, chunks.size(), e.getClass().getSimpleName());
                }
                if (answered / 100 != 2) {
                    return cut(i, chunks.size(), "HTTP " + answered);
                }
            }
        }
        return poll(delivery, settings, publishId, post);
    }

    /** The upload stopped: the publish_id stays recorded, so the next attempt asks TikTok before it posts again. */
    private static SendResult cut(int index, int count, String why) {
        return new SendResult.RetryLater(Optional.empty(), "Tải video lên TikTok bị ngắt ở đoạn " + (index + 1) + "/" + count
                + " (" + why + "): lần sau Herald hỏi TikTok trạng thái trước, rồi mới gửi lại.");
    }

    /** status/fetch until TikTok publishes or gives up, a bounded number of times; the publish_id is kept meanwhile. */
    private SendResult poll(Delivery delivery, TikTokSettings settings, String publishId, TikTokPayload post) {
        Channel channel = delivery.channel();
        String last = "";
        for (int i = 0; i < settings.statusPolls(); i++) {
            if (i > 0 && !pause.pause(settings.statusPollInterval())) {
                // the service is stopping: the next attempt fetches the status of the same publish_id
                break;
            }
            TikTokApi.Status status = status(channel, settings, publishId);
            last = status.status();
            Stage stage = stage(status, post);
            if (stage == Stage.COMPLETE) {
                uploads.end(delivery.publicationId());
                return sent(channel, settings, publishId, status);
            }
            if (stage == Stage.FAILED) {
                uploads.end(delivery.publicationId());
                return TikTokErrors.failed(status.failReason());
            }
        }
        return new SendResult.RetryLater(Optional.of(settings.statusPollInterval().multipliedBy(settings.statusPolls())),
                "TikTok vẫn đang xử lý video (" + last + "): Herald sẽ hỏi lại trạng thái, không đăng lần hai.");
    }

    private TikTokApi.Status status(Channel channel, TikTokSettings settings, String publishId) {
        TikTokApi.Answer answer;
        try {
            answer = api.postJson(channel, settings, TikTokApi.STATUS_FETCH, Map.of("publish_id", publishId));
        } catch (IOException e) {
            throw TikTokFailure.retryLater("Không hỏi được TikTok trạng thái video (" + e.getClass().getSimpleName()
                    + "): sẽ hỏi lại, không đăng lần hai.");
        }
        if (!answer.ok()) {
            if ("invalid_params".equals(answer.code())) {
                // TikTok no longer knows this publish_id (expired or never completed): nothing of it was published
                return new TikTokApi.Status("FAILED", null, List.of(), null);
            }
            throw new TikTokFailure(TikTokErrors.classify(answer, "status/fetch", settings));
        }
        return TikTokApi.status(answer);
    }

    private static Stage stage(TikTokApi.Status status, TikTokPayload post) {
        return switch (status.status()) {
            case "PUBLISH_COMPLETE", "SEND_TO_USER_INBOX" -> Stage.COMPLETE;
            case "FAILED" -> Stage.FAILED;
            // bytes missing: nobody will send them any more, so TikTok can never publish this one
            case "PROCESSING_UPLOAD" -> status.uploadedBytes() != null && status.uploadedBytes() < post.videoBytes()
                    ? Stage.ABANDONED : Stage.PROCESSING;
            default -> Stage.PROCESSING;
        };
    }

    private TikTokApi.Creator creator(Channel channel, TikTokSettings settings) {
        TikTokApi.Answer answer;
        try {
            answer = api.postJson(channel, settings, TikTokApi.CREATOR_INFO, Map.of());
        } catch (IOException e) {
            throw TikTokFailure.retryLater("Không hỏi được TikTok thông tin tài khoản (" + e.getClass().getSimpleName()
                    + "): sẽ thử lại.");
        }
        if (!answer.ok()) {
            throw new TikTokFailure(TikTokErrors.classify(answer, "creator_info/query", settings));
        }
        return TikTokApi.creator(answer);
    }

    /**
     * The viewers sent: one the creator offers now. Unaudited clients may only post SELF_ONLY; otherwise the wanted
     * level, else the channel's fallback, else a person decides (nothing is posted to viewers nobody chose).
     */
    private static String privacy(TikTokSettings settings, TikTokApi.Creator creator, TikTokPayload post) {
        String offered = String.join(", ", creator.privacyOptions());
        if (!settings.audited()) {
            if (creator.privacyOptions().contains(TikTokSettings.SELF_ONLY)) {
                return TikTokSettings.SELF_ONLY;
            }
            throw TikTokFailure.needsAttention("Ứng dụng TikTok chưa được duyệt chỉ đăng được «Chỉ mình tôi» (SELF_ONLY), "
                    + "nhưng tài khoản không cho chế độ này (cho: " + offered + "): kiểm tra tài khoản rồi tiếp tục kênh.");
        }
        if (creator.privacyOptions().contains(post.privacyLevel())) {
            return post.privacyLevel();
        }
        if (settings.privacyFallback().isPresent() && creator.privacyOptions().contains(settings.privacyFallback().get())) {
            return settings.privacyFallback().get();
        }
        throw TikTokFailure.needsAttention("Tài khoản TikTok không cho đăng với chế độ người xem " + post.privacyLevel()
                + " (cho: " + offered + ")" + settings.privacyFallback().map(f -> ", cũng không cho " + f).orElse("")
                + ": sửa privacyLevel hoặc privacyFallback trong tệp kênh rồi tiếp tục kênh.");
    }

    private static Map<String, Object> initBody(TikTokSettings settings, TikTokPayload post, String privacy,
                                                TikTokApi.Creator creator, @Nullable ChunkPlan plan) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", post.title());
        info.put("privacy_level", privacy);
        info.put("disable_duet", settings.disableDuet() || creator.duetDisabled());
        info.put("disable_comment", settings.disableComment() || creator.commentDisabled());
        info.put("disable_stitch", settings.disableStitch() || creator.stitchDisabled());
        info.put("video_cover_timestamp_ms", post.coverTimestampMillis());
        Map<String, Object> source = new LinkedHashMap<>();
        if (plan != null) {
            source.put("source", "FILE_UPLOAD");
            source.put("video_size", plan.size());
            source.put("chunk_size", plan.chunkSize());
            source.put("total_chunk_count", plan.count());
        } else {
            source.put("source", "PULL_FROM_URL");
            source.put("video_url", post.videoUrl());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("post_info", info);
        body.put("source_info", source);
        return body;
    }

    /** Published: the public post id and its address where TikTok gives one, else the publish_id and a warning. */
    private SendResult.Sent sent(Channel channel, TikTokSettings settings, String publishId, TikTokApi.Status status) {
        if (status.postIds().isEmpty()) {
            return new SendResult.Sent(publishId, null, "TikTok đã nhận video nhưng chưa cho mã bài công khai (video ở chế "
                    + "độ «Chỉ mình tôi» hoặc đang chờ kiểm duyệt): mở ứng dụng TikTok để xem.");
        }
        String postId = status.postIds().get(0);
        String username;
        try {
            username = creator(channel, settings).username();
        } catch (TikTokFailure e) {
            username = null;
        }
        return username == null
                ? new SendResult.Sent(postId, null, "Video đã đăng lên TikTok nhưng Herald chưa đọc được tên tài khoản để "
                        + "ghi địa chỉ bài.")
                : new SendResult.Sent(postId, "https://www.tiktok.com/@" + username + "/video/" + postId);
    }
}
