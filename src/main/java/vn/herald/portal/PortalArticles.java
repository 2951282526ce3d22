package vn.herald.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.eportal.PortalArticle;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceLimits;
import vn.herald.content.SearchText;
import vn.herald.content.Slugs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What the public portal shows: only pieces live on the built-in portal, newest first. */
@Singleton
class PortalArticles {

    /** The dedicated section the communes' plans ask for, from the seed library's topic "Nghị quyết 57". */
    static final String RESOLUTION_57_TOPIC = "Nghị quyết 57";
    static final String RESOLUTION_57_KEY = Slugs.slugOf(RESOLUTION_57_TOPIC);
    /** Sitemaps hold at most 50,000 addresses. */
    static final int SITEMAP_LIMIT = 50_000;

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A live piece: its row in the portal's store and the page it shows. */
    record LiveArticle(PortalArticle row, PortalPage page) {
        String slug() {
            return row.slug();
        }
    }

    /** One page of a listing; {@code page} counts from 1. */
    record Slice(List<LiveArticle> items, int page, int size, long total) {
        int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final LiveArticleRepository repository;
    private final JsonMapper json;

    PortalArticles(LiveArticleRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    Slice latest(int page, int size) {
        return new Slice(read(repository.live(size, (long) (page - 1) * size)), page, size, repository.countLive());
    }

    /** An unknown or malformed topic key answers an empty slice; the caller decides whether the section exists. */
    Slice inTopic(String key, int page, int size) {
        if (!KEY.matcher(key).matches()) {
            return new Slice(List.of(), page, size, 0);
        }
        String pattern = "%|" + key + "|%";
        return new Slice(read(repository.liveInTopic(pattern, size, (long) (page - 1) * size)), page, size,
                repository.countLiveInTopic(pattern));
    }

    /**
     * The unit's live pages holding every word of the query, folded, in any order ({@link SearchText}), newest
     * first. A query without a letter or digit finds nothing.
     */
    Slice search(String unitCode, String query, int page, int size) {
        List<String> patterns = SearchText.patterns(query);
        if (patterns.isEmpty()) {
            return new Slice(List.of(), page, size, 0);
        }
        String[] w = new String[SearchText.MAX_WORDS];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < patterns.size() ? patterns.get(i) : "%";
        }
        return new Slice(read(repository.liveFound(unitCode, w[0], w[1], w[2], w[3], w[4], size, (long) (page - 1) * size)),
                page, size, repository.countLiveFound(unitCode, w[0], w[1], w[2], w[3], w[4]));
    }

    /** The unit's live radio pieces, newest first, all of them or those of one section (by its topic key). */
    List<LiveArticle> radio(String unitCode, @Nullable String topicKey, int limit) {
        if (topicKey != null && !KEY.matcher(topicKey).matches()) {
            return List.of();
        }
        return read(repository.liveRadio(unitCode, topicKey == null ? "%" : "%|" + topicKey + "|%", limit)).stream()
                .filter(article -> article.page().kind() == PieceKind.RADIO_SCRIPT).toList();
    }

    Optional<LiveArticle> bySlug(String slug) {
        return repository.liveBySlug(slug).map(this::read);
    }

    /** Files are public only while a live page shows them. */
    boolean showsFile(String sha256) {
        return SHA256.matcher(sha256).matches() && repository.countLiveShowing("%|" + sha256 + "|%") > 0;
    }

    List<LiveArticle> all() {
        return read(repository.live(SITEMAP_LIMIT, 0));
    }

    Optional<Instant> lastChange() {
        return repository.lastChange();
    }

    /** The sections: every topic of a live piece by its key, and always the Resolution 57 section, sorted in Vietnamese. */
    Map<String, String> sections(List<LiveArticle> live) {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<String, String> byName = new TreeMap<>(vietnamese);
        byName.put(RESOLUTION_57_TOPIC, RESOLUTION_57_KEY);
        for (LiveArticle article : live) {
            // a piece stored before the limit on topics cannot make every page's menu huge
            for (String topic : article.page().topics().stream().limit(PieceLimits.LABELS).toList()) {
                byName.putIfAbsent(topic, Slugs.slugOf(topic));
            }
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        byName.forEach((name, key) -> byKey.putIfAbsent(key, name));
        return byKey;
    }

    private List<LiveArticle> read(List<PortalArticle> rows) {
        return rows.stream().map(this::read).toList();
    }

    private LiveArticle read(PortalArticle row) {
        try {
            return new LiveArticle(row, json.readValue(row.page(), PortalPage.class));
        } catch (IOException e) {
            throw new UncheckedIOException("the portal page of piece " + row.pieceId() + " cannot be read", e);
        }
    }
}
