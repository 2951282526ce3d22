package vn.herald.portal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import vn.herald.channel.eportal.BuiltInPortalAdapter;
import vn.herald.channel.eportal.PortalPage;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceLimits;
import vn.herald.content.Slugs;
import vn.herald.unit.Units;

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

    private final Units units;

    PortalHtml(Units units) {
        this.units = units;
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
        if (slice.pages() > 1) {
            Element pager = main.appendElement("nav").attr("aria-label", "Phân trang");
            String sizeParam = slice.size() == PortalController.DEFAULT_PAGE_SIZE ? "" : "&moi-trang=" + slice.size();
            if (slice.page() > 1) {
                pager.appendElement("a").attr("rel", "prev").attr("href", pagePath + "?trang=" + (slice.page() - 1) + sizeParam)
                        .text("« Trang trước");
            }
            pager.appendElement("span").text("Trang " + slice.page() + "/" + slice.pages());
            if (slice.page() < slice.pages()) {
                pager.appendElement("a").attr("rel", "next").attr("href", pagePath + "?trang=" + (slice.page() + 1) + sizeParam)
                        .text("Trang sau »");
            }
        }
        return document.outerHtml();
    }

    String article(String site, PortalArticles.LiveArticle article, Map<String, String> sections) {
        PortalPage page = article.page();
        Document document = shell(site, page.title() + " - " + site, sections, "/portal");
        if (page.summary() != null) {
            document.head().appendElement("meta").attr("name", "description").attr("content", page.summary());
        }
        Element main = document.body().appendElement("main").appendElement("article");
        main.appendElement("h1").text(page.title());
        dateLine(main, page, article.row().firstPublishedAt());
        if (page.author() != null) {
            main.appendElement("p").addClass("ngay").text("Tác giả: " + page.author());
        }
        if (page.summary() != null) {
            main.appendElement("p").addClass("sapo").text(page.summary());
        }
        if (page.cover() != null) {
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
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/static/portal.css");
        Element header = document.body().appendElement("header");
        header.appendElement("p").appendElement("a").attr("href", "/portal").appendElement("strong").text(site);
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
        });
    }

    private static String readTime(PortalPage page) {
        if (page.readSeconds() == null) {
            return "";
        }
        long minutes = Math.max(1, Math.round(page.readSeconds() / 60.0));
        return " (khoảng " + minutes + " phút)";
    }
}
