package vn.herald.channel.youtube;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.Request;
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
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.UploadSessions;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads a piece's video to a YouTube channel with Google's resumable protocol: the session address is recorded
 * ({@link UploadSessions}) before the first byte goes, so an upload cut by the network, a YouTube outage or a crash
 * resumes where YouTube says it stands, and a finished upload is found again instead of being sent twice.
 */
@Singleton
public class YouTubeAdapter implements ChannelAdapter {

    /** Around the attempt, how far back the uploads are read for a video an interrupted attempt may have made. */
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(10);
    private static final int RECONCILE_PAGES = 3;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");

    private final YouTubeRender render;
    private final YouTubeCalls calls;
    private final GoogleTokens tokens;
    private final PlatformHttp http;
    private final UploadSessions sessions;
    private final Assets assets;
    private final Pause pause;
    private final JsonMapper json;
    private final Clock clock;
    private final YouTubeEngagement engagement;

    YouTubeAdapter(YouTubeRender render, YouTubeCalls calls, GoogleTokens tokens, PlatformHttp http, UploadSessions sessions,
                   Assets assets, Pause pause, JsonMapper json, Clock clock, YouTubeEngagement engagement) {
        this.render = render;
        this.calls = calls;
        this.tokens = tokens;
        this.http = http;
        this.sessions = sessions;
        this.assets = assets;
        this.pause = pause;
        this.json = json;
        this.clock = clock;
        this.engagement = engagement;
    }

    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        return engagement.read(channel, posts);
    }

    @Override
    public int postsPerEngagementCall() {
        return YouTubeEngagement.VIDEOS_PER_READ;
    }

    @Override
    public int engagementCallsPerHour(Channel channel) {
        return YouTubeEngagement.READS_PER_HOUR;
    }

    @Override
    public ChannelType type() {
        return ChannelType.YOUTUBE;
    }

    @Override
    public void checkSettings(Channel channel) {
        YouTubeSettings.of(channel, json);
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return render.unmet(piece, YouTubeSettings.of(channel, json), channel);
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        try {
            return render.render(piece, YouTubeSettings.of(channel, json), channel);
        } catch (BadSetting e) {
            throw Refusal.conflict(RefusalCode.CHANNEL_SETTING_BAD, e.getMessage());
        }
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        return render.look(payload);
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        YouTubeSettings settings = YouTubeSettings.of(delivery.channel(), json);
        YouTubeVideo video = render.read(delivery.payload());
        return calls.describe(settings, video, video.videoBytes(), video.captionsSha256() != null);
    }

    /** The access token of one send: renewed at most once, on YouTube's first 401. */
    private final class Auth {
        private final YouTubeSettings settings;
        private String token;
        private boolean renewed;

        Auth(YouTubeSettings settings) throws IOException, GoogleTokens.Refused {
            this.settings = settings;
            this.token = tokens.access(settings);
        }

        PlatformAnswer call(Function<String, Request> request) throws IOException, GoogleTokens.Refused {
            PlatformAnswer answer = http.exchange(settings.timeouts(), request.apply(token));
            if (answer.status() == 401 && !renewed) {
                renewed = true;
                token = tokens.renew(settings);
                answer = http.exchange(settings.timeouts(), request.apply(token));
            }
            return answer;
        }
    }

    @Override
    public SendResult send(Delivery delivery) {
        YouTubeSettings settings;
        try {
            settings = YouTubeSettings.of(delivery.channel(), json);
        } catch (BadSetting e) {
            return new SendResult.NeedsAttention(e.getMessage());
        }
        Optional<String> missing = tokens.missing(settings);
        if (missing.isPresent()) {
            return new SendResult.NeedsAttention(missing.get());
        }
        YouTubeVideo video;
        try {
            video = render.read(delivery.payload());
        } catch (IllegalStateException e) {
            return new SendResult.Permanent("Nội dung đã chuẩn bị cho YouTube không đọc được: hãy lên lịch lại tin.");
        }
        Optional<Path> file = assets.findBySha256(video.videoSha256()).map(assets::fileOf).filter(Files::isReadable);
        if (file.isEmpty()) {
            return new SendResult.Permanent("Không còn tệp video của tin trong kho của Herald: hãy tải video lên lại rồi lên "
                    + "lịch lại.");
        }
        try {
            Auth auth = new Auth(settings);
            return upload(settings, auth, delivery, video, file.get(), Files.size(file.get()));
        } catch (GoogleTokens.Refused e) {
            return new SendResult.NeedsAttention(e.getMessage());
        } catch (IOException e) {
            return new SendResult.RetryLater(Optional.empty(), "Không kết nối được với YouTube: Herald sẽ thử lại sau.");
        }
    }

    /** Where an upload stands on YouTube: finished (with the video's id), at an offset, gone, or a failed answer. */
    private record Progress(@Nullable String videoId, long offset, boolean gone, @Nullable PlatformAnswer failed) {}

    private SendResult upload(YouTubeSettings settings, Auth auth, Delivery delivery, YouTubeVideo video, Path file, long size)
            throws IOException, GoogleTokens.Refused {
        String session = null;
        long offset = 0;
        String videoId = null;
        // a session of another file (the publication was rendered again since) is not resumed with this one
        Optional<UploadSessions.Upload> open = sessions.find(delivery.publicationId())
                .filter(upload -> upload.channelId().equals(settings.channelId()))
                .filter(upload -> video.videoSha256().equals(sessionFile(upload.reference())));
        if (open.isPresent()) {
            Progress progress = progress(auth.call(token -> calls.status(sessionUrl(open.get().reference()), size, token)));
            if (progress.failed() != null) {
                return ended(delivery, YouTubeErrors.failure(settings, progress.failed(), "tải video lên", clock));
            }
            if (progress.videoId() != null) {
                videoId = progress.videoId();
            } else if (!progress.gone()) {
                session = sessionUrl(open.get().reference());
                offset = progress.offset();
            }
        }
        if (videoId == null && session == null) {
            PlatformAnswer started = auth.call(token -> calls.startSession(settings, video, size, token));
            Optional<String> location = started.header("Location");
            if (!started.successful() || location.isEmpty()) {
                return started.successful() ? new SendResult.RetryLater(Optional.empty(), "YouTube chưa cho địa chỉ để tải "
                        + "video lên: Herald sẽ thử lại sau.") : YouTubeErrors.failure(settings, started, "tải video lên", clock);
            }
            session = location.get();
            // recorded before any byte goes: after a crash from here on, the next attempt asks this session
            sessions.begin(delivery.publicationId(), settings.channelId(), video.videoSha256() + " " + session);
        }
        int failures = 0;
        boolean ask = false;
        while (videoId == null) {
            PlatformAnswer answer;
            try {
                if (ask) {
                    failures++;
                    if (failures >= settings.uploadTries()) {
                        return new SendResult.RetryLater(Optional.empty(), "Mạng bị ngắt hoặc YouTube gặp sự cố nhiều lần khi "
                                + "tải video lên: Herald sẽ tải tiếp từ chỗ đã dừng ở lần thử sau.");
                    }
                    if (!pause.pause(backoff(failures))) {
                        return new SendResult.RetryLater(Optional.empty(), "Herald đang dừng: việc tải video lên YouTube sẽ "
                                + "tiếp tục từ chỗ đã dừng ở lần thử sau.");
                    }
                    String at = session;
                    answer = auth.call(token -> calls.status(at, size, token));
                } else {
                    byte[] bytes = read(file, offset, (int) Math.min(settings.chunkBytes(), size - offset));
                    String at = session;
                    long from = offset;
                    answer = auth.call(token -> calls.chunk(at, bytes, from, size, video.videoType(), token));
                }
            } catch (IOException cut) {
                ask = true;
                continue;
            }
            if (answer.status() >= 500 || answer.status() == 429) {
                ask = true;
                continue;
            }
            Progress progress = progress(answer);
            if (progress.failed() != null) {
                return ended(delivery, YouTubeErrors.failure(settings, progress.failed(), "tải video lên", clock));
            }
            if (progress.gone()) {
                sessions.end(delivery.publicationId());
                return new SendResult.RetryLater(Optional.empty(), "Phiên tải video lên YouTube đã hết hạn trước khi xong: "
                        + "lần thử sau Herald tải lại video từ đầu.");
            }
            if (progress.videoId() != null) {
                videoId = progress.videoId();
            } else {
                if (progress.offset() > offset) {
                    failures = 0;
                } else if (!ask && ++failures >= settings.uploadTries()) {
                    // YouTube keeps taking the chunk without keeping it
                    return new SendResult.RetryLater(Optional.empty(), "YouTube không nhận thêm phần nào của video: "
                            + "Herald sẽ tải tiếp từ chỗ đã dừng ở lần thử sau.");
                }
                offset = progress.offset();
                ask = false;
            }
        }
        String warning = captions(settings, auth, videoId, video);
        sessions.end(delivery.publicationId());
        return new SendResult.Sent(videoId, video.watchUrl(videoId), warning);
    }

    /** The upload's reference is the file's SHA-256 and the session address, so a session is only resumed with its file. */
    private static String sessionFile(String reference) {
        int space = reference.indexOf(' ');
        return space < 0 ? "" : reference.substring(0, space);
    }

    private static String sessionUrl(String reference) {
        return reference.substring(reference.indexOf(' ') + 1);
    }

    /** A refusal for good ends the session: the next schedule starts a new one. */
    private SendResult ended(Delivery delivery, SendResult result) {
        if (result instanceof SendResult.Permanent) {
            sessions.end(delivery.publicationId());
        }
        return result;
    }

    private static Duration backoff(int failures) {
        Duration wait = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait;
    }

    /** What an answer of the session (a chunk, or the status asked with an empty PUT) says of the upload. */
    private static Progress progress(PlatformAnswer answer) {
        if (answer.status() == 200 || answer.status() == 201) {
            Object id = answer.object().orElse(Map.of()).get("id");
            if (id == null || id.toString().isBlank()) {
                // the file is on YouTube but its id was not read: the next attempt finds it through the session
                throw new IllegalStateException("YouTube finished the upload without a readable video id: "
                        + answer.bodyExcerpt());
            }
            return new Progress(id.toString(), 0, false, null);
        }
        if (answer.status() == 308) {
            long offset = answer.header("Range").map(RANGE::matcher).filter(Matcher::matches)
                    .map(range -> Long.parseLong(range.group(1)) + 1).orElse(0L);
            return new Progress(null, offset, false, null);
        }
        if (answer.status() == 404 || answer.status() == 410) {
            return new Progress(null, 0, true, null);
        }
        return new Progress(null, 0, false, answer);
    }

    private static byte[] read(Path file, long offset, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            in.readFully(bytes);
        }
        return bytes;
    }

    /** The WebVTT track, in Vietnamese; a failure here leaves the video published, with a warning for the editor. */
    @Nullable
    private String captions(YouTubeSettings settings, Auth auth, String videoId, YouTubeVideo video) {
        if (video.captionsSha256() == null) {
            return null;
        }
        String failed = "Video đã lên YouTube nhưng chưa tải được phụ đề tiếng Việt";
        Optional<Asset> captions = assets.findBySha256(video.captionsSha256());
        if (captions.isEmpty()) {
            return failed + ": không còn tệp phụ đề trong kho của Herald. Hãy thêm phụ đề trên YouTube Studio.";
        }
        try {
            byte[] vtt = Files.readAllBytes(assets.fileOf(captions.get()));
            PlatformAnswer answer = auth.call(token -> calls.captions(settings, videoId, vtt, token));
            if (answer.successful()) {
                return null;
            }
            return failed + " (YouTube trả lời " + answer.status() + YouTubeErrors.reason(answer).map(r -> " " + r).orElse("")
                    + "). Hãy thêm tệp phụ đề trên YouTube Studio.";
        } catch (IOException e) {
            return failed + " (mất kết nối). Hãy thêm tệp phụ đề trên YouTube Studio.";
        } catch (GoogleTokens.Refused e) {
            return failed + ": " + e.getMessage();
        }
    }

    /**
     * The interrupted attempt's own upload finished, but it may have died before the captions: they are sent now,
     * unless the video already has a Vietnamese track (the attempt died after them), so none is added twice.
     */
    @Nullable
    private String missingCaptions(YouTubeSettings settings, Auth auth, String videoId, YouTubeVideo video)
            throws IOException, GoogleTokens.Refused {
        if (video.captionsSha256() == null) {
            return null;
        }
        PlatformAnswer tracks = auth.call(token -> calls.captionTracks(settings, videoId, token));
        if (!tracks.successful()) {
            return "Video đã lên YouTube nhưng Herald chưa kiểm tra được phụ đề của nó (YouTube trả lời " + tracks.status()
                    + "). Hãy xem phụ đề trên YouTube Studio.";
        }
        if (tracks.object().orElse(Map.of()).get("items") instanceof List<?> items && items.stream()
                .anyMatch(item -> item instanceof Map<?, ?> track && track.get("snippet") instanceof Map<?, ?> snippet
                        && "vi".equals(snippet.get("language")))) {
            return null;
        }
        return captions(settings, auth, videoId, video);
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        YouTubeSettings settings;
        try {
            settings = YouTubeSettings.of(delivery.channel(), json);
        } catch (BadSetting e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (tokens.missing(settings).isPresent()) {
            // nothing can be read, nor sent: the send that follows pauses the channel with the reason
            return Optional.empty();
        }
        YouTubeVideo video = render.read(delivery.payload());
        try {
            Auth auth = new Auth(settings);
            Optional<UploadSessions.Upload> open = sessions.find(delivery.publicationId())
                    .filter(upload -> upload.channelId().equals(settings.channelId()));
            if (open.isPresent()) {
                Progress progress = progress(auth.call(token -> calls.status(sessionUrl(open.get().reference()),
                        video.videoBytes(), token)));
                if (progress.videoId() != null) {
                    String warning = missingCaptions(settings, auth, progress.videoId(), video);
                    sessions.end(delivery.publicationId());
                    return Optional.of(new SendResult.Sent(progress.videoId(), video.watchUrl(progress.videoId()), warning));
                }
                if (progress.failed() != null) {
                    throw unreadable(settings, progress.failed());
                }
                if (!progress.gone()) {
                    // unfinished: the send that follows resumes this very session, so no second video can appear
                    return Optional.empty();
                }
                sessions.end(delivery.publicationId());
            }
            return amongUploads(settings, auth, video, delivery.attemptStartedAt().minus(RECONCILE_MARGIN));
        } catch (GoogleTokens.Refused e) {
            throw new ChannelNeedsAttention(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploads of YouTube channel " + settings.channelId(), e);
        }
    }

    /** The channel's uploads playlist, newest first, for a video with this title and description made since then. */
    private Optional<SendResult.Sent> amongUploads(YouTubeSettings settings, Auth auth, YouTubeVideo video, Instant since)
            throws IOException, GoogleTokens.Refused {
        PlatformAnswer mine = auth.call(token -> calls.myChannel(settings, token));
        if (!mine.successful()) {
            throw unreadable(settings, mine);
        }
        String playlist = uploadsPlaylist(mine.object().orElse(Map.of())).orElseThrow(() -> new IllegalStateException(
                "YouTube channel " + settings.channelId() + " has no uploads playlist: " + mine.bodyExcerpt()));
        String pageToken = null;
        for (int page = 0; page < RECONCILE_PAGES; page++) {
            String next = pageToken;
            PlatformAnswer answer = auth.call(token -> calls.uploads(settings, playlist, next, token));
            if (!answer.successful()) {
                throw unreadable(settings, answer);
            }
            Map<?, ?> body = answer.object().orElse(Map.of());
            if (body.get("items") instanceof List<?> items) {
                for (Object item : items) {
                    Optional<String> id = matching(item, video, since);
                    if (id.isPresent()) {
                        return Optional.of(new SendResult.Sent(id.get(), video.watchUrl(id.get())));
                    }
                }
            }
            pageToken = body.get("nextPageToken") == null ? null : body.get("nextPageToken").toString();
            if (pageToken == null) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> uploadsPlaylist(Map<?, ?> channels) {
        if (channels.get("items") instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map<?, ?> channel
                && channel.get("contentDetails") instanceof Map<?, ?> details
                && details.get("relatedPlaylists") instanceof Map<?, ?> playlists && playlists.get("uploads") != null) {
            return Optional.of(playlists.get("uploads").toString());
        }
        return Optional.empty();
    }

    private static Optional<String> matching(Object item, YouTubeVideo video, Instant since) {
        if (!(item instanceof Map<?, ?> found) || !(found.get("snippet") instanceof Map<?, ?> snippet)
                || !(snippet.get("resourceId") instanceof Map<?, ?> resource) || resource.get("videoId") == null) {
            return Optional.empty();
        }
        if (!comparable(video.title()).equals(comparable(snippet.get("title")))
                || !comparable(video.description()).equals(comparable(snippet.get("description")))) {
            return Optional.empty();
        }
        try {
            Instant published = Instant.parse(String.valueOf(snippet.get("publishedAt")));
            return published.isBefore(since) ? Optional.empty() : Optional.of(resource.get("videoId").toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** YouTube keeps the text but may change its line ends and spacing. */
    private static String comparable(Object text) {
        return text == null ? "" : text.toString().replaceAll("\\s+", " ").strip();
    }

    private RuntimeException unreadable(YouTubeSettings settings, PlatformAnswer answer) {
        SendResult result = YouTubeErrors.failure(settings, answer, "đọc danh sách video", clock);
        if (result instanceof SendResult.NeedsAttention attention) {
            return new ChannelNeedsAttention(attention.reason());
        }
        return new IllegalStateException("could not read the uploads of YouTube channel " + settings.channelId() + ": "
                + answer.status() + " " + answer.bodyExcerpt());
    }
}
