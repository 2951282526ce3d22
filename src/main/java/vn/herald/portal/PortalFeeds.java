package vn.herald.portal;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.inject.Singleton;
import org.jdom2.Document;
import org.jsoup.nodes.Entities;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.eportal.BuiltInPortalAdapter;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.CleanText;
import vn.herald.content.PieceLimits;
import vn.herald.unit.Units;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * RSS 2.0 and Atom 1.0 feeds of the portal, made with Rome. An entry's GUID is a name-based UUID of the unit and
 * the piece, so it survives edits, re-publishing and a change of the public address. Rome writes every date in
 * GMT; the dates are rewritten in the unit's zone (Asia/Ho_Chi_Minh, +07:00), which readers show as local time.
 */
@Singleton
class PortalFeeds {

    enum Kind {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String romeType;
        final String contentType;

        Kind(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }
    }

    /** Entries per feed: readers only look at the newest. */
    static final int ENTRIES = 50;

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    /** Rome repeats each date as Dublin Core {@code dc:date}, also in UTC. */
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

    private final PortalAddress address;
    private final Units units;

    PortalFeeds(PortalAddress address, Units units) {
        this.address = address;
        this.units = units;
    }

    /** The GUID of a piece on the portal: the same for as long as the piece lives. */
    static String guid(PortalPage page) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("herald-portal:" + page.unitCode() + ":" + page.pieceId())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param path the listing the feed follows, e.g. {@code /portal} or {@code /portal/chuyen-muc/nghi-quyet-57}
     */
    String write(Kind kind, String title, String path, List<PortalArticles.LiveArticle> articles) {
        ZoneId zone = units.zoneOf(units.ownUnitCode());
        Instant newest = articles.stream().map(a -> a.row().updatedAt()).max(Instant::compareTo).orElse(null);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(kind.romeType);
        feed.setTitle(CleanText.line(title));
        feed.setLink(address.base() + path);
        feed.setDescription("Tin, bài mới trên " + CleanText.line(title));
        feed.setLanguage("vi");
        feed.setUri(address.base() + path);
        if (newest != null) {
            feed.setPublishedDate(Date.from(newest));
        }
        String self = address.base() + path + (kind == Kind.RSS ? "/rss.xml" : "/atom.xml");
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(self);
        selfLink.setType(kind.contentType.substring(0, kind.contentType.indexOf(';')));
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(address.base() + path);
        feed.setLinks(kind == Kind.ATOM ? List.of(alternate, selfLink) : List.of());
        List<SyndEntry> entries = new ArrayList<>();
        for (PortalArticles.LiveArticle article : articles) {
            entries.add(entry(kind, article));
        }
        feed.setEntries(entries);
        try {
            Document xml = new SyndFeedOutput().outputJDom(feed);
            localDates(kind, xml, articles, newest, zone);
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + kind + " feed of " + path, e);
        }
    }

    private SyndEntry entry(Kind kind, PortalArticles.LiveArticle article) {
        PortalPage page = article.page();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(guid(page));
        entry.setTitle(CleanText.line(page.title()));
        entry.setLink(address.articleUrl(article.slug()));
        entry.setPublishedDate(Date.from(article.row().firstPublishedAt()));
        entry.setUpdatedDate(Date.from(article.row().updatedAt()));
        if (page.author() != null) {
            entry.setAuthor(CleanText.line(page.author()));
        }
        if (page.summary() != null) {
            entry.setDescription(description(kind, CleanText.line(page.summary())));
        }
        List<SyndCategory> categories = new ArrayList<>();
        for (String topic : page.topics().stream().limit(PieceLimits.LABELS).toList()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(CleanText.line(topic));
            categories.add(category);
        }
        entry.setCategories(categories);
        List<SyndEnclosure> enclosures = new ArrayList<>();
        for (PortalPage.File file : new PortalPage.File[] {page.cover() != null ? page.cover() : page.image(), page.audio()}) {
            if (file != null) {
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(address.base() + BuiltInPortalAdapter.FILE_PATH + file.sha256());
                enclosure.setType(file.mediaType());
                enclosure.setLength(file.sizeBytes());
                enclosures.add(enclosure);
            }
        }
        // RSS 2.0 allows one enclosure per item: the picture when there is one, else the recording
        entry.setEnclosures(kind == Kind.RSS && enclosures.size() > 1 ? enclosures.subList(0, 1) : enclosures);
        return entry;
    }

    /**
     * Readers show an RSS {@code <description>} as HTML, so the summary goes in escaped: a summary that reads
     * {@code <b>} is shown as those three characters. Atom says what its summary is: plain text.
     */
    private static SyndContent description(Kind kind, String summary) {
        SyndContent description = new SyndContentImpl();
        if (kind == Kind.RSS) {
            description.setType("text/html");
            description.setValue(Entities.escape(summary));
        } else {
            description.setType("text/plain");
            description.setValue(summary);
        }
        return description;
    }

    private static void localDates(Kind kind, Document xml, List<PortalArticles.LiveArticle> articles, Instant newest,
                                   ZoneId zone) {
        if (kind == Kind.RSS) {
            DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
            Element channel = xml.getRootElement().getChild("channel");
            if (newest != null) {
                setText(channel.getChild("pubDate"), rfc822.format(local(newest, zone)));
                dublinCore(channel, local(newest, zone));
            }
            List<Element> items = channel.getChildren("item");
            for (int i = 0; i < items.size(); i++) {
                ZonedDateTime published = local(articles.get(i).row().firstPublishedAt(), zone);
                setText(items.get(i).getChild("pubDate"), rfc822.format(published));
                dublinCore(items.get(i), published);
            }
        } else {
            DateTimeFormatter rfc3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
            Element feed = xml.getRootElement();
            if (newest != null) {
                setText(feed.getChild("updated", ATOM), rfc3339.format(local(newest, zone)));
                dublinCore(feed, local(newest, zone));
            }
            List<Element> entries = feed.getChildren("entry", ATOM);
            for (int i = 0; i < entries.size(); i++) {
                PortalArticles.LiveArticle article = articles.get(i);
                ZonedDateTime published = local(article.row().firstPublishedAt(), zone);
                setText(entries.get(i).getChild("published", ATOM), rfc3339.format(published));
                setText(entries.get(i).getChild("updated", ATOM), rfc3339.format(local(article.row().updatedAt(), zone)));
                dublinCore(entries.get(i), published);
            }
        }
    }

    private static void dublinCore(Element parent, ZonedDateTime date) {
        Element dcDate = parent.getChild("date", DC);
        if (dcDate != null) {
            dcDate.setText(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date));
        }
    }

    private static ZonedDateTime local(Instant instant, ZoneId zone) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
    }

    private static void setText(Element element, String text) {
        if (element == null) {
            throw new IllegalStateException("Rome wrote a feed without an expected date element");
        }
        element.setText(text);
    }
}
