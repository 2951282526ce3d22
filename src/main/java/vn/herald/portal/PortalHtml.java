package vn.herald.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.eportal.BuiltInPortalAdapter;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceLimits;
import vn.herald.content.SearchText;
import vn.herald.content.Slugs;
import vn.herald.unit.Units;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The portal's HTML, built with Jsoup's document API rather than a template engine: {@code text()} and
 * {@code attr()} escape everything they are given, so a title or alt text can never become markup, and the pages
 * are few and small enough not to need another dependency. Only the article body goes in as HTML, and it was
 * sanitised when the piece was saved and again when the page was frozen.
 */
@Singleton
class PortalHtml {

    private static final String RESOLUTION_57 = PortalArticles.RESOLUTION_57_KEY;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The id of the search box every page carries in its header. */
    static final String SEARCH_BOX = "o-tim-kiem";
    /** Facebook shows about this much of a link card's description. */
    private static final int CARD_DESCRIPTION = 200;

    private final Units units;
    private final PortalAddress address;

    PortalHtml(Units units, PortalAddress address) {
        this.units = units;
        this.address = address;
    }

    /** A campaign running now and its pieces live on the portal, shown above the latest news. */
    record Featured(String campaign, List<PortalArticles.LiveArticle> articles) {}

    String listing(String site, String heading, @Nullable String sectionKey, PortalArticles.Slice slice,
                   Map<String, String> sections, String feedBase, String pagePath, List<Featured> featured) {
        Document document = shell(site, heading.equals(site) ? site : heading + " - " + site, sections, feedBase);
        Element main = document.body().appendElement("main");
        main.appendElement("h1").text(heading);
        for (Featured block : featured) {
            Element section = main.appendElement("section").addClass("noi-bat");
            section.appendElement("h2").text("Hưởng ứng " + block.campaign());
            Element list = section.appendElement("ul");
            for (PortalArticles.LiveArticle article : block.articles()) {
                list.appendElement("li").appendElement("a").attr("href", "/portal/bai/" + article.slug())
                        .text(article.page().title());
            }
        }
        if (RESOLUTION_57.equals(sectionKey)) {
            main.appendElement("p").text("Chuyên mục tuyên truyền Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, "
                    + "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.");
        }
        if (slice.items().isEmpty()) {
            main.appendElement("p").text("Chưa có bài viết nào.");
        }
        items(main, slice);
        pager(main, slice, pagePath + "?");
        return document.outerHtml();
    }

    /** The results of a search on the portal, with the query kept in the search box. */
    String searchResults(String site, String query, PortalArticles.Slice slice, Map<String, String> sections) {
        Document document = shell(site, (query.isEmpty() ? "Tìm kiếm" : "Tìm kiếm: " + query) + " - " + site, sections,
                "/portal");
        // results change with every publication and every query: not pages for search engines to keep
        document.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
        document.selectFirst("#" + SEARCH_BOX).attr("value", query);
        Element main = document.body().appendElement("main");
        main.appendElement("h1").text("Tìm kiếm");
        if (query.isEmpty()) {
            main.appendElement("p").text("Nhập từ cần tìm vào ô tìm kiếm, có dấu hay không dấu đều được, "
                    + "ví dụ: lua dao, cho hoa an.");
            return document.outerHtml();
        }
        main.appendElement("p").attr("role", "status").text(slice.total() == 0
                ? "Không tìm thấy bài viết nào có đủ các từ “" + query + "”. Hãy thử ít từ hơn hoặc từ khác."
                : "Tìm thấy " + slice.total() + " bài viết có đủ các từ “" + query + "”.");
        items(main, slice);
        pager(main, slice, "/portal/tim-kiem?tu-khoa=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&");
        return document.outerHtml();
    }

    private void items(Element main, PortalArticles.Slice slice) {
        for (PortalArticles.LiveArticle article : slice.items()) {
            PortalPage page = article.page();
            Element item = main.appendElement("article").addClass("tin");
            PortalPage.File picture = page.cover() != null ? page.cover() : page.image();
            if (picture != null) {
                // the title beside it says what the thumbnail is about: decorative here, described on the article page
                item.appendElement("img").attr("src", BuiltInPortalAdapter.FILE_PATH + picture.sha256()).attr("alt", "")
                        .attr("width", "160").attr("loading", "lazy");
            }
            item.appendElement("h2").appendElement("a").attr("href", "/portal/bai/" + article.slug()).text(page.title());
            dateLine(item, page, article.row().firstPublishedAt());
            if (page.summary() != null) {
                item.appendElement("p").text(page.summary());
            }
        }
    }

    /** Links to the pages before and after; {@code base} is the page's address up to its query's next parameter. */
    private static void pager(Element main, PortalArticles.Slice slice, String base) {
        if (slice.pages() <= 1) {
            return;
        }
        Element pager = main.appendElement("nav").attr("aria-label", "Phân trang");
        String sizeParam = slice.size() == PortalController.DEFAULT_PAGE_SIZE ? "" : "&moi-trang=" + slice.size();
        if (slice.page() > 1) {
            pager.appendElement("a").attr("rel", "prev").attr("href", base + "trang=" + (slice.page() - 1) + sizeParam)
                    .text("« Trang trước");
        }
        pager.appendElement("span").text("Trang " + slice.page() + "/" + slice.pages());
        if (slice.page() < slice.pages()) {
            pager.appendElement("a").attr("rel", "next").attr("href", base + "trang=" + (slice.page() + 1) + sizeParam)
                    .text("Trang sau »");
        }
    }

    String article(String site, PortalArticles.LiveArticle article, Map<String, String> sections) {
        PortalPage page = article.page();
        Document document = shell(site, page.title() + " - " + site, sections, "/portal");
        if (page.summary() != null) {
            document.head().appendElement("meta").attr("name", "description").attr("content", page.summary());
        }
        card(document.head(), site, article);
        Element main = document.body().appendElement("main").appendElement("article");
        main.appendElement("h1").text(page.title());
        dateLine(main, page, article.row().firstPublishedAt());
        if (page.author() != null) {
            main.appendElement("p").addClass("ngay").text("Tác giả: " + page.author());
        }
        if (page.summary() != null) {
            main.appendElement("p").addClass("sapo").text(page.summary());
        }
        if (page.kind() == PieceKind.VIDEO && page.video() != null) {
            videoPlayer(main, page);
        } else if (page.cover() != null) {
            main.appendElement("figure").addClass("anh-bia").appendElement("img")
                    .attr("src", BuiltInPortalAdapter.FILE_PATH + page.cover().sha256())
                    // a cover illustrates the title right above it; the piece has no description of its own for it
                    .attr("alt", "");
        }
        if (page.kind() == PieceKind.INFOGRAPHIC && page.image() != null) {
            Element figure = main.appendElement("figure").addClass("infographic");
            Element image = figure.appendElement("img").attr("src", BuiltInPortalAdapter.FILE_PATH + page.image().sha256())
                    .attr("alt", page.altText() == null ? "" : page.altText());
            if (page.bodyHtml() != null && !page.bodyHtml().isBlank()) {
                image.attr("aria-describedby", "mo-ta-chi-tiet");
            }
            if (page.caption() != null) {
                figure.appendElement("figcaption").text(page.caption());
            }
        }
        if (page.audio() != null) {
            Element player = main.appendElement("figure").addClass("ban-ghi-am");
            player.appendElement("figcaption").text("Nghe bản tin" + readTime(page));
            Element audio = player.appendElement("audio").attr("controls", true).attr("preload", "metadata");
            audio.appendElement("source").attr("src", BuiltInPortalAdapter.FILE_PATH + page.audio().sha256())
                    .attr("type", page.audio().mediaType());
            audio.appendElement("a").attr("href", BuiltInPortalAdapter.FILE_PATH + page.audio().sha256())
                    .text("Tải bản ghi âm");
        }
        if (page.kind() == PieceKind.RADIO_SCRIPT && page.script() != null) {
            Element script = main.appendElement("section").addClass("kich-ban");
            script.appendElement("h2").text("Nội dung bản tin");
            for (String paragraph : page.script().split("\n\\s*\n")) {
                script.appendElement("p").text(paragraph.strip());
            }
        } else if (page.bodyHtml() != null && !page.bodyHtml().isBlank()) {
            Element body = main.appendElement("section").addClass("noi-dung");
            if (page.kind() == PieceKind.INFOGRAPHIC) {
                body.attr("id", "mo-ta-chi-tiet");
                body.appendElement("h2").text("Mô tả chi tiết hình");
            }
            body.append(page.bodyHtml());
        }
        if (!page.topics().isEmpty()) {
            Element topics = main.appendElement("p").addClass("chuyen-muc").appendText("Chuyên mục: ");
            for (String topic : page.topics().stream().limit(PieceLimits.LABELS).toList()) {
                topics.appendElement("a").attr("href", "/portal/chuyen-muc/" + Slugs.slugOf(topic)).text(topic);
                topics.appendText(" ");
            }
        }
        return document.outerHtml();
    }

    /**
     * What Facebook, Zalo and X read to draw a link card: Open Graph and Twitter card tags, every address absolute on
     * the public URL, and the canonical address of the page. The picture is the infographic, else the cover.
     */
    private void card(Element head, String site, PortalArticles.LiveArticle article) {
        PortalPage page = article.page();
        String url = address.articleUrl(article.slug());
        String description = cardDescription(page);
        PortalPage.File picture = page.image() != null ? page.image() : page.cover();
        head.appendElement("link").attr("rel", "canonical").attr("href", url);
        property(head, "og:type", "article");
        property(head, "og:locale", "vi_VN");
        property(head, "og:site_name", site);
        property(head, "og:title", page.title());
        property(head, "og:url", url);
        property(head, "article:published_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(article.row()
                .firstPublishedAt().truncatedTo(ChronoUnit.SECONDS).atZone(units.zoneOf(page.unitCode()))));
        named(head, "twitter:card", picture == null ? "summary" : "summary_large_image");
        named(head, "twitter:title", page.title());
        if (!description.isEmpty()) {
            property(head, "og:description", description);
            named(head, "twitter:description", description);
        }
        if (picture != null) {
            String image = address.base() + BuiltInPortalAdapter.FILE_PATH + picture.sha256();
            property(head, "og:image", image);
            property(head, "og:image:type", picture.mediaType());
            named(head, "twitter:image", image);
            if (picture == page.image() && page.altText() != null) {
                property(head, "og:image:alt", page.altText());
                named(head, "twitter:image:alt", page.altText());
            }
        }
    }

    /** The summary, else the start of the text, cut at a word. */
    private static String cardDescription(PortalPage page) {
        String text = page.summary() != null ? page.summary()
                : page.script() != null ? page.script()
                : page.bodyHtml() != null ? Jsoup.parseBodyFragment(page.bodyHtml()).text() : "";
        text = text.strip().replaceAll("\\s+", " ");
        if (text.length() <= CARD_DESCRIPTION) {
            return text;
        }
        int cut = text.lastIndexOf(' ', CARD_DESCRIPTION - 1);
        return text.substring(0, cut > 0 ? cut : CARD_DESCRIPTION - 1) + "…";
    }

    private static void property(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }

    private static void named(Element head, String name, String content) {
        head.appendElement("meta").attr("name", name).attr("content", content);
    }

    /** A 404 or 400 page: what went wrong and where to go instead. */
    String problem(String site, String heading, String message, Map<String, String> sections) {
        Document document = shell(site, heading + " - " + site, sections, "/portal");
        Element main = document.body().appendElement("main");
        main.appendElement("h1").text(heading);
        main.appendElement("p").text(message);
        main.appendElement("p").appendElement("a").attr("href", "/portal").text("Về trang chủ");
        return document.outerHtml();
    }

    private Document shell(String site, String title, Map<String, String> sections, String feedBase) {
        Document document = Document.createShell("");
        document.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(true);
        document.prependChild(new DocumentType("html", "", ""));
        document.selectFirst("html").attr("lang", "vi");
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/rss+xml")
                .attr("title", "RSS").attr("href", feedBase + "/rss.xml");
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml")
                .attr("title", "Atom").attr("href", feedBase + "/atom.xml");
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/rss+xml")
                .attr("title", "Podcast").attr("href", feedBase + "/podcast.xml");
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/static/portal.css");
        Element header = document.body().appendElement("header");
        header.appendElement("p").appendElement("a").attr("href", "/portal").appendElement("strong").text(site);
        Element search = header.appendElement("form").attr("role", "search").attr("action", "/portal/tim-kiem")
                .attr("method", "get").addClass("tim-kiem");
        search.appendElement("label").attr("for", SEARCH_BOX).text("Tìm bài viết");
        search.appendElement("input").attr("type", "search").attr("id", SEARCH_BOX).attr("name", "tu-khoa")
                .attr("maxlength", String.valueOf(SearchText.MAX_QUERY)).attr("placeholder", "ví dụ: lua dao");
        search.appendElement("button").attr("type", "submit").text("Tìm");
        Element nav = header.appendElement("nav").attr("aria-label", "Chuyên mục");
        nav.appendElement("a").attr("href", "/portal").text("Trang chủ");
        nav.appendElement("a").addClass("noi-bat").attr("href", "/portal/chuyen-muc/" + RESOLUTION_57)
                .text(sections.getOrDefault(RESOLUTION_57, PortalArticles.RESOLUTION_57_TOPIC));
        sections.forEach((key, name) -> {
            if (!key.equals(RESOLUTION_57)) {
                nav.appendElement("a").attr("href", "/portal/chuyen-muc/" + key).text(name);
            }
        });
        return document;
    }

    private void dateLine(Element parent, PortalPage page, Instant published) {
        ZoneId zone = units.zoneOf(page.unitCode());
        Element line = parent.appendElement("p").addClass("ngay");
        line.appendElement("time").attr("datetime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        published.truncatedTo(ChronoUnit.SECONDS).atZone(zone)))
                .text(SHOWN.format(published.atZone(zone)));
        line.appendText(" · " + switch (page.kind()) {
            case ARTICLE -> "Tin bài";
            case INFOGRAPHIC -> "Infographic";
            case RADIO_SCRIPT -> "Phát thanh";
            case VIDEO -> "Video";
        });
    }

    /** The cover is the video's poster, so it is not shown again above the player. */
    private static void videoPlayer(Element main, PortalPage page) {
        Element figure = main.appendElement("figure").addClass("video");
        String src = BuiltInPortalAdapter.FILE_PATH + page.video().sha256();
        Element video = figure.appendElement("video").attr("controls", true).attr("preload", "metadata")
                .attr("playsinline", true);
        if (page.cover() != null) {
            video.attr("poster", BuiltInPortalAdapter.FILE_PATH + page.cover().sha256());
        }
        video.appendElement("source").attr("src", src).attr("type", page.video().mediaType());
        if (page.captions() != null) {
            video.appendElement("track").attr("kind", "captions").attr("srclang", "vi").attr("label", "Tiếng Việt")
                    .attr("default", true).attr("src", BuiltInPortalAdapter.FILE_PATH + page.captions().sha256());
        }
        video.appendElement("a").attr("href", src).text("Tải video");
        if (page.caption() != null) {
            figure.appendElement("figcaption").text(page.caption());
        }
    }

    private static String readTime(PortalPage page) {
        if (page.readSeconds() == null) {
            return "";
        }
        long minutes = Math.max(1, Math.round(page.readSeconds() / 60.0));
        return " (khoảng " + minutes + " phút)";
    }
}
