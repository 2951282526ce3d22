package vn.herald.portal;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.inject.Singleton;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.CleanText;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The portal's radio pieces as a podcast: RSS 2.0 with Apple's iTunes namespace, made with Rome and its iTunes
 * module. What Apple's podcast RSS requirements ask for is written: the show's title, description, language,
 * {@code itunes:image}, {@code itunes:category} and {@code itunes:explicit}; each episode's title, an enclosure
 * with the exact byte length and type of the file served, a GUID and {@code itunes:duration}. The GUID is the
 * portal feeds' ({@link PortalFeeds#guid}), so an episode keeps it through edits and re-publishing.
 */
@Singleton
class PodcastFeeds {

    static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";

    /** Apple's category for a public body's announcements (Apple's category names are English by their spec). */
    private static final String CATEGORY = "Government";
    private static final Namespace ITUNES = Namespace.getNamespace("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final PortalAddress address;
    private final Units units;

    PodcastFeeds(PortalAddress address, Units units) {
        this.address = address;
        this.units = units;
    }

    /**
     * @param title  the show's name, e.g. "Cổng thông tin điện tử xã Hòa An - Chuyển đổi số"
     * @param path   the listing the podcast follows, e.g. {@code /portal} or {@code /portal/chuyen-muc/chuyen-doi-so}
     * @param author who speaks: the unit's name
     */
    String write(String title, String path, String author, List<PodcastEpisodes.Episode> episodes) {
        ZoneId zone = units.zoneOf(units.ownUnitCode());
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(CleanText.line(title));
        feed.setLink(address.base() + path);
        feed.setDescription("Bản tin phát thanh của " + CleanText.line(author) + ", nghe lại qua ứng dụng podcast.");
        feed.setLanguage("vi");
        FeedInformation show = new FeedInformationImpl();
        show.setAuthor(CleanText.line(author));
        show.setOwnerName(CleanText.line(author));
        show.setImageUri(address.base() + PodcastArtwork.PATH);
        show.setCategories(List.of(new Category(CATEGORY)));
        show.setExplicitNullable(false);
        show.setType("episodic");
        feed.getModules().add(show);
        List<SyndEntry> entries = new ArrayList<>();
        for (PodcastEpisodes.Episode episode : episodes) {
            entries.add(entry(episode, author));
        }
        feed.setEntries(entries);
        try {
            Document xml = new SyndFeedOutput().outputJDom(feed);
            Element channel = xml.getRootElement().getChild("channel");
            // Apple's requirements spell the flag true/false; Rome writes the older yes/no
            channel.getChild("explicit", ITUNES).setText("false");
            Element self = new Element("link", ATOM).setAttribute("href", address.base() + path + "/podcast.xml")
                    .setAttribute("rel", "self").setAttribute("type", "application/rss+xml");
            channel.addContent(0, self);
            List<Element> items = channel.getChildren("item");
            for (int i = 0; i < items.size(); i++) {
                Instant published = episodes.get(i).article().row().firstPublishedAt().truncatedTo(ChronoUnit.SECONDS);
                items.get(i).getChild("pubDate").setText(DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atZone(zone)));
                items.get(i).removeChildren("date", Namespace.getNamespace("http://purl.org/dc/elements/1.1/"));
                Element explicit = items.get(i).getChild("explicit", ITUNES);
                if (explicit != null) {
                    explicit.setText("false");
                }
            }
            return new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).outputString(xml);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the podcast of " + path, e);
        }
    }

    private SyndEntry entry(PodcastEpisodes.Episode episode, String author) {
        PortalPage page = episode.page();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(PortalFeeds.guid(page));
        entry.setTitle(CleanText.line(page.title()));
        entry.setLink(address.articleUrl(episode.article().slug()));
        entry.setPublishedDate(Date.from(episode.article().row().firstPublishedAt()));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(CleanText.line(page.summary() != null ? page.summary() : page.title()));
        entry.setDescription(description);
        SyndEnclosure enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(address.base() + episode.audioPath());
        enclosure.setType(episode.audio().mediaType());
        enclosure.setLength(sizeOf(episode));
        entry.setEnclosures(List.of(enclosure));
        EntryInformation information = new EntryInformationImpl();
        information.setAuthor(CleanText.line(page.author() != null ? page.author() : author));
        information.setDuration(new Duration(episode.audio().duration().toMillis()));
        information.setExplicitNullable(false);
        information.setEpisodeType("full");
        entry.getModules().add(information);
        return entry;
    }

    /** The bytes of the file as served, not a size remembered elsewhere: apps check the two agree. */
    private static long sizeOf(PodcastEpisodes.Episode episode) {
        try {
            return Files.size(episode.audio().file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
