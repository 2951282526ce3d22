package vn.herald.portal;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.Channels;
import vn.herald.channel.eportal.PortalViews;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts the portal's article views by people: no cookie is set and nothing of the reader is kept (no address, no
 * user agent), only a count per publication and day. Crawlers and link-preview fetchers (by their user agent), HEAD
 * requests and prefetches are not people reading. Counts gather in memory and are written in one batch every
 * {@code herald.portal.views-flush} (and when the service stops), not one UPDATE of a hot row per view.
 */
@Singleton
public class ViewCounter {

    private static final Logger LOG = LoggerFactory.getLogger(ViewCounter.class);

    // crawlers and link previews: search engines, Facebook's and the chat apps' card fetchers, feed readers, HTTP
    // libraries; "bot", "crawl", "spider" catch most others
    private static final Pattern NOT_A_READER = Pattern.compile("bot|crawl|spider|slurp|facebookexternalhit|facebookcatalog"
            + "|meta-externalagent|whatsapp|telegram|skype|discord|slack|vkshare|embedly|quora link preview|pinterest"
            + "|bingpreview|google-inspectiontool|googleother|feedfetcher|feedly|headless|lighthouse|preview|curl|wget"
            + "|python|java/|java-http-client|okhttp|go-http-client|libwww|httpclient|node-fetch|axios|scrapy");

    // Zalo's link-card fetcher names Zalo; its in-app browser, where people read, also carries these marks
    private static final Pattern ZALO = Pattern.compile("zalo");
    private static final Pattern ZALO_APP_BROWSER = Pattern.compile("zalotheme|zalolanguage");

    private final PortalViews views;
    private final Channels channels;
    private final Units units;
    private final Clock clock;
    private final Map<PortalViews.Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    ViewCounter(PortalViews views, Channels channels, Units units, Clock clock) {
        this.views = views;
        this.channels = channels;
        this.units = units;
        this.clock = clock;
    }

    /** Counts a view of the publication's page on the channel, unless the request is not a person reading it. */
    void count(HttpRequest<?> request, String channelId, long publicationId) {
        if (!isReader(request)) {
            return;
        }
        ZoneId zone = zones.computeIfAbsent(channelId, id -> units.zoneOf(channels.get(id).unitCode()));
        counts.computeIfAbsent(new PortalViews.Key(publicationId, clock.instant().atZone(zone).toLocalDate()), key -> new LongAdder())
                .increment();
    }

    static boolean isReader(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String purpose = String.join(" ", request.getHeaders().getAll("Sec-Purpose")) + " "
                + String.join(" ", request.getHeaders().getAll("Purpose")) + " "
                + String.join(" ", request.getHeaders().getAll("X-Moz")) + " "
                + String.join(" ", request.getHeaders().getAll("X-Purpose"));
        if (purpose.toLowerCase(Locale.ROOT).matches(".*(prefetch|prerender|preview).*")) {
            return false;
        }
        String agent = request.getHeaders().get("User-Agent");
        if (agent == null || agent.isBlank()) {
            return false;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        if (ZALO.matcher(lower).find() && !ZALO_APP_BROWSER.matcher(lower).find()) {
            return false;
        }
        return !NOT_A_READER.matcher(lower).find();
    }

    /** Writes what was counted since the last write; what fails to be written is counted again next time. */
    @Scheduled(fixedDelay = "${herald.portal.views-flush:30s}", initialDelay = "${herald.portal.views-flush:30s}")
    public void flush() {
        Map<PortalViews.Key, Long> batch = new HashMap<>();
        for (PortalViews.Key key : counts.keySet()) {
            LongAdder adder = counts.remove(key);
            if (adder != null && adder.sum() > 0) {
                batch.merge(key, adder.sum(), Long::sum);
            }
        }
        zones.clear();
        try {
            views.add(batch);
        } catch (RuntimeException e) {
            LOG.warn("Portal views could not be written, kept for the next write: {}", e.toString());
            batch.forEach((key, count) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(count));
        }
    }

    @PreDestroy
    void stop() {
        flush();
    }
}
