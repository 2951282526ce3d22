package vn.herald.content;

import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Article HTML: sanitising what authors write, and turning it into plain text for channels. */
@Singleton
public final class HtmlText {

    // Only used to check relative links; preserveRelativeLinks keeps them relative in the output.
    private static final String CHECK_BASE_URI = "https://herald.invalid/";
    private static final int MAX_CLEANING_PASSES = 4;

    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "template", "noscript");
    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "table", "dl", "hr");
    private static final Set<String> LINES = Set.of(
            "div", "figcaption", "caption", "tr", "dt", "dd", "section", "article", "header", "footer",
            "main", "nav", "aside", "address", "details", "summary");

    private final Safelist safelist = Safelist.relaxed()
            .addTags("figure", "figcaption")
            .addAttributes("img", "alt", "title")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);
    private final Parser markdownParser = Parser.builder().build();
    private final HtmlRenderer markdownRenderer = HtmlRenderer.builder().build();

    /**
     * Keeps text structure, links (http, https, mailto, relative) and images (http, https,
     * relative); drops scripts, frames, forms, event handlers, style, every other URL scheme and every control
     * character but tab and newline; flattens elements nested deeper than {@link PieceLimits#HTML_DEPTH} into their
     * text, so no stored body, however old, makes a page slow to build.
     */
    public String sanitise(String html) {
        if (html == null) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        String cleaned = clean(CleanText.text(html), output);
        // Dropping a wrapper such as <math> can leave a structure no parser builds (a <p> inside a <p>): cleaned
        // again, it would change, and every later save of the piece would change its body. Clean to a fixed point.
        for (int pass = 0; pass < MAX_CLEANING_PASSES; pass++) {
            String again = clean(cleaned, output);
            if (again.equals(cleaned)) {
                break;
            }
            cleaned = again;
        }
        return cleaned;
    }

    private String clean(String html, Document.OutputSettings output) {
        Document dirty = Jsoup.parseBodyFragment(html, CHECK_BASE_URI);
        flattenDeep(dirty.body());
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings(output);
        // a character reference such as &#1; parses into the control character it names
        clean.body().traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                text.text(CleanText.text(text.getWholeText()));
            }
            node.attributes().forEach(attribute -> attribute.setValue(CleanText.text(attribute.getValue())));
        });
        return clean.body().html();
    }

    private static void flattenDeep(Element body) {
        List<Element> deepest = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth >= PieceLimits.HTML_DEPTH && node instanceof Element element && !element.children().isEmpty()) {
                    deepest.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        for (Element element : deepest) {
            element.text(element.text());
        }
    }

    public String markdownToHtml(String markdown) {
        if (markdown == null) {
            return "";
        }
        // CommonMark turns NUL into U+FFFD: remove control characters before it sees them
        return sanitise(markdownRenderer.render(markdownParser.parse(CleanText.text(markdown))));
    }

    /**
     * Plain text for Facebook, Zalo and radio: paragraphs and headings apart by a blank line,
     * list items as "- " or "1. " lines, links as their text only.
     */
    public String toPlainText(String html) {
        if (html == null) {
            return "";
        }
        PlainTextWriter writer = new PlainTextWriter();
        NodeTraversor.filter(writer, Jsoup.parseBodyFragment(html).body());
        return Normalizer.normalize(writer.text(), Normalizer.Form.NFC);
    }

    /**
     * Line breaks are owed, not written, until the next visible character: that is what keeps
     * blank lines from piling up and from leading or trailing the text.
     */
    private static final class PlainTextWriter implements NodeFilter {

        private static final class ListLevel {
            private final boolean ordered;
            private int next;

            ListLevel(boolean ordered, int start) {
                this.ordered = ordered;
                this.next = start;
            }

            String marker() {
                return ordered ? (next++) + ". " : "- ";
            }
        }

        private final StringBuilder out = new StringBuilder();
        private final Deque<ListLevel> lists = new ArrayDeque<>();
        private int owedBreaks;
        private boolean owedSpace;
        private String owedMarker;
        private int preformatted;

        String text() {
            return out.toString();
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                write(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            switch (tag) {
                case "br" -> owedBreaks = Math.min(owedBreaks + 1, 2);
                case "ul", "ol" -> {
                    breakLines(paragraphBreak());
                    lists.push(new ListLevel(tag.equals("ol"), startOf(element)));
                }
                case "li" -> {
                    breakLines(1);
                    owedMarker = lists.isEmpty() ? "- " : lists.peek().marker();
                }
                case "td", "th" -> owedSpace = true;
                default -> breakAround(tag);
            }
            if (tag.equals("pre")) {
                preformatted++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            switch (tag) {
                case "ul", "ol" -> {
                    lists.pop();
                    breakLines(paragraphBreak());
                }
                case "li" -> {
                    breakLines(1);
                    owedMarker = null;
                }
                default -> breakAround(tag);
            }
            if (tag.equals("pre")) {
                preformatted--;
            }
            return FilterResult.CONTINUE;
        }

        private void breakAround(String tag) {
            if (PARAGRAPHS.contains(tag)) {
                breakLines(paragraphBreak());
            } else if (LINES.contains(tag)) {
                breakLines(1);
            }
        }

        // Inside a list a blank line would split the item, so paragraphs there are plain lines.
        private int paragraphBreak() {
            return lists.isEmpty() ? 2 : 1;
        }

        private void breakLines(int count) {
            owedBreaks = Math.max(owedBreaks, count);
            owedSpace = false;
        }

        private void write(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' && preformatted > 0) {
                    owedBreaks = Math.min(owedBreaks + 1, 2);
                } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    owedSpace = true;
                } else {
                    writeVisible(c);
                }
            }
        }

        private void writeVisible(char c) {
            if (owedBreaks > 0 && !out.isEmpty()) {
                out.append("\n".repeat(owedBreaks));
            }
            owedBreaks = 0;
            boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
            if (lineStart) {
                int indent = lists.isEmpty() ? 0 : lists.size() - (owedMarker == null ? 0 : 1);
                out.append("  ".repeat(indent));
                if (owedMarker != null) {
                    out.append(owedMarker);
                }
            } else if (owedSpace) {
                out.append(' ');
            }
            owedMarker = null;
            owedSpace = false;
            out.append(c);
        }

        private static int startOf(Element list) {
            try {
                return list.hasAttr("start") ? Integer.parseInt(list.attr("start").trim()) : 1;
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }
}
