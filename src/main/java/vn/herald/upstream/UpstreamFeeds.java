package vn.herald.upstream;

import io.micronaut.core.annotation.Nullable;
import vn.herald.unit.Access;
import vn.herald.unit.Reach;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.Channels;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream feeds (the provincial portal, a ministry's news) named in channel files under {@code upstreamFeeds}: read,
 * cleaned, and offered as DRAFT articles of the channel's unit, each item once. A broken feed is recorded with its
 * reason and never stops the others.
 */
@Singleton
public class UpstreamFeeds {

    /** A configured feed and its last reading, as the API shows it. */
    @Serdeable
    public record FeedStatus(String id, String channelId, String unitCode, String name, String url, List<String> topics,
                             @Nullable Boolean ok, @Nullable String message, int itemsRead, int itemsNew,
                             @Nullable Instant ranAt, @Nullable Instant lastSuccessAt) {}

    static final String KEY = "upstreamFeeds";
    /** A feed entry's permission to be read from the server's own networks (loopback, private, link-local). */
    static final String ALLOW_PRIVATE = "allowPrivateAddresses";
    static final String NOT_A_LIST = "'" + KEY + "' phải là một danh sách, mỗi mục có url, name và topics";
    /** The lengths the result table keeps. */
    private static final int MAX_URL = 1000;
    private static final int MAX_NAME = 200;
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamFeeds.class);

    private final Channels channels;
    private final FeedReader reader;
    private final ItemImporter importer;
    private final UpstreamItemRepository items;
    private final FeedRunRepository runs;
    private final JsonMapper json;
    private final Clock clock;
    private final Access access;

    UpstreamFeeds(Channels channels, FeedReader reader, ItemImporter importer, UpstreamItemRepository items,
                  FeedRunRepository runs, JsonMapper json, Access access, Clock clock) {
        this.access = access;
        this.channels = channels;
        this.reader = reader;
        this.importer = importer;
        this.items = items;
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    /** Every configured feed of the units the caller reaches, with its last result; a feed never read yet has none. */
    public List<FeedStatus> statuses() {
        Reach reach = access.reach();
        return configured().stream().filter(feed -> reach.canRead(feed.unitCode()))
                .map(feed -> status(feed, runs.findById(feed.id()).orElse(null))).toList();
    }

    /** Reads now every configured feed of the units the caller may act on; answers each one's result. */
    public List<FeedStatus> fetchAll() {
        Reach reach = access.reach();
        List<FeedStatus> results = new ArrayList<>();
        for (UpstreamFeed feed : configured().stream().filter(feed -> reach.canAct(feed.unitCode())).toList()) {
            try {
                results.add(status(feed, fetch(feed)));
            } catch (RuntimeException e) {
                // the database, not the feed, failed: the other feeds are still read
                LOG.error("Upstream feed {} ({}) could not be recorded", feed.name(), feed.url(), e);
                results.add(new FeedStatus(feed.id(), feed.channelId(), feed.unitCode(), feed.name(), feed.url(), feed.topics(),
                        false, "Lỗi khi ghi kết quả: " + e.getMessage(), 0, 0, clock.instant(), null));
            }
        }
        return results;
    }

    private FeedRun fetch(UpstreamFeed feed) {
        Instant ranAt = clock.instant();
        Optional<FeedRun> before = runs.findById(feed.id());
        Instant lastSuccess = before.map(FeedRun::lastSuccessAt).orElse(null);
        if (feed.problem() != null) {
            return record(new FeedRun(feed.id(), feed.channelId(), feed.url(), feed.name(), false,
                    feed.where() + ": " + feed.problem(), 0, 0, ranAt, lastSuccess));
        }
        List<FeedItem> read;
        try {
            read = reader.read(feed.url(), feed.allowPrivateAddresses());
        } catch (FeedProblem e) {
            LOG.warn("Upstream feed {} ({}): {}", feed.name(), feed.url(), e.getMessage());
            return record(new FeedRun(feed.id(), feed.channelId(), feed.url(), feed.name(), false,
                    "Lỗi: " + e.getMessage(), 0, 0, ranAt, lastSuccess));
        }
        int created = 0;
        int failed = 0;
        String firstFailure = null;
        for (FeedItem item : read) {
            List<String> keys = ItemKeys.of(item);
            if (keys.isEmpty() || items.existsByUnitCodeAndItemKeyInList(feed.unitCode(), keys)) {
                continue;
            }
            try {
                importer.importItem(feed, item, keys);
                created++;
            } catch (RuntimeException e) {
                // another instance, or another feed of this run, imported it first: its key is there now
                if (!items.existsByUnitCodeAndItemKeyInList(feed.unitCode(), keys)) {
                    failed++;
                    firstFailure = firstFailure != null ? firstFailure : "'" + item.title() + "': " + e.getMessage();
                    LOG.warn("Upstream feed {}: item '{}' not imported: {}", feed.name(), item.title(), e.toString());
                }
            }
        }
        String message = "Đọc được " + read.size() + " tin, " + created + " tin mới thành bản nháp"
                + (failed == 0 ? "" : "; " + failed + " tin không nhập được, ví dụ " + firstFailure);
        return record(new FeedRun(feed.id(), feed.channelId(), feed.url(), feed.name(), failed == 0, message, read.size(),
                created, ranAt, failed == 0 ? ranAt : lastSuccess));
    }

    /** Keeps the run as the feed's last result; two instances writing at once both end with a complete row. */
    private FeedRun record(FeedRun run) {
        if (runs.existsById(run.id())) {
            return runs.update(run);
        }
        try {
            return runs.save(run);
        } catch (RuntimeException e) {
            return runs.update(run);
        }
    }

    private static FeedStatus status(UpstreamFeed feed, @Nullable FeedRun run) {
        if (run == null) {
            return new FeedStatus(feed.id(), feed.channelId(), feed.unitCode(), feed.name(), feed.url(), feed.topics(),
                    null, feed.problem() == null ? null : feed.where() + ": " + feed.problem(), 0, 0, null, null);
        }
        return new FeedStatus(feed.id(), feed.channelId(), feed.unitCode(), feed.name(), feed.url(), feed.topics(),
                run.ok(), run.message(), run.itemsRead(), run.itemsNew(), run.ranAt(), run.lastSuccessAt());
    }

    // --- the feeds named in channel files

    List<UpstreamFeed> configured() {
        List<UpstreamFeed> feeds = new ArrayList<>();
        for (Channel channel : channels.list()) {
            if (channels.fileRemoved(channel)) {
                continue;
            }
            Object value;
            try {
                // bound to UpstreamFeed records entry by entry below, so an entry the import refused shows its problem
                value = ChannelSettings.bind(channel, json, (id, raw) -> raw.get(KEY));
            } catch (BadSetting e) {
                continue;
            }
            if (value == null) {
                continue;
            }
            if (!(value instanceof List<?> list)) {
                feeds.add(new UpstreamFeed(channel.id(), channel.unitCode(), 0, "", KEY, List.of(), false, NOT_A_LIST));
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                feeds.add(feedOf(channel, i, list.get(i)));
            }
        }
        return feeds;
    }

    private static UpstreamFeed feedOf(Channel channel, int index, Object entry) {
        String problem = problemOf(entry);
        if (!(entry instanceof Map<?, ?> map)) {
            return new UpstreamFeed(channel.id(), channel.unitCode(), index, "", "nguồn " + (index + 1), List.of(), false, problem);
        }
        String url = text(map.get("url"));
        String name = text(map.get("name"));
        List<String> topics = map.get("topics") instanceof List<?> list
                ? list.stream().filter(Objects::nonNull).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        String shownName = name.isEmpty() ? "nguồn " + (index + 1) : name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return new UpstreamFeed(channel.id(), channel.unitCode(), index, url.length() > MAX_URL ? url.substring(0, MAX_URL) : url,
                shownName, topics, Boolean.TRUE.equals(map.get(ALLOW_PRIVATE)), problem);
    }

    /** What is wrong with one entry of {@code upstreamFeeds}, or null; also checked when the channel file is imported. */
    @Nullable
    static String problemOf(@Nullable Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            return "mỗi nguồn tin phải có dạng {url: ..., name: ..., topics: [...]}";
        }
        String url = text(map.get("url"));
        if (url.isEmpty()) {
            return "thiếu 'url': địa chỉ RSS hoặc Atom của nguồn tin";
        }
        if (url.length() > MAX_URL) {
            return "'url' dài " + url.length() + " ký tự, tối đa " + MAX_URL;
        }
        if (!httpAddress(url)) {
            return "'url' phải là một địa chỉ http(s), đang là '" + url + "'";
        }
        if (text(map.get("name")).isEmpty()) {
            return "thiếu 'name': tên nguồn tin, ghi vào mục tác giả của bản nháp (ví dụ Cổng thông tin điện tử tỉnh)";
        }
        if (map.get(ALLOW_PRIVATE) != null && !(map.get(ALLOW_PRIVATE) instanceof Boolean)) {
            return "'" + ALLOW_PRIVATE + "' phải là true hoặc false";
        }
        if (map.get("topics") != null && !(map.get("topics") instanceof List<?>)) {
            return "'topics' phải là một danh sách, ví dụ [Chuyển đổi số]";
        }
        return null;
    }

    private static boolean httpAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
